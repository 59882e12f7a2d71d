#include "ingest/documents/xlsx_reader.h"

#include <gtest/gtest.h>

#include "ingest/documents/document_test_util.h"

namespace breachscope {
namespace {

TEST(XlsxReaderTest, SheetCellsLikeACsvWithHeaderLabels) {
  DocumentSink sink;
  ASSERT_TRUE(ReadXlsx(ReadFixture("patients.xlsx"), sink).ok());
  struct Want {
    const char* text;
    const char* label;
    int64_t record;
    int32_t column;
  };
  const Want want[] = {
      {"Anne Roy", "Name", 0, 0},   {"1977-10-08", "DOB", 0, 1},
      {"anne.roy@example.com", "Email", 0, 2},
      {"Luc Fortin", "Name", 1, 0}, {"1984-03-12", "DOB", 1, 1},
      {"luc.fortin@example.com", "Email", 1, 2},
  };
  ASSERT_EQ(sink.units.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(sink.units[i].kind, UnitKind::kTableCell);
    EXPECT_EQ(sink.units[i].text, want[i].text);
    EXPECT_EQ(sink.units[i].label, want[i].label);
    EXPECT_EQ(sink.units[i].table, "Patients");
    EXPECT_EQ(sink.units[i].record, want[i].record);
    EXPECT_EQ(sink.units[i].column, want[i].column);
  }
  EXPECT_EQ(sink.record_ends, (std::vector<int64_t>{0, 1}));
}

TEST(XlsxReaderTest, SerialDates) {
  struct Row {
    double serial;
    bool date1904;
    const char* iso;
  };
  const Row rows[] = {
      {1, false, "1900-01-01"},  {59, false, "1900-02-28"}, {60, false, ""},
      {61, false, "1900-03-01"}, {30753, false, "1984-03-12"},
      {30753.75, false, "1984-03-12"}, {0, true, ""}, {1, true, "1904-01-02"},
      {29291, true, "1984-03-12"}, {-5, false, ""}, {1e12, false, ""},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(SerialToIsoDate(row.serial, row.date1904), row.iso) << row.serial;
  }
}

TEST(XlsxReaderTest, DamagedPackagesAreCorrupt) {
  for (const char* fixture : {"patients_truncated.xlsx", "referral.docx"}) {
    DocumentSink sink;
    EXPECT_EQ(ReadXlsx(ReadFixture(fixture), sink).code(), StatusCode::kCorrupt) << fixture;
  }
}

}  // namespace
}  // namespace breachscope
