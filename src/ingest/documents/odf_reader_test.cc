#include "ingest/documents/odf_reader.h"

#include <gtest/gtest.h>

#include "ingest/documents/document_test_util.h"

namespace breachscope {
namespace {

TEST(OdfReaderTest, TextBodyAndFooter) {
  DocumentSink sink;
  ASSERT_TRUE(ReadOdt(ReadFixture("consult.odt"), sink).ok());
  ASSERT_EQ(sink.units.size(), 2u);
  EXPECT_EQ(sink.units[0].text, "Consultation\nPatient: Claire Bouchard\nPhone: 306-555-0123");
  EXPECT_EQ(sink.units[0].path, "body");
  EXPECT_EQ(sink.units[1].text, "claire.bouchard@example.org");
  EXPECT_EQ(sink.units[1].path, "headers and footers");
}

TEST(OdfReaderTest, SpreadsheetCellsWithDatesAndNoPadding) {
  DocumentSink sink;
  ASSERT_TRUE(ReadOds(ReadFixture("clinic.ods"), sink).ok());
  ASSERT_EQ(sink.units.size(), 3u);  // the million padding rows give nothing
  EXPECT_EQ(sink.units[0].text, "Paul Girard");
  EXPECT_EQ(sink.units[0].label, "Name");
  EXPECT_EQ(sink.units[1].text, "1990-03-12");  // office:date-value, not the display
  EXPECT_EQ(sink.units[1].label, "DOB");
  EXPECT_EQ(sink.units[2].text, "paul.girard@example.com");
  EXPECT_EQ(sink.units[2].column, 2);
  EXPECT_EQ(sink.units[2].table, "Clinic");
  EXPECT_EQ(sink.units[2].record, 0);
}

TEST(OdfReaderTest, DamagedPackagesAreCorrupt) {
  for (const char* fixture : {"consult_truncated.odt", "clinic_truncated.ods", "referral.docx"}) {
    DocumentSink sink;
    const std::string bytes = ReadFixture(fixture);
    EXPECT_EQ(ReadOdt(bytes, sink).code(), StatusCode::kCorrupt) << fixture;
    EXPECT_EQ(ReadOds(bytes, sink).code(), StatusCode::kCorrupt) << fixture;
  }
}

}  // namespace
}  // namespace breachscope
