// Calendar dates for case facts and deadlines: a day, no time zone. Deadlines
// in law are counted in days (or in hours from a day, rounded up to days), so
// the whole notification side works on whole days.
#ifndef BREACHSCOPE_REPORT_NOTICE_CALENDAR_DATE_H_
#define BREACHSCOPE_REPORT_NOTICE_CALENDAR_DATE_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace breachscope {

using CalendarDate = std::chrono::sys_days;

// Parses "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<CalendarDate> ParseCalendarDate(std::string_view text);
std::string FormatIsoDate(CalendarDate date);                   // "2026-02-21"
std::string FormatLongDate(CalendarDate date, bool french);     // "21 February 2026" / "21 février 2026"
CalendarDate AddMonths(CalendarDate date, int months);           // clamps to month end
CalendarDate Today();                                            // UTC

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_CALENDAR_DATE_H_
