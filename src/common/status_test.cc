#include "common/status.h"

#include <gtest/gtest.h>

#include "common/categories.h"
#include "common/finding.h"

namespace breachscope {
namespace {

TEST(StatusTest, OkAndError) {
  EXPECT_TRUE(Status::Ok().ok());
  Status st = Corrupt("row 3: unterminated quote");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.ToString(), "corrupt: row 3: unterminated quote");
}

TEST(StatusTest, ResultHoldsValueOrStatus) {
  Result<int> good(5);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 5);
  Result<int> bad(NotFound("case"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
}

TEST(CategoriesTest, KnowsDesignIds) {
  EXPECT_TRUE(IsCategoryId("health_insurance_number"));
  EXPECT_TRUE(IsCategoryId("sin"));
  EXPECT_FALSE(IsCategoryId("postal_code"));
}

TEST(LocationTest, RendersEachKind) {
  struct Row {
    TextUnit unit;
    uint64_t offset;
    std::string expected;
  };
  TextUnit cell{UnitKind::kTableCell, "x", "DOB", "", "", 11, 2, 100};
  TextUnit sql{UnitKind::kTableCell, "x", "dob", "", "patients", 0, 0, 5};
  TextUnit field{UnitKind::kField, "x", "PID-7", "PID-7[1].1", "", 2, -1, 40};
  TextUnit text{UnitKind::kText, "some text", "", "", "", -1, -1, 1000};
  TextUnit page{UnitKind::kText, "page text", "", "page 3", "", -1, -1, 100};
  TextUnit form{UnitKind::kField, "x", "DOB", "page 1, field DOB", "", -1, -1, 0};
  std::vector<Row> rows = {
      {cell, 0, "row 12, column 3 (DOB)"},
      {sql, 0, "table patients, row 1, column 1 (dob)"},
      {field, 0, "record 3, PID-7[1].1"},
      {text, 5, "offset 1005"},
      {page, 20, "page 3, offset 120"},
      {form, 0, "page 1, field DOB"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(Location::FromUnit(row.unit, row.offset).ToString(), row.expected);
  }
}

}  // namespace
}  // namespace breachscope
