// End to end: the document fixtures of tests/data/documents (made by
// tools/make_document_fixtures.py) scanned by the binary. Per format, the
// findings of the pattern categories must be exactly these, at exactly these
// locations (page, part, sheet cell, message field, DICOM attribute); e-mail
// attachments come back as items of their own; damaged documents are error
// items with their reason, and the scan still succeeds.
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

// Categories whose detectors are exact patterns: what they find in a
// fixture does not move when the name and medical heuristics are tuned.
const std::set<std::string> kExactCategories = {"email", "phone", "date_of_birth", "signature"};

const std::set<Row>& Expected() {
  static const auto* rows = new std::set<Row>{
      // PDF: text page by page, AcroForm fields, a signature image.
      {"lab_report.pdf", "page 1, offset 80", "date_of_birth", "1984-03-12"},
      {"lab_report.pdf", "page 1, offset 98", "phone", "(306) 555-0142"},
      {"lab_report.pdf", "page 1, offset 121", "email", "marie.tremblay@example.org"},
      {"lab_report.pdf", "page 1, image 1", "signature", "[signature image]"},
      {"lab_report.pdf", "page 2, offset 40", "email", "clinic.desk@example.com"},
      {"lab_report.pdf", "page 2, field PatientEmail", "email", "m.tremblay@example.net"},
      // Owner password only: read like any PDF.
      {"owner_only.pdf", "page 1, offset 80", "date_of_birth", "1984-03-12"},
      {"owner_only.pdf", "page 1, offset 98", "phone", "(306) 555-0142"},
      {"owner_only.pdf", "page 1, offset 121", "email", "marie.tremblay@example.org"},
      {"owner_only.pdf", "page 1, image 1", "signature", "[signature image]"},
      {"owner_only.pdf", "page 2, offset 40", "email", "clinic.desk@example.com"},
      {"owner_only.pdf", "page 2, field PatientEmail", "email", "m.tremblay@example.net"},
      // Word: body with a table, footer, comments.
      {"referral.docx", "body, offset 52", "date_of_birth", "1962-11-05"},
      {"referral.docx", "body, offset 69", "phone", "306-555-0177"},
      {"referral.docx", "footer1, offset 11", "email", "jean.lavoie@example.org"},
      {"referral.docx", "comments, offset 12", "phone", "306-555-0199"},
      // Spreadsheets: header labels, serial and ODF dates as ISO dates.
      {"patients.xlsx", "table Patients, row 1, column 2 (DOB)", "date_of_birth", "1977-10-08"},
      {"patients.xlsx", "table Patients, row 1, column 3 (Email)", "email", "anne.roy@example.com"},
      {"patients.xlsx", "table Patients, row 2, column 2 (DOB)", "date_of_birth", "1984-03-12"},
      {"patients.xlsx", "table Patients, row 2, column 3 (Email)", "email", "luc.fortin@example.com"},
      {"clinic.ods", "table Clinic, row 1, column 2 (DOB)", "date_of_birth", "1990-03-12"},
      {"clinic.ods", "table Clinic, row 1, column 3 (Email)", "email", "paul.girard@example.com"},
      {"case_review.pptx", "slide 1, offset 35", "email", "sophie.martin@example.ca"},
      // Legacy Office 97-2003: Word's piece table, Excel's BIFF8 cells.
      {"referral.doc", "body, offset 68", "date_of_birth", "1962-11-05"},
      {"referral.doc", "body, offset 85", "phone", "306-555-0177"},
      {"referral.doc", "body, offset 105", "email", "jean.lavoie@example.org"},
      {"referral.doc", "other text, offset 11", "phone", "306-555-0199"},
      {"patients.xls", "table Patients, row 1, column 2 (DOB)", "date_of_birth", "1977-10-08"},
      {"patients.xls", "table Patients, row 1, column 3 (Email)", "email", "anne.roy@example.com"},
      {"patients.xls", "table Patients, row 2, column 2 (DOB)", "date_of_birth", "1984-03-12"},
      {"patients.xls", "table Patients, row 2, column 3 (Email)", "email", "luc.fortin@example.com"},
      {"consult.odt", "body, offset 45", "phone", "306-555-0123"},
      {"consult.odt", "headers and footers, offset 0", "email", "claire.bouchard@example.org"},
      // E-mail: addresses as fields, the plain body once, the attachment as
      // an item of its own.
      {"results.eml", "from[1].email", "email", "p.gagnon@clinic.example.org"},
      {"results.eml", "to[1].email", "email", "renee.ouellet@example.com"},
      {"results.eml", "cc[1].email", "email", "desk@clinic.example.org"},
      {"results.eml", "cc[2].email", "email", "billing@clinic.example.org"},
      {"results.eml", "body, offset 24", "phone", "306-555-0166"},
      {"results.eml!lab.csv", "row 1, column 3 (email)", "email", "nadia.poirier@example.com"},
      {"results_truncated.eml", "from[1].email", "email", "p.gagnon@clinic.example.org"},
      {"results_truncated.eml", "to[1].email", "email", "renee.ouellet@example.com"},
      {"results_truncated.eml", "cc[1].email", "email", "desk@clinic.example.org"},
      {"results_truncated.eml", "cc[2].email", "email", "billing@clinic.example.org"},
      {"inbox.mbox", "record 1, from[1].email", "email", "p.gagnon@clinic.example.org"},
      {"inbox.mbox", "record 1, to[1].email", "email", "renee.ouellet@example.com"},
      {"inbox.mbox", "record 1, cc[1].email", "email", "desk@clinic.example.org"},
      {"inbox.mbox", "record 1, cc[2].email", "email", "billing@clinic.example.org"},
      {"inbox.mbox", "record 1, body, offset 24", "phone", "306-555-0166"},
      {"inbox.mbox", "record 2, from[1].email", "email", "nadia.poirier@example.com"},
      {"inbox.mbox", "record 2, to[1].email", "email", "desk@clinic.example.org"},
      {"inbox.mbox", "record 2, body, offset 40", "phone", "306-555-0188"},
      {"inbox.mbox!1/lab.csv", "row 1, column 3 (email)", "email", "nadia.poirier@example.com"},
      // DICOM: header attributes, dates made ISO.
      {"chest.dcm", "(0010,0030) PatientBirthDate", "date_of_birth", "1984-03-12"},
      // OCR: a scanned image, a two-page fax, a PDF page without text.
      {"requisition.png", "page 1, offset 44", "phone", "(306) 555-0142"},
      {"requisition.png", "page 1, offset 59", "email", "marie.tremblay@example.org"},
      {"fax.tiff", "page 1, offset 18", "phone", "306-555-0110"},
      {"fax.tiff", "page 2, offset 13", "email", "luc.fortin@example.com"},
      {"scanned.pdf", "page 1, offset 44", "phone", "(306) 555-0142"},
      {"scanned.pdf", "page 1, offset 59", "email", "marie.tremblay@example.org"},
  };
  return *rows;
}

class DocumentsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new e2e::TempDir();
    const std::string share = dir_->path() + "/share";
    std::filesystem::copy(std::string(BREACHSCOPE_SOURCE_DIR) + "/tests/data/documents", share);
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
    delete dir_;
  }
  static std::string ErrorOf(const std::string& name) {
    for (const auto& error : (*summary_)["errors"]) {
      if (error["name"] == name) return std::string(error["code"]) + ": " + std::string(error["message"]);
    }
    return "";
  }
  static bool HasFinding(const std::string& source, const std::string& category,
                         const std::string& value) {
    for (const auto& f : *findings_) {
      if (f["source"] == source && f["category"] == category && f["value"] == value) return true;
    }
    return false;
  }
  // The categories found at `location` of `source`.
  static std::set<std::string> CategoriesAt(const std::string& source,
                                            const std::string& location) {
    std::set<std::string> out;
    for (const auto& f : *findings_) {
      if (f["source"] == source && f["location"] == location) out.insert(f["category"]);
    }
    return out;
  }

  static e2e::TempDir* dir_;
  static e2e::ProcessResult* scan_;
  static nlohmann::json* summary_;
  static std::vector<nlohmann::json>* findings_;
};

e2e::TempDir* DocumentsTest::dir_ = nullptr;
e2e::ProcessResult* DocumentsTest::scan_ = nullptr;
nlohmann::json* DocumentsTest::summary_ = nullptr;
std::vector<nlohmann::json>* DocumentsTest::findings_ = nullptr;

TEST_F(DocumentsTest, ScanSucceeds) { EXPECT_EQ(scan_->exit_code, 0) << scan_->err; }

TEST_F(DocumentsTest, PatternFindingsPerFormatAreExact) {
  std::set<Row> got;
  for (const auto& f : *findings_) {
    const std::string category = f["category"].get<std::string>();
    if (kExactCategories.count(category) == 0) continue;
    got.insert(Row(f["source"].get<std::string>(), f["location"].get<std::string>(), category,
                   f["value"].get<std::string>()));
  }
  for (const Row& row : Expected()) {
    EXPECT_EQ(got.count(row), 1u) << "missing: " << std::get<0>(row) << " | " << std::get<1>(row)
                                  << " | " << std::get<3>(row);
  }
  for (const Row& row : got) {
    EXPECT_EQ(Expected().count(row), 1u) << "unexpected: " << std::get<0>(row) << " | "
                                         << std::get<1>(row) << " | " << std::get<3>(row);
  }
}

TEST_F(DocumentsTest, NamesInDocumentTextAndFields) {
  EXPECT_TRUE(HasFinding("lab_report.pdf", "name", "Marie Tremblay"));
  EXPECT_TRUE(HasFinding("lab_report.pdf", "name", "Dr. Paul Gagnon"));
  EXPECT_TRUE(HasFinding("referral.docx", "name", "Jean Lavoie"));
  EXPECT_TRUE(HasFinding("consult.odt", "name", "Claire Bouchard"));
  EXPECT_TRUE(HasFinding("patients.xlsx", "name", "Luc Fortin"));
  EXPECT_TRUE(HasFinding("referral.doc", "name", "Jean Lavoie"));
  EXPECT_TRUE(HasFinding("patients.xls", "name", "Luc Fortin"));
  EXPECT_TRUE(HasFinding("results.eml", "name", "Renée Ouellet"));
  EXPECT_TRUE(HasFinding("chest.dcm", "name", "Marie Tremblay"));
  EXPECT_TRUE(HasFinding("requisition.png", "name", "Marie Tremblay"));
}

// A DICOM header's institution is where care took place, its study, series
// and acquisition dates when; the patient's sex is read as a labelled field
// and is no finding of its own.
TEST_F(DocumentsTest, DicomServiceDateAndLocation) {
  using Set = std::set<std::string>;
  EXPECT_EQ(CategoriesAt("chest.dcm", "(0008,0080) InstitutionName"), Set{"service_location"});
  EXPECT_TRUE(HasFinding("chest.dcm", "service_location", "Regina Imaging Clinic"));
  EXPECT_FALSE(HasFinding("chest.dcm", "name", "Regina Imaging Clinic"));
  EXPECT_EQ(CategoriesAt("chest.dcm", "(0008,0020) StudyDate"), Set{"service_date"});
  EXPECT_EQ(CategoriesAt("chest.dcm", "(0008,0021) SeriesDate"), Set{"service_date"});
  EXPECT_EQ(CategoriesAt("chest.dcm", "(0008,0022) AcquisitionDate"), Set{"service_date"});
  EXPECT_TRUE(HasFinding("chest.dcm", "service_date", "2024-01-06"));
  EXPECT_EQ(CategoriesAt("chest.dcm", "(0010,0030) PatientBirthDate"), Set{"date_of_birth"});
  EXPECT_EQ(CategoriesAt("chest.dcm", "(0010,0010) PatientName"), Set{"name"});
  EXPECT_EQ(CategoriesAt("chest.dcm", "(0010,0040) PatientSex"), Set{});
}

// Role mailboxes ("Front Desk", "Billing", "Lab Results") are no person;
// the people who wrote and received the messages still are.
TEST_F(DocumentsTest, RoleMailboxNamesAreNoPersonNames) {
  for (const char* source : {"results.eml", "inbox.mbox"}) {
    for (const char* role : {"Front Desk", "Billing", "Lab Results", "Desk", "Lab"}) {
      EXPECT_FALSE(HasFinding(source, "name", role)) << source << ": " << role;
    }
    EXPECT_TRUE(HasFinding(source, "name", "Dr. Paul Gagnon")) << source;
    EXPECT_TRUE(HasFinding(source, "name", "Renée Ouellet")) << source;
  }
  EXPECT_TRUE(HasFinding("inbox.mbox", "name", "Nadia Poirier"));
}

// requisition.png (1 page), fax.tiff (2) and scanned.pdf (1 textless page).
TEST_F(DocumentsTest, SummaryCountsPagesReadByOcr) {
  EXPECT_EQ((*summary_)["ocr_pages"], 4);
  const std::string text =
      RunProcess({e2e::BinaryPath(), "summary", "--case", dir_->path() + "/case"}).out;
  EXPECT_NE(text.find("pages read by OCR: 4\n"), std::string::npos) << text;
}

TEST_F(DocumentsTest, DamagedDocumentsAreErrorItemsWithReasons) {
  const std::pair<std::string, std::string> want[] = {
      {"locked.pdf", "encrypted: PDF is protected by a user password"},
      {"corrupt.pdf", "corrupt: PDF cannot be opened: PDF document is damaged"},
      {"lab_report_truncated.pdf", "corrupt: PDF cannot be opened: PDF document is damaged"},
      {"broken_xml.docx", "corrupt: word/document.xml: Start-end tags mismatch at byte 103"},
      {"chest_truncated.dcm",
       "corrupt: DICOM header cannot be read: I/O suspension or premature end of stream"},
      // Declares a 2 GB value: refused, not allocated.
      {"locked.doc", "encrypted: Word document is password protected"},
      {"locked.xls", "encrypted: Excel workbook is password protected"},
      {"referral_truncated.doc",
       "corrupt: OLE2 compound file cannot be opened: Inconsistent block allocation table"},
      {"patients_truncated.xls",
       "corrupt: OLE2 compound file cannot be opened: Inconsistent block allocation table"},
      {"chest_huge_length.dcm",
       "corrupt: DICOM header cannot be read: a value's declared length runs past the end of the "
       "file"},
  };
  for (const auto& [name, reason] : want) EXPECT_EQ(ErrorOf(name), reason) << name;
  // A compound file of a kind not read as such (PowerPoint 97) is read as
  // printable strings, as before, with a warning: no error item.
  EXPECT_EQ(ErrorOf("slides.ppt"), "");
  for (const char* name : {"referral_truncated.docx", "patients_truncated.xlsx",
                           "case_review_truncated.pptx", "consult_truncated.odt",
                           "clinic_truncated.ods"}) {
    EXPECT_EQ(ErrorOf(name).rfind("corrupt: document part ", 0), 0u) << name << ": " << ErrorOf(name);
  }
}

TEST(DocumentsNoOcrTest, NoOcrLeavesScansUnreadWithAWarning) {
  e2e::TempDir dir;
  const std::string share = dir.path() + "/share";
  std::filesystem::create_directories(share);
  for (const char* name : {"requisition.png", "scanned.pdf"}) {
    std::filesystem::copy(std::string(BREACHSCOPE_SOURCE_DIR) + "/tests/data/documents/" + name,
                          share + "/" + name);
  }
  const std::string case_dir = dir.path() + "/case";
  ASSERT_EQ(RunProcess({e2e::BinaryPath(), "scan", share, "--case", case_dir, "--quiet",
                        "--no-ocr"}).exit_code, 0);
  nlohmann::json summary = nlohmann::json::parse(
      RunProcess({e2e::BinaryPath(), "summary", "--case", case_dir, "--json"}).out);
  EXPECT_EQ(summary["findings"], 0);
  EXPECT_EQ(summary["items_scanned"], 2);
  EXPECT_EQ(summary["ocr_pages"], 0);
}

TEST_F(DocumentsTest, FormatsAreCounted) {
  const nlohmann::json& formats = (*summary_)["items_by_format"];
  EXPECT_EQ(formats["pdf"], 3);  // the three that opened; errors have no format counted
  EXPECT_EQ(formats["docx"], 1);
  EXPECT_EQ(formats["xlsx"], 1);
  EXPECT_EQ(formats["pptx"], 1);
  EXPECT_EQ(formats["odt"], 1);
  EXPECT_EQ(formats["ods"], 1);
  EXPECT_EQ(formats["eml"], 2);
  EXPECT_EQ(formats["mbox"], 1);
  EXPECT_EQ(formats["dicom"], 1);
  EXPECT_EQ(formats["ole2"], 3);  // referral.doc, patients.xls, slides.ppt
  EXPECT_EQ(formats["image"], 2);
  EXPECT_EQ(formats["csv"], 2);  // the two attachments
}

}  // namespace
}  // namespace breachscope
