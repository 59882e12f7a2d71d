// End to end: the case is no new breach. After a scan of a generated share
// no truth value (name, health number, phone, e-mail, SIN, record number),
// nor the name of a file named after a patient, appears in any file of the
// case folder; a flipped byte in a sealed value
// is caught; a wrong, missing or left-behind key gives exit 5 and a clear
// message; the audit log records scans and exports and `audit verify`
// catches edits and truncation; exports are 0600, masked on request, and
// sealed for a recipient with --encrypt-to; rekey keeps every finding.
#include <sqlite3.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

namespace breachscope {
namespace {

namespace fs = std::filesystem;
using e2e::ProcessResult;
using e2e::RunProcess;
using e2e::TempDir;

ProcessResult Bs(std::vector<std::string> args) {
  args.insert(args.begin(), e2e::BinaryPath());
  return RunProcess(args);
}

// Truth values that identify a person, long enough not to turn up by
// chance inside ciphertext.
std::set<std::string> IdentifyingTruth(const std::string& truth_path) {
  static const std::set<std::string> kinds = {
      "name", "staff_name", "related_name", "health_number", "phone",
      "email", "sin", "mrn", "patient_number", "street_address"};
  std::set<std::string> values;
  for (const std::string& line : e2e::ReadLines(truth_path)) {
    nlohmann::json t = nlohmann::json::parse(line);
    if (!kinds.count(t["kind"].get<std::string>())) continue;
    for (const char* field : {"value", "normalized"}) {
      const std::string v = t[field].get<std::string>();
      if (v.size() >= 5) values.insert(v);
    }
  }
  return values;
}

// The name of a file named after the first patient of the truth, as a
// clerk would save it: "Jane_Smith_labs".
std::string PatientFileStem(const std::string& truth_path) {
  for (const std::string& line : e2e::ReadLines(truth_path)) {
    nlohmann::json t = nlohmann::json::parse(line);
    if (t["kind"] != "name") continue;
    std::string stem = t["value"].get<std::string>();
    if (stem.find(' ') == std::string::npos) continue;
    for (char& c : stem) c = c == ' ' ? '_' : c;
    return stem + "_labs";
  }
  return "no_patient_in_truth";
}

// What must never be in the case folder: the truth values and the name of
// the file named after a patient.
std::set<std::string> Secrets(const std::string& truth_path, const std::string& file_stem) {
  std::set<std::string> secrets = IdentifyingTruth(truth_path);
  secrets.insert(file_stem);
  return secrets;
}

int FileMode(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 ? (info.st_mode & 0777) : -1;
}

class TrustTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    share_ = dir_->path() + "/share";
    truth_ = dir_->path() + "/truth.jsonl";
    case_ = dir_->path() + "/case";
    ProcessResult gen = RunProcess({"python3", e2e::GeneratorPath(), "--out", share_,
                                    "--seed", "31", "--truth", truth_});
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    // Paths carry PHI too: a file (and a member) named after a patient.
    patient_file_ = new std::string(PatientFileStem(truth_));
    e2e::WriteFile(share_ + "/" + *patient_file_ + ".txt",
                   "Lab results, phone 306-555-0199\n");
    scan_ = new ProcessResult(Bs({"scan", share_, "--case", case_, "--quiet"}));
    plain_ = new std::string(Bs({"export", "findings", "--case", case_}).out);
  }
  static void TearDownTestSuite() {
    delete patient_file_;
    delete plain_;
    delete scan_;
    delete dir_;
  }
  // A copy of the case and its key, to damage freely.
  static std::string CopyCase(const TempDir& into) {
    const std::string copy = into.path() + "/case";
    fs::copy(case_, copy, fs::copy_options::recursive);
    fs::copy_file(case_ + ".key", copy + ".key");
    return copy;
  }
  static TempDir* dir_;
  static std::string share_, truth_, case_;
  static ProcessResult* scan_;
  static std::string* plain_;
  static std::string* patient_file_;  // "Jane_Smith_labs", a file's name
};

TempDir* TrustTest::dir_ = nullptr;
std::string TrustTest::share_, TrustTest::truth_, TrustTest::case_;
ProcessResult* TrustTest::scan_ = nullptr;
std::string* TrustTest::plain_ = nullptr;
std::string* TrustTest::patient_file_ = nullptr;

TEST_F(TrustTest, ScanCreatesAnOwnerOnlyKeyBesideTheCase) {
  ASSERT_EQ(scan_->exit_code, 0) << scan_->err;
  EXPECT_NE(scan_->err.find(case_ + ".key"), std::string::npos) << scan_->err;
  EXPECT_EQ(FileMode(case_ + ".key"), 0600);
  EXPECT_FALSE(fs::exists(case_ + "/case.key"));
  EXPECT_GT(std::count(plain_->begin(), plain_->end(), '\n'), 100);
}

TEST_F(TrustTest, NoTruthValueInAnyFileOfTheCaseFolder) {
  const std::set<std::string> secrets = Secrets(truth_, *patient_file_);
  // The patient's file was read: its name comes back in the export.
  EXPECT_NE(plain_->find("\"source\":\"" + *patient_file_ + ".txt\""), std::string::npos);
  ASSERT_GT(secrets.size(), 200u);
  size_t checked_files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(case_)) {
    if (!entry.is_regular_file()) continue;
    ++checked_files;
    const std::string bytes = e2e::ReadFile(entry.path().string());
    for (const std::string& secret : secrets) {
      EXPECT_EQ(bytes.find(secret), std::string::npos)
          << "plain PHI in " << entry.path().filename() << " (" << secret.size()
          << " bytes, starts '" << secret.substr(0, 1) << "')";
    }
  }
  EXPECT_GE(checked_files, 2u);  // case.db, audit.log (and the WAL, if any)
  // The export does hold them: the search above would have found them.
  size_t in_export = 0;
  for (const std::string& secret : secrets) in_export += plain_->find(secret) != std::string::npos;
  EXPECT_GT(in_export, secrets.size() / 2);
}

// Counts the truth values found in the files of `folder`, naming the first.
size_t PlainHits(const std::string& folder, const std::set<std::string>& secrets,
                 std::string* first) {
  size_t hits = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string bytes = e2e::ReadFile(entry.path().string());
    for (const std::string& secret : secrets) {
      if (bytes.find(secret) == std::string::npos) continue;
      if (hits++ == 0) *first = entry.path().filename().string();
    }
  }
  return hits;
}

TEST_F(TrustTest, NoTruthValueInTheCaseAfterResolve) {
  TempDir tmp;
  const std::string copy = CopyCase(tmp);
  ProcessResult resolved = Bs({"resolve", "--case", copy});
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  std::string first;
  EXPECT_EQ(PlainHits(copy, Secrets(truth_, *patient_file_), &first), 0u) << "in " << first;
}

TEST_F(TrustTest, FlippedSealedByteIsDetected) {
  TempDir tmp;
  const std::string copy = CopyCase(tmp);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((copy + "/case.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* read = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT item_id, seq, value_sealed FROM findings "
                               "ORDER BY item_id, seq LIMIT 1",
                               -1, &read, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(read), SQLITE_ROW);
  const int64_t item = sqlite3_column_int64(read, 0), seq = sqlite3_column_int64(read, 1);
  std::string sealed(static_cast<const char*>(sqlite3_column_blob(read, 2)),
                     sqlite3_column_bytes(read, 2));
  sqlite3_finalize(read);
  sealed[sealed.size() / 2] ^= 0x01;  // one bit, mid-ciphertext
  sqlite3_stmt* write = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "UPDATE findings SET value_sealed = ?1 "
                               "WHERE item_id = ?2 AND seq = ?3",
                               -1, &write, nullptr),
            SQLITE_OK);
  sqlite3_bind_blob(write, 1, sealed.data(), static_cast<int>(sealed.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int64(write, 2, item);
  sqlite3_bind_int64(write, 3, seq);
  ASSERT_EQ(sqlite3_step(write), SQLITE_DONE);
  sqlite3_finalize(write);
  EXPECT_EQ(sqlite3_changes(db), 1);
  sqlite3_close(db);
  ProcessResult out = Bs({"export", "findings", "--case", copy});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.err.find("fails authentication"), std::string::npos) << out.err;
}

TEST_F(TrustTest, WrongMissingOrLeftBehindKeyExitsFive) {
  TempDir tmp;
  // The case folder copied alone: its key stayed behind.
  fs::copy(case_, tmp.path() + "/stolen", fs::copy_options::recursive);
  ProcessResult alone = Bs({"summary", "--case", tmp.path() + "/stolen"});
  EXPECT_EQ(alone.exit_code, 5);
  EXPECT_NE(alone.err.find("no case key at"), std::string::npos) << alone.err;
  // Another case's key.
  ASSERT_EQ(Bs({"case", "init", "--case", tmp.path() + "/other"}).exit_code, 0);
  ProcessResult wrong = Bs({"export", "findings", "--case", case_, "--key-file",
                            tmp.path() + "/other.key"});
  EXPECT_EQ(wrong.exit_code, 5);
  EXPECT_NE(wrong.err.find("does not open this case"), std::string::npos) << wrong.err;
  EXPECT_TRUE(wrong.out.empty());
  ProcessResult rescan = Bs({"scan", share_, "--case", case_, "--quiet", "--key-file",
                             tmp.path() + "/other.key"});
  EXPECT_EQ(rescan.exit_code, 5);
  // BREACHSCOPE_KEY_FILE names the key as --key-file does.
  ProcessResult by_env = RunProcess({"env", "BREACHSCOPE_KEY_FILE=" + case_ + ".key",
                                     e2e::BinaryPath(), "summary", "--case",
                                     tmp.path() + "/stolen"});
  EXPECT_EQ(by_env.exit_code, 0) << by_env.err;
}

TEST_F(TrustTest, AuditLogRecordsAndVerifyCatchesTampering) {
  TempDir tmp;
  const std::string copy = CopyCase(tmp);
  ASSERT_EQ(Bs({"export", "findings", "--case", copy, "-o", tmp.path() + "/f.jsonl"}).exit_code, 0);
  ProcessResult ok = Bs({"audit", "verify", "--case", copy});
  ASSERT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  std::vector<std::string> lines = e2e::ReadLines(copy + "/audit.log");
  ASSERT_GE(lines.size(), 4u);  // init, scan, export (fixture), export
  EXPECT_NE(lines[0].find("\"action\":\"init\""), std::string::npos);
  EXPECT_NE(lines[1].find("\"action\":\"scan\""), std::string::npos);
  EXPECT_NE(lines.back().find("\"action\":\"export\""), std::string::npos);
  // Edited count.
  std::string edited;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (i == 1) line.replace(line.find("\"findings\":"), 11, "\"findings\":1");
    edited += line + "\n";
  }
  e2e::WriteFile(copy + "/audit.log", edited);
  ProcessResult bad = Bs({"audit", "verify", "--case", copy});
  EXPECT_EQ(bad.exit_code, 6) << bad.out;
  EXPECT_NE(bad.out.find("entry 2"), std::string::npos) << bad.out;
  // Truncated: the last entry removed.
  std::string cut;
  for (size_t i = 0; i + 1 < lines.size(); ++i) cut += lines[i] + "\n";
  e2e::WriteFile(copy + "/audit.log", cut);
  ProcessResult short_log = Bs({"audit", "verify", "--case", copy});
  EXPECT_EQ(short_log.exit_code, 6) << short_log.out;
  EXPECT_NE(short_log.out.find("cut off"), std::string::npos) << short_log.out;
}

TEST_F(TrustTest, FileExportIsOwnerOnlyWithAWarning) {
  TempDir tmp;
  const std::string out = tmp.path() + "/findings.jsonl";
  e2e::WriteFile(out, "old");
  ::chmod(out.c_str(), 0644);
  ProcessResult r = Bs({"export", "findings", "--case", case_, "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FileMode(out), 0600);
  EXPECT_EQ(e2e::ReadFile(out), *plain_);
  EXPECT_NE(r.err.find("warning: this export holds PHI in plain text"), std::string::npos);
}

TEST_F(TrustTest, MaskedExportHidesValues) {
  ProcessResult r = Bs({"export", "findings", "--case", case_, "--mask"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t lines = 0, phones = 0;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line); ++lines) {
    nlohmann::json f = nlohmann::json::parse(line);
    if (f["category"] == "phone") {
      ++phones;
      const std::string v = f["value"];
      EXPECT_LE(std::count_if(v.begin(), v.end(), ::isdigit), 4) << v;  // the last four at most
    }
  }
  EXPECT_EQ(lines, static_cast<size_t>(std::count(plain_->begin(), plain_->end(), '\n')));
  EXPECT_GT(phones, 0u);
}

TEST_F(TrustTest, ExportSealedForARecipientOpensOnlyWithItsKey) {
  TempDir tmp;
  ASSERT_EQ(Bs({"keygen", "--out", tmp.path() + "/counsel"}).exit_code, 0);
  EXPECT_EQ(FileMode(tmp.path() + "/counsel.sec"), 0600);
  const std::string boxed = tmp.path() + "/findings.box";
  ProcessResult r = Bs({"export", "findings", "--case", case_, "-o", boxed,
                        "--encrypt-to", tmp.path() + "/counsel.pub"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(e2e::ReadFile(boxed).find("@example"), std::string::npos);
  ProcessResult opened = Bs({"decrypt", boxed, "--key", tmp.path() + "/counsel.sec"});
  ASSERT_EQ(opened.exit_code, 0) << opened.err;
  EXPECT_EQ(opened.out, *plain_);
  ASSERT_EQ(Bs({"keygen", "--out", tmp.path() + "/eve"}).exit_code, 0);
  EXPECT_EQ(Bs({"decrypt", boxed, "--key", tmp.path() + "/eve.sec"}).exit_code, 5);
  EXPECT_EQ(Bs({"export", "findings", "--case", case_, "--encrypt-to",
                tmp.path() + "/counsel.pub"}).exit_code, 2);
}

TEST_F(TrustTest, RekeyKeepsEveryFindingAndRetiresTheOldKey) {
  TempDir tmp;
  const std::string copy = CopyCase(tmp);
  fs::copy_file(copy + ".key", tmp.path() + "/old.key");
  // Individuals too: resolve's sealed tables move to the new key as well.
  ProcessResult resolved = Bs({"resolve", "--case", copy});
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  const std::string individuals = Bs({"export", "individuals", "--case", copy}).out;
  ASSERT_FALSE(individuals.empty());
  ProcessResult r = Bs({"case", "rekey", "--case", copy});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(e2e::ReadFile(copy + ".key"), e2e::ReadFile(tmp.path() + "/old.key"));
  EXPECT_EQ(FileMode(copy + ".key"), 0600);
  EXPECT_EQ(Bs({"export", "findings", "--case", copy}).out, *plain_);
  EXPECT_EQ(Bs({"export", "individuals", "--case", copy}).out, individuals);
  EXPECT_EQ(Bs({"summary", "--case", copy, "--key-file", tmp.path() + "/old.key"}).exit_code, 5);
  ProcessResult verify = Bs({"audit", "verify", "--case", copy});
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
}

}  // namespace
}  // namespace breachscope
