#include "report/notice/calendar_date.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace breachscope {
namespace {

constexpr std::array<const char*, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 12> kMonthsFr = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

}  // namespace

std::optional<CalendarDate> ParseCalendarDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{std::stoi(std::string(y))},
                                  std::chrono::month{static_cast<unsigned>(std::stoi(std::string(m)))},
                                  std::chrono::day{static_cast<unsigned>(std::stoi(std::string(d)))}};
  if (!ymd.ok()) return std::nullopt;
  return CalendarDate{ymd};
}

std::string FormatIsoDate(CalendarDate date) {
  std::chrono::year_month_day ymd{date};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string FormatLongDate(CalendarDate date, bool french) {
  std::chrono::year_month_day ymd{date};
  const unsigned month = static_cast<unsigned>(ymd.month()) - 1;
  const unsigned day = static_cast<unsigned>(ymd.day());
  std::string day_text = french && day == 1 ? "1er" : std::to_string(day);
  return day_text + " " + (french ? kMonthsFr[month] : kMonthsEn[month]) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

CalendarDate AddMonths(CalendarDate date, int months) {
  std::chrono::year_month_day ymd{date};
  std::chrono::year_month ym = std::chrono::year_month{ymd.year(), ymd.month()} +
                               std::chrono::months{months};
  std::chrono::year_month_day_last last{ym.year(), std::chrono::month_day_last{ym.month()}};
  std::chrono::day day = ymd.day() > last.day() ? last.day() : ymd.day();
  return CalendarDate{std::chrono::year_month_day{ym.year(), ym.month(), day}};
}

CalendarDate Today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

}  // namespace breachscope
