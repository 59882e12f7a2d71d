// Calendar dates as the README's `date` detector reads them. Pure,
// thread-safe, no allocation except the ISO string.
#ifndef BREACHSCOPE_DETECT_VALIDATORS_DATES_H_
#define BREACHSCOPE_DETECT_VALIDATORS_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace breachscope {

inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2099;

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// How a numeric `a/b/yyyy` date orders day and month.
enum class DayMonth : uint8_t {
  kNone,        // not of that form, or a == b: the order changes nothing
  kDayFirst,    // a > 12: certainly day first
  kMonthFirst,  // b > 12: certainly month first
  kAmbiguous,   // both <= 12 and different: read day first
};

struct ParsedDate {
  CivilDate date;
  // Both numeric parts <= 12 and different: read day first, less certain.
  bool ambiguous = false;
  DayMonth day_month = DayMonth::kNone;
};

bool IsLeapYear(int year);
// A real calendar date with kMinYear <= year <= kMaxYear.
bool IsValidDate(const CivilDate& d);
// "1975-03-14".
std::string ToIso(const CivilDate& d);

// 1..12 for an English or French month name or abbreviation, any ASCII case,
// with or without accents ("Sept", "févr", "AOUT"); 0 otherwise. A trailing
// '.' is not part of the name.
int MonthFromName(std::string_view name);

// Parses one whole candidate in any README format: `1975-03-14`,
// `1975/03/14`, `14/03/1975`, `03/14/1975`, `14-03-1975`, `14.03.1975`,
// `Mar 14 1975`, `March 14, 1975`, `14 Mar 1975`, `14 mars 1975`, `1er mars
// 1975`, `19750314`, `197503141230`, `19750314123000`. Rejects unreal dates,
// years outside 1900-2099, mixed separators and bad times.
std::optional<ParsedDate> ParseDate(std::string_view text);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_VALIDATORS_DATES_H_
