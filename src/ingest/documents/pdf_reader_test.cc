#include "ingest/documents/pdf_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/documents/document_test_util.h"

namespace breachscope {
namespace {

using ::testing::HasSubstr;

TEST(PdfReaderTest, ReadsTextPageByPage) {
  DocumentSink sink;
  ASSERT_TRUE(ReadPdf(ReadFixture("lab_report.pdf"), sink).ok());
  const DocUnit* page1 = sink.At("page 1");
  const DocUnit* page2 = sink.At("page 2");
  ASSERT_NE(page1, nullptr);
  ASSERT_NE(page2, nullptr);
  EXPECT_EQ(page1->kind, UnitKind::kText);
  // Reading order: the lines come out top to bottom.
  EXPECT_THAT(page1->text, HasSubstr("Patient: Marie Tremblay\nDate of birth: 1984-03-12"));
  EXPECT_THAT(page2->text, HasSubstr("clinic.desk@example.com"));
  EXPECT_THAT(page1->text, ::testing::Not(HasSubstr("clinic.desk")));
  EXPECT_TRUE(sink.warnings.empty());
}

TEST(PdfReaderTest, ReadsFormFieldsAsLabelledValues) {
  DocumentSink sink;
  ASSERT_TRUE(ReadPdf(ReadFixture("lab_report.pdf"), sink).ok());
  const DocUnit* doctor = sink.At("page 2, field ReferringPhysician");
  const DocUnit* email = sink.At("page 2, field PatientEmail");
  ASSERT_NE(doctor, nullptr);
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(doctor->kind, UnitKind::kField);
  EXPECT_EQ(doctor->label, "ReferringPhysician");
  EXPECT_EQ(doctor->text, "Dr. Paul Gagnon");
  EXPECT_EQ(email->text, "m.tremblay@example.net");
}

TEST(PdfReaderTest, ImageNextToSignatureLabelIsASignature) {
  DocumentSink sink;
  ASSERT_TRUE(ReadPdf(ReadFixture("lab_report.pdf"), sink).ok());
  const DocUnit* mark = sink.At("page 1, image 1");
  ASSERT_NE(mark, nullptr);
  EXPECT_EQ(mark->kind, UnitKind::kField);
  EXPECT_EQ(mark->label, "Signature");
  EXPECT_EQ(mark->text, "[signature image]");
  int signatures = 0;
  for (const DocUnit& u : sink.units) signatures += u.label == "Signature";
  EXPECT_EQ(signatures, 1);
}

TEST(PdfReaderTest, OwnerPasswordOnlyStillOpens) {
  DocumentSink sink;
  ASSERT_TRUE(ReadPdf(ReadFixture("owner_only.pdf"), sink).ok());
  ASSERT_NE(sink.At("page 1"), nullptr);
  EXPECT_THAT(sink.At("page 1")->text, HasSubstr("marie.tremblay@example.org"));
}

TEST(PdfReaderTest, UserPasswordIsAnEncryptedError) {
  DocumentSink sink;
  Status status = ReadPdf(ReadFixture("locked.pdf"), sink);
  EXPECT_EQ(status.code(), StatusCode::kEncrypted);
  EXPECT_EQ(status.message(), "PDF is protected by a user password");
  EXPECT_TRUE(sink.units.empty());
}

TEST(PdfReaderTest, DamagedFilesAreErrorsNotCrashes) {
  for (const char* name : {"corrupt.pdf", "lab_report_truncated.pdf"}) {
    DocumentSink sink;
    Status status = ReadPdf(ReadFixture(name), sink);
    EXPECT_EQ(status.code(), StatusCode::kCorrupt) << name;
    EXPECT_THAT(status.message(), HasSubstr("PDF cannot be opened")) << name;
  }
  DocumentSink sink;
  EXPECT_FALSE(ReadPdf("", sink).ok());
  EXPECT_FALSE(ReadPdf("%PDF-1.7\n", sink).ok());
}

}  // namespace
}  // namespace breachscope

namespace breachscope {
namespace {

TEST(PdfReaderTest, PageWithoutTextLayerIsReadByOcrWhenAsked) {
  const std::string scanned = ReadFixture("scanned.pdf");
  DocumentSink off;
  ASSERT_TRUE(ReadPdf(scanned, off).ok());
  EXPECT_TRUE(off.units.empty());
  EXPECT_EQ(off.warnings, (std::vector<std::string>{"page 1 has no text layer"}));
  DocumentSink on;
  uint64_t pages = 0;
  ASSERT_TRUE(ReadPdf(scanned, on, /*ocr=*/true, &pages).ok());
  EXPECT_EQ(pages, 1u);
  ASSERT_EQ(on.units.size(), 1u);
  EXPECT_EQ(on.units[0].path, "page 1");
  EXPECT_THAT(on.units[0].text, ::testing::HasSubstr("Patient: Marie Tremblay"));
  EXPECT_TRUE(on.warnings.empty());
  // A page with a text layer is never run through OCR.
  DocumentSink text;
  pages = 0;
  ASSERT_TRUE(ReadPdf(ReadFixture("lab_report.pdf"), text, true, &pages).ok());
  EXPECT_EQ(pages, 0u);
}

}  // namespace
}  // namespace breachscope
