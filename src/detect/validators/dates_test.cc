#include "detect/validators/dates.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace breachscope {
namespace {

struct DateCase {
  const char* text;
  const char* iso;  // nullptr: rejected
  bool ambiguous;
};

TEST(DatesTest, ParseTable) {
  const DateCase cases[] = {
      {"1975-03-14", "1975-03-14", false},
      {"1975/03/14", "1975-03-14", false},
      {"14/03/1975", "1975-03-14", false},
      {"03/14/1975", "1975-03-14", false},
      {"14-03-1975", "1975-03-14", false},
      {"14.03.1975", "1975-03-14", false},
      {"04/03/1975", "1975-03-04", true},
      {"03/03/1975", "1975-03-03", false},
      {"Mar 14 1975", "1975-03-14", false},
      {"March 14, 1975", "1975-03-14", false},
      {"Mar. 14, 1975", "1975-03-14", false},
      {"14 Mar 1975", "1975-03-14", false},
      {"14 March 1975", "1975-03-14", false},
      {"14 mars 1975", "1975-03-14", false},
      {"1er mars 1975", "1975-03-01", false},
      {"3 Sept 2021", "2021-09-03", false},
      {"12 février 2020", "2020-02-12", false},
      {"12 FEVRIER 2020", "2020-02-12", false},
      {"15 août 2019", "2019-08-15", false},
      {"1 DÉCEMBRE 2001", "2001-12-01", false},
      {"3 FÉVR 1999", "1999-02-03", false},
      {"19750314", "1975-03-14", false},
      {"197503141230", "1975-03-14", false},
      {"19750314123059", "1975-03-14", false},
      {"2024-02-29", "2024-02-29", false},
      {"2000-02-29", "2000-02-29", false},
      {"2023-02-29", nullptr, false},
      {"1900-02-29", nullptr, false},
      {"13/13/2020", nullptr, false},
      {"31/04/2020", nullptr, false},
      {"1899-12-31", nullptr, false},
      {"2100-01-01", nullptr, false},
      {"14/03-1975", nullptr, false},
      {"1975.03.14", nullptr, false},
      {"197503142460", nullptr, false},
      {"1975031412", nullptr, false},
      {"14 Foo 1975", nullptr, false},
      {"Mar 32 1975", nullptr, false},
      {"2er mars 1975", nullptr, false},
      {"", nullptr, false},
  };
  for (const DateCase& c : cases) {
    std::optional<ParsedDate> parsed = ParseDate(c.text);
    if (c.iso == nullptr) {
      EXPECT_FALSE(parsed.has_value()) << c.text;
      continue;
    }
    ASSERT_TRUE(parsed.has_value()) << c.text;
    EXPECT_EQ(ToIso(parsed->date), c.iso) << c.text;
    EXPECT_EQ(parsed->ambiguous, c.ambiguous) << c.text;
  }
}

TEST(DatesTest, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
}

TEST(DatesTest, MonthNames) {
  EXPECT_EQ(MonthFromName("Sept"), 9);
  EXPECT_EQ(MonthFromName("sept."), 9);
  EXPECT_EQ(MonthFromName("AOÛT"), 8);
  EXPECT_EQ(MonthFromName("AOUT"), 8);
  EXPECT_EQ(MonthFromName("août"), 8);
  EXPECT_EQ(MonthFromName("mai"), 5);
  EXPECT_EQ(MonthFromName("Fev."), 2);
  EXPECT_EQ(MonthFromName("Déc"), 12);
  EXPECT_EQ(MonthFromName("marzo"), 0);
}

}  // namespace
}  // namespace breachscope

namespace breachscope {
namespace {

TEST(DatesTest, DayMonthOrderOfNumericDates) {
  const std::pair<const char*, DayMonth> cases[] = {
      {"25/03/1980", DayMonth::kDayFirst},
      {"03/25/1980", DayMonth::kMonthFirst},
      {"03/04/1980", DayMonth::kAmbiguous},
      {"03/03/1980", DayMonth::kNone},
      {"1980-03-04", DayMonth::kNone},
      {"Mar 4 1980", DayMonth::kNone},
  };
  for (const auto& [text, order] : cases) {
    auto parsed = ParseDate(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(parsed->day_month, order) << text;
  }
}

// ToIso writes usual dates by hand and others through snprintf: every
// date gives the bytes of the one format string.
TEST(DatesTest, ToIsoWritesWhatPrintfWrites) {
  const int years[] = {-10001, -1, 0, 7, 99, 999, 1975, 2026, 9999, 10000, 12345};
  const int parts[] = {-3, 0, 1, 9, 10, 12, 31, 99, 100, 123};
  for (int year : years) {
    for (int month : parts) {
      for (int day : parts) {
        char want[32];
        std::snprintf(want, sizeof want, "%04d-%02d-%02d", year % 10000,
                      month % 100, day % 100);
        EXPECT_EQ(ToIso({year, month, day}), want)
            << year << " " << month << " " << day;
      }
    }
  }
}

}  // namespace
}  // namespace breachscope
