// End to end: an Outlook mailbox (tests/data/pst/mail.pst, written by
// tools/make_pst_fixture.py) scanned by the binary, alone and inside a zip.
// The pattern findings of its messages must be exactly these, at exactly
// these places (folder path, message number, field or body offset); its
// attachment comes back as an item of its own named after folder and
// message; names and the health number in a body are found; a truncated
// mailbox is an error item with its reason and the scan still succeeds.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "test_support.h"

namespace breachscope {
namespace {

using e2e::RunProcess;
using Row = std::tuple<std::string, std::string, std::string, std::string>;  // source, location, category, value

// Categories whose detectors are exact patterns (see documents_e2e_test.cc).
const std::set<std::string> kExactCategories = {"email", "phone", "date_of_birth",
                                                "health_insurance_number"};

std::set<Row> ExpectedFor(const std::string& pst) {
  const std::set<Row> rows = {
      // Sender and recipients as fields, per folder and message.
      {"", "record 1, Inbox/1/from[1].email", "email", "p.gagnon@clinic.example.org"},
      {"", "record 1, Inbox/1/to[1].email", "email", "renee.ouellet@example.com"},
      {"", "record 1, Inbox/1/cc[1].email", "email", "desk@clinic.example.org"},
      {"", "record 2, Inbox/2/from[1].email", "email", "nadia.poirier@example.com"},
      {"", "record 2, Inbox/2/to[1].email", "email", "desk@clinic.example.org"},
      {"", "record 3, Inbox/Referrals/1/from[1].email", "email", "claire.bouchard@example.org"},
      {"", "record 3, Inbox/Referrals/1/to[1].email", "email", "p.gagnon@clinic.example.org"},
      // A plain body, an HTML-only body (read as text), a body in a sub folder.
      {"", "record 1, Inbox/1/body, offset 43", "health_insurance_number", "731 204 865"},
      {"", "record 1, Inbox/1/body, offset 110", "phone", "306-555-0166"},
      {"", "record 2, Inbox/2/body, offset 53", "phone", "306-555-0188"},
      {"", "record 3, Inbox/Referrals/1/body, offset 29", "date_of_birth", "1962-11-05"},
      {"", "record 3, Inbox/Referrals/1/body, offset 73", "phone", "306-555-0177"},
      // A message attached to the referral, read in place under its name.
      {"", "record 3, Inbox/Referrals/1/Requisition for Marc Lavoie/from[1].email", "email",
       "lab.desk@example.org"},
      {"", "record 3, Inbox/Referrals/1/Requisition for Marc Lavoie/to[1].email", "email",
       "claire.bouchard@example.org"},
      {"", "record 3, Inbox/Referrals/1/Requisition for Marc Lavoie/body, offset 53", "phone",
       "306-555-0144"},
      // The attachment, an item of its own under the mailbox.
      {"!Inbox/2/lab.csv", "row 1, column 2 (date_of_birth)", "date_of_birth", "1979-06-21"},
      {"!Inbox/2/lab.csv", "row 1, column 3 (email)", "email", "nadia.poirier@example.com"},
      {"!Inbox/2/lab.csv", "row 1, column 4 (health_number)", "health_insurance_number",
       "482 193 756"},
  };
  std::set<Row> out;
  for (const auto& [source, location, category, value] : rows) {
    out.insert(Row(pst + source, location, category, value));
  }
  return out;
}

class PstTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new e2e::TempDir();
    const std::string share = dir_->path() + "/share";
    const std::string fixtures = std::string(BREACHSCOPE_SOURCE_DIR) + "/tests/data/pst/";
    std::filesystem::create_directories(share + "/archive");
    std::filesystem::copy(fixtures + "mail.pst", share + "/mail.pst");
    std::filesystem::copy(fixtures + "mail_truncated.pst", share + "/mail_truncated.pst");
    // The same mailbox as a member of a zip: read from memory, no temp file.
    std::filesystem::copy(fixtures + "mail.pst", dir_->path() + "/mail.pst");
    zip_ = new e2e::ProcessResult(RunProcess(
        {"zip", "-q", "-j", share + "/archive/export.zip", dir_->path() + "/mail.pst"}));
    const std::string case_dir = dir_->path() + "/case";
    scan_ = new e2e::ProcessResult(
        RunProcess({e2e::BinaryPath(), "scan", share, "--case", case_dir, "--quiet"}));
    summary_ = new nlohmann::json(nlohmann::json::parse(
        RunProcess({e2e::BinaryPath(), "summary", "--case", case_dir, "--json"}).out));
    e2e::ProcessResult exported = RunProcess(
        {e2e::BinaryPath(), "export", "findings", "--case", case_dir, "--format", "jsonl"});
    findings_ = new std::vector<nlohmann::json>();
    std::istringstream lines(exported.out);
    for (std::string line; std::getline(lines, line);) {
      findings_->push_back(nlohmann::json::parse(line));
    }
  }
  static void TearDownTestSuite() {
    delete findings_;
    delete summary_;
    delete scan_;
    delete zip_;
    delete dir_;
  }
  static bool HasFinding(const std::string& source, const std::string& category,
                         const std::string& value) {
    for (const auto& f : *findings_) {
      if (f["source"] == source && f["category"] == category && f["value"] == value) return true;
    }
    return false;
  }

  static e2e::TempDir* dir_;
  static e2e::ProcessResult* zip_;
  static e2e::ProcessResult* scan_;
  static nlohmann::json* summary_;
  static std::vector<nlohmann::json>* findings_;
};

e2e::TempDir* PstTest::dir_ = nullptr;
e2e::ProcessResult* PstTest::zip_ = nullptr;
e2e::ProcessResult* PstTest::scan_ = nullptr;
nlohmann::json* PstTest::summary_ = nullptr;
std::vector<nlohmann::json>* PstTest::findings_ = nullptr;

TEST_F(PstTest, ScanSucceeds) {
  ASSERT_EQ(zip_->exit_code, 0) << zip_->err;
  EXPECT_EQ(scan_->exit_code, 0) << scan_->err;
}

TEST_F(PstTest, PatternFindingsAreExact) {
  std::set<Row> want = ExpectedFor("mail.pst");
  for (const Row& row : ExpectedFor("archive/export.zip!mail.pst")) want.insert(row);
  std::set<Row> got;
  for (const auto& f : *findings_) {
    const std::string category = f["category"].get<std::string>();
    if (kExactCategories.count(category) == 0) continue;
    got.insert(Row(f["source"].get<std::string>(), f["location"].get<std::string>(), category,
                   f["value"].get<std::string>()));
  }
  for (const Row& row : want) {
    EXPECT_EQ(got.count(row), 1u) << "missing: " << std::get<0>(row) << " | " << std::get<1>(row)
                                  << " | " << std::get<2>(row) << " | " << std::get<3>(row);
  }
  for (const Row& row : got) {
    EXPECT_EQ(want.count(row), 1u) << "unexpected: " << std::get<0>(row) << " | "
                                   << std::get<1>(row) << " | " << std::get<2>(row) << " | "
                                   << std::get<3>(row);
  }
}

TEST_F(PstTest, NamesOfSendersRecipientsAndPatients) {
  for (const char* source : {"mail.pst", "archive/export.zip!mail.pst"}) {
    for (const char* name : {"Dr. Paul Gagnon", "Renee Ouellet", "Nadia Poirier",
                             "Dr. Claire Bouchard"}) {
      EXPECT_TRUE(HasFinding(source, "name", name)) << source << ": " << name;
    }
  }
  EXPECT_TRUE(HasFinding("mail.pst!Inbox/2/lab.csv", "name", "Nadia Poirier"));
  // Role mailboxes are no person, as in EML and MBOX.
  EXPECT_FALSE(HasFinding("mail.pst", "name", "Clinic Desk"));
  EXPECT_FALSE(HasFinding("mail.pst", "name", "Regina Lab Desk"));
}

// The mailbox on disk and in the zip are read; the truncated one is an
// error item, not a scanned one. Each attachment is a CSV item of its own.
TEST_F(PstTest, MailboxesAndAttachmentsAreItems) {
  const nlohmann::json& formats = (*summary_)["items_by_format"];
  EXPECT_EQ(formats.value("pst", 0), 2) << formats.dump();
  EXPECT_EQ(formats.value("csv", 0), 2) << formats.dump();
}

TEST_F(PstTest, TruncatedMailboxIsAnErrorItemWithItsReason) {
  std::string reason;
  for (const auto& error : (*summary_)["errors"]) {
    if (error["name"] == "mail_truncated.pst") {
      reason = std::string(error["code"]) + ": " + std::string(error["message"]);
    }
  }
  EXPECT_EQ(reason, "corrupt: PST/OST mailbox has no root folder (truncated: 18632 of 30720 bytes)");
  EXPECT_EQ((*summary_)["errors"].size(), 1u) << (*summary_)["errors"].dump();
}

}  // namespace
}  // namespace breachscope
