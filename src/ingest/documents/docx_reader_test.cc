#include "ingest/documents/docx_reader.h"

#include <gtest/gtest.h>

#include "ingest/documents/document_test_util.h"

namespace breachscope {
namespace {

TEST(DocxReaderTest, ReadsBodyTablesFooterAndComments) {
  DocumentSink sink;
  ASSERT_TRUE(ReadDocx(ReadFixture("referral.docx"), sink).ok());
  ASSERT_EQ(sink.units.size(), 3u);
  // Paragraphs are lines, a table row is one tab-separated line, field
  // codes (the hyperlink's instruction) are not text.
  EXPECT_EQ(sink.units[0].text,
            "Referral letter\nPatient: Jean Lavoie\nDate of birth: 1962-11-05\n"
            "Phone\t306-555-0177");
  EXPECT_EQ(sink.units[0].path, "body");
  EXPECT_EQ(sink.units[1].text, "Questions: jean.lavoie@example.org");
  EXPECT_EQ(sink.units[1].path, "footer1");
  EXPECT_EQ(sink.units[2].text, "Call him at 306-555-0199");
  EXPECT_EQ(sink.units[2].path, "comments");
  for (const DocUnit& u : sink.units) EXPECT_EQ(u.kind, UnitKind::kText);
}

TEST(DocxReaderTest, ReadsSlides) {
  DocumentSink sink;
  ASSERT_TRUE(ReadPptx(ReadFixture("case_review.pptx"), sink).ok());
  ASSERT_EQ(sink.units.size(), 1u);
  EXPECT_EQ(sink.units[0].text, "Case review: Sophie Martin\nContact sophie.martin@example.ca");
  EXPECT_EQ(sink.units[0].path, "slide 1");
}

TEST(DocxReaderTest, DamagedPackagesAreCorrupt) {
  struct Row {
    const char* fixture;
    bool pptx;
    const char* message;
  };
  const Row rows[] = {
      {"referral_truncated.docx", false, "cannot be read"},
      {"case_review_truncated.pptx", true, "cannot be read"},
      {"broken_xml.docx", false, "word/document.xml: "},
      {"patients.xlsx", false, "docx package without word/document.xml"},
      {"patients.xlsx", true, "pptx package without slides"},
  };
  for (const Row& row : rows) {
    DocumentSink sink;
    const std::string bytes = ReadFixture(row.fixture);
    Status status = row.pptx ? ReadPptx(bytes, sink) : ReadDocx(bytes, sink);
    EXPECT_EQ(status.code(), StatusCode::kCorrupt) << row.fixture;
    EXPECT_NE(status.message().find(row.message), std::string::npos)
        << row.fixture << ": " << status.message();
  }
}

}  // namespace
}  // namespace breachscope
