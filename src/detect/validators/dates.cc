#include "detect/validators/dates.h"

#include <array>
#include <cstdio>

#include "detect/context.h"

namespace breachscope {
namespace {

struct MonthName {
  std::string_view name;  // normalised: lower case, accents kept
  int month;
};

// English and French names and the abbreviations seen in clinical data.
// Accented spellings and their unaccented variants are both listed.
constexpr std::array<MonthName, 47> kMonthNames = {{
    {"january", 1},  {"jan", 1},       {"janvier", 1},    {"janv", 1},
    {"february", 2}, {"feb", 2},       {"février", 2},    {"fevrier", 2},
    {"févr", 2},     {"fevr", 2},      {"fév", 2},        {"fev", 2},
    {"march", 3},
    {"mar", 3},      {"mars", 3},      {"april", 4},      {"apr", 4},
    {"avril", 4},    {"avr", 4},       {"may", 5},        {"mai", 5},
    {"june", 6},     {"jun", 6},       {"juin", 6},       {"july", 7},
    {"jul", 7},      {"juillet", 7},   {"juil", 7},       {"august", 8},
    {"aug", 8},      {"août", 8},      {"aout", 8},       {"september", 9},
    {"sep", 9},      {"sept", 9},      {"septembre", 9},  {"october", 10},
    {"oct", 10},     {"octobre", 10},  {"november", 11},  {"nov", 11},
    {"novembre", 11}, {"december", 12}, {"dec", 12},      {"décembre", 12},
    {"decembre", 12}, {"déc", 12},
}};

// Parses 1..max_len ASCII digits exactly; -1 otherwise.
int ParseNumber(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return -1;
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<ParsedDate> Checked(CivilDate d, bool ambiguous) {
  if (!IsValidDate(d)) return std::nullopt;
  return ParsedDate{d, ambiguous};
}

// `19750314`, `197503141230`, `19750314123000`.
std::optional<ParsedDate> ParseCompact(std::string_view s) {
  if (s.size() != 8 && s.size() != 12 && s.size() != 14) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  if (s.size() >= 12 && (ParseNumber(s.substr(8, 2), 2) > 23 ||
                         ParseNumber(s.substr(10, 2), 2) > 59)) {
    return std::nullopt;
  }
  if (s.size() == 14 && ParseNumber(s.substr(12, 2), 2) > 59) {
    return std::nullopt;
  }
  return Checked({ParseNumber(s.substr(0, 4), 4), ParseNumber(s.substr(4, 2), 2),
                  ParseNumber(s.substr(6, 2), 2)},
                 false);
}

// Splits "a<sep>b<sep>c" with one separator used twice.
bool SplitNumeric(std::string_view s, std::string_view parts[3]) {
  size_t first = s.find_first_of("-/.");
  if (first == std::string_view::npos) return false;
  char sep = s[first];
  size_t second = s.find(sep, first + 1);
  if (second == std::string_view::npos) return false;
  parts[0] = s.substr(0, first);
  parts[1] = s.substr(first + 1, second - first - 1);
  parts[2] = s.substr(second + 1);
  if (parts[2].find_first_of("-/.") != std::string_view::npos) return false;
  // Year first only with '-' or '/', as the README lists.
  return !(parts[0].size() == 4 && sep == '.');
}

// Day/month rule for `a/b/yyyy`: a > 12 day first, b > 12 month first,
// both <= 12 day first and ambiguous unless equal.
std::optional<ParsedDate> ParseDayMonth(int a, int b, int year) {
  if (a > 12 && b > 12) return std::nullopt;
  std::optional<ParsedDate> parsed =
      b > 12 ? Checked({year, a, b}, false)
             : Checked({year, b, a}, a <= 12 && a != b);
  if (!parsed) return parsed;
  if (a > 12) {
    parsed->day_month = DayMonth::kDayFirst;
  } else if (b > 12) {
    parsed->day_month = DayMonth::kMonthFirst;
  } else if (a != b) {
    parsed->day_month = DayMonth::kAmbiguous;
  }
  return parsed;
}

std::optional<ParsedDate> ParseNumeric(std::string_view s) {
  std::string_view p[3];
  if (!SplitNumeric(s, p)) return std::nullopt;
  if (p[0].size() == 4) {
    return Checked({ParseNumber(p[0], 4), ParseNumber(p[1], 2),
                    ParseNumber(p[2], 2)},
                   false);
  }
  if (p[2].size() != 4) return std::nullopt;
  int a = ParseNumber(p[0], 2), b = ParseNumber(p[1], 2);
  if (a < 1 || b < 1) return std::nullopt;
  return ParseDayMonth(a, b, ParseNumber(p[2], 4));
}

// Splits text into up to 3 tokens of word bytes; false when more.
int Tokenize(std::string_view s, std::string_view tokens[3]) {
  int count = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsWordByte(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    size_t begin = i;
    while (i < s.size() && IsWordByte(static_cast<unsigned char>(s[i]))) ++i;
    if (count == 3) return 4;
    tokens[count++] = s.substr(begin, i - begin);
  }
  return count;
}

// Day token: "14", "1er" (French first of the month).
int ParseDay(std::string_view token) {
  if (token.size() == 3 && (token.substr(1) == "er" || token.substr(1) == "ER")) {
    return token[0] == '1' ? 1 : -1;
  }
  return ParseNumber(token, 2);
}

std::optional<ParsedDate> ParseWithMonthName(std::string_view s) {
  std::string_view t[3];
  if (Tokenize(s, t) != 3) return std::nullopt;
  int year = ParseNumber(t[2], 4);
  if (t[2].size() != 4) return std::nullopt;
  if (int month = MonthFromName(t[0]); month > 0) {
    return Checked({year, month, ParseNumber(t[1], 2)}, false);
  }
  return Checked({year, MonthFromName(t[1]), ParseDay(t[0])}, false);
}

bool HasLetter(std::string_view s) {
  for (char c : s) {
    if (!(c >= '0' && c <= '9') && IsWordByte(static_cast<unsigned char>(c))) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool IsValidDate(const CivilDate& d) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  if (d.year < kMinYear || d.year > kMaxYear) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  int days = kDays[d.month - 1] + (d.month == 2 && IsLeapYear(d.year) ? 1 : 0);
  return d.day <= days;
}

// snprintf's parsing of its format showed in profiles (one call a date
// finding); dates in the usual ranges are written by hand, the same bytes.
std::string ToIso(const CivilDate& d) {
  if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 &&
      d.day >= 0 && d.day <= 99) {
    std::string iso = "0000-00-00";
    iso[0] = static_cast<char>('0' + d.year / 1000);
    iso[1] = static_cast<char>('0' + d.year / 100 % 10);
    iso[2] = static_cast<char>('0' + d.year / 10 % 10);
    iso[3] = static_cast<char>('0' + d.year % 10);
    iso[5] = static_cast<char>('0' + d.month / 10);
    iso[6] = static_cast<char>('0' + d.month % 10);
    iso[8] = static_cast<char>('0' + d.day / 10);
    iso[9] = static_cast<char>('0' + d.day % 10);
    return iso;
  }
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d.year % 10000,
                d.month % 100, d.day % 100);
  return buf;
}

int MonthFromName(std::string_view name) {
  if (name.ends_with('.')) name.remove_suffix(1);
  if (name.empty() || name.size() > 12) return 0;
  std::string lower = Normalize(name);
  for (const MonthName& m : kMonthNames) {
    if (m.name == lower) return m.month;
  }
  return 0;
}

std::optional<ParsedDate> ParseDate(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (HasLetter(text)) return ParseWithMonthName(text);
  if (text.find_first_of("-/.") == std::string_view::npos) {
    return ParseCompact(text);
  }
  return ParseNumeric(text);
}

}  // namespace breachscope
