#include "report/notice/calendar_date.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(CalendarDate, ParsesOnlyRealIsoDates) {
  EXPECT_EQ(FormatIsoDate(*ParseCalendarDate("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(ParseCalendarDate("2026-02-29"));
  EXPECT_FALSE(ParseCalendarDate("2026-2-28"));
  EXPECT_FALSE(ParseCalendarDate("2026-13-01"));
  EXPECT_FALSE(ParseCalendarDate("abcd-ef-gh"));
}

TEST(CalendarDate, LongFormsInEnglishAndFrench) {
  EXPECT_EQ(FormatLongDate(*ParseCalendarDate("2026-02-21"), false), "21 February 2026");
  EXPECT_EQ(FormatLongDate(*ParseCalendarDate("2026-08-01"), true), "1er août 2026");
}

TEST(CalendarDate, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(FormatIsoDate(AddMonths(*ParseCalendarDate("2026-01-31"), 1)), "2026-02-28");
  EXPECT_EQ(FormatIsoDate(AddMonths(*ParseCalendarDate("2026-04-10"), 24)), "2028-04-10");
}

}  // namespace
}  // namespace breachscope
