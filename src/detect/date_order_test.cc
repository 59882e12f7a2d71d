#include "detect/date_order.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace breachscope {
namespace {

Finding Cell(const char* value, int32_t column, const char* iso,
             const char* table = "") {
  Finding f;
  f.category = "service_date";
  f.detector = "date";
  f.value = value;
  f.normalized = iso;
  f.confidence = 0.80;
  f.location.kind = UnitKind::kTableCell;
  f.location.column = column;
  f.location.table = table;
  return f;
}

Finding Text(const char* value, const char* iso) {
  Finding f = Cell(value, -1, iso);
  f.location.kind = UnitKind::kText;
  return f;
}

TEST(DateOrderTest, MonthFirstColumnRereadsItsAmbiguousDates) {
  std::vector<Finding> f = {Cell("03/25/1980", 2, "1980-03-25"),
                            Cell("03/04/1980", 2, "1980-04-03")};
  ResolveDateOrder(&f);
  EXPECT_EQ(f[1].normalized, "1980-03-04");
  EXPECT_NEAR(f[1].confidence, 0.85, 1e-9);
  EXPECT_NE(f[1].explanation.find("month first"), std::string::npos);
  EXPECT_EQ(f[0].normalized, "1980-03-25");  // unambiguous: untouched
  EXPECT_NEAR(f[0].confidence, 0.80, 1e-9);
}

TEST(DateOrderTest, DayFirstColumnConfirmsTheDefaultReading) {
  std::vector<Finding> f = {Cell("25/03/1980", 1, "1980-03-25"),
                            Cell("03/04/1980", 1, "1980-04-03")};
  ResolveDateOrder(&f);
  EXPECT_EQ(f[1].normalized, "1980-04-03");
  EXPECT_NEAR(f[1].confidence, 0.85, 1e-9);
}

TEST(DateOrderTest, ColumnsAndTablesDecideApart) {
  std::vector<Finding> f = {Cell("03/25/1980", 1, "1980-03-25"),
                            Cell("03/04/1980", 2, "1980-04-03"),
                            Cell("03/04/1980", 1, "1980-04-03", "other")};
  ResolveDateOrder(&f);
  EXPECT_EQ(f[1].normalized, "1980-04-03");
  EXPECT_EQ(f[2].normalized, "1980-04-03");
  EXPECT_NEAR(f[1].confidence, 0.80, 1e-9);
}

TEST(DateOrderTest, ConflictingEvidenceLeavesAmbiguousDates) {
  std::vector<Finding> f = {Cell("03/25/1980", 0, "1980-03-25"),
                            Cell("25/03/1980", 0, "1980-03-25"),
                            Cell("03/04/1980", 0, "1980-04-03")};
  ResolveDateOrder(&f);
  EXPECT_EQ(f[2].normalized, "1980-04-03");
  EXPECT_NEAR(f[2].confidence, 0.80, 1e-9);
}

TEST(DateOrderTest, DocumentDecidesForItsFreeText) {
  std::vector<Finding> f = {Text("05/06/2021", "2021-06-05"),
                            Text("12/31/2020", "2020-12-31")};
  ResolveDateOrder(&f);
  EXPECT_EQ(f[0].normalized, "2021-05-06");
  // A table column is not the document: its cells do not vote for text.
  std::vector<Finding> g = {Text("05/06/2021", "2021-06-05"),
                            Cell("12/31/2020", 0, "2020-12-31")};
  ResolveDateOrder(&g);
  EXPECT_EQ(g[0].normalized, "2021-06-05");
}

TEST(DateOrderTest, OtherCategoriesAndFormsDoNotTakePart) {
  Finding code = Text("03/25/1980", "x");
  code.category = "medical_record_number";
  std::vector<Finding> f = {code, Text("03/04/1980", "1980-04-03"),
                            Text("1980-04-03", "1980-04-03")};
  ResolveDateOrder(&f);
  EXPECT_EQ(f[1].normalized, "1980-04-03");
  EXPECT_EQ(f[0].normalized, "x");
}

}  // namespace
}  // namespace breachscope
