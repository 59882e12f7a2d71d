#include "detect/medical/lab_value_parser.h"

#include <array>

namespace breachscope::medical {
namespace {

constexpr size_t kWindow = 24;  // bytes between a test name and its value

constexpr std::array<std::string_view, 31> kGeneralUnits = {
    "mmol/L", "umol/L", "\xC2\xB5mol/L", "mg/dL", "g/L", "g/dL", "U/L",
    "IU/L", "mIU/L", "mU/L", "%", "mL/min/1.73m2", "mL/min/1.73 m2",
    "mL/min", "x10^9/L", "10^9/L", "x10E9/L", "pmol/L", "nmol/L", "ng/mL",
    "ug/L", "\xC2\xB5g/L", "pg/mL", "ng/L", "mg/L", "mEq/L", "fL", "mm/h",
    "mg/mmol", "mg/g", "x10^12/L"};

constexpr std::array<std::string_view, 8> kFillers = {
    "levels", "level", "result", "value", "is", "was", "of", "at"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) {
  return IsDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
         static_cast<unsigned char>(c) >= 0x80;
}
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

// Length of `word` at text[pos] compared case-insensitively, followed by no
// letter or digit when the word ends in one; 0 when absent.
size_t MatchAt(std::string_view text, size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(text[pos + i]) != Lower(word[i])) return 0;
  }
  size_t end = pos + word.size();
  if (end < text.size() && IsAlnum(text[end]) && IsAlnum(word.back())) return 0;
  return word.size();
}

size_t SkipSpaces(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos;
}

// Skips separators and filler words between a name and its number.
size_t SkipToNumber(std::string_view text, size_t pos, bool* assigned) {
  size_t limit = std::min(text.size(), pos + kWindow);
  size_t i = pos;
  while (i < limit) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == ':' || c == '=') {
      *assigned |= c == ':' || c == '=';
      ++i;
      continue;
    }
    size_t n = 0;
    for (std::string_view w : kFillers) n = std::max(n, MatchAt(text, i, w));
    if (n == 0 || i == pos) break;  // a filler needs a space before it
    i += n;
  }
  return i;
}

// The number at text[*pos] ("7.2", "<0.5", "7,2"); advances *pos.
bool ReadNumber(std::string_view text, size_t* pos, std::string_view* number) {
  size_t start = *pos, i = *pos;
  if (i < text.size() && (text[i] == '<' || text[i] == '>')) {
    ++i;
    if (i < text.size() && text[i] == '=') ++i;
  }
  size_t digits = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  if (i == digits) return false;
  if (i + 1 < text.size() && (text[i] == '.' || text[i] == ',') &&
      IsDigit(text[i + 1])) {
    ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
  }
  *number = text.substr(start, i - start);
  *pos = i;
  return true;
}

// A date, time, range or a longer code goes on after the number.
bool ContinuesAsOther(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  char c = text[pos];
  if (IsDigit(c) || c == '.' || c == ',') return pos + 1 < text.size() &&
                                                 IsDigit(text[pos + 1]);
  if (c == '-' || c == '/' || c == ':') {
    return pos + 1 < text.size() && IsDigit(text[pos + 1]);
  }
  return false;
}

bool IsBareYear(std::string_view number) {
  return number.size() == 4 && (number.starts_with("19") ||
                                number.starts_with("20"));
}

// The longest unit at text[pos]: the test's own, then the general ones.
size_t ReadUnit(std::string_view text, size_t pos,
                const std::vector<std::string>& units, std::string* unit) {
  size_t best = 0;
  auto consider = [&](std::string_view u) {
    size_t n = MatchAt(text, pos, u);
    if (n > best) {
      best = n;
      *unit = std::string(u);
    }
  };
  for (const std::string& u : units) consider(u);
  for (std::string_view u : kGeneralUnits) consider(u);
  return best;
}

// "(3.6-6.0)", "[< 5.0]", "(3.6 - 6.0)": numbers, '-', '<', '>' only.
size_t ReadRange(std::string_view text, size_t pos) {
  if (pos >= text.size() || (text[pos] != '(' && text[pos] != '[')) return 0;
  char close = text[pos] == '(' ? ')' : ']';
  bool digit = false;
  for (size_t i = pos + 1; i < text.size() && i < pos + 32; ++i) {
    char c = text[i];
    if (c == close) return digit ? i + 1 - pos : 0;
    digit |= IsDigit(c);
    if (!IsDigit(c) && c != '.' && c != ',' && c != '-' && c != ' ' &&
        c != '<' && c != '>') {
      return 0;
    }
  }
  return 0;
}

size_t ReadFlag(std::string_view text, size_t pos) {
  static constexpr std::string_view kFlags[] = {
      "(HH)", "(LL)", "(H)", "(L)", "HH", "LL", "High", "Low", "high", "low",
      "H", "L", "A", "*"};
  for (std::string_view flag : kFlags) {
    if (text.substr(pos, flag.size()) != flag) continue;
    size_t end = pos + flag.size();
    if (end < text.size() && IsAlnum(text[end])) continue;
    return flag.size();
  }
  return 0;
}

// Unit, range and flag after the number at *pos, each optional.
void ReadTail(std::string_view text, const std::vector<std::string>& units,
              LabValue* value) {
  size_t i = value->end;
  size_t at = SkipSpaces(text, i);
  if (at <= i + 1) {
    size_t n = ReadUnit(text, at, units, &value->unit);
    if (n > 0) i = at + n;
  }
  at = SkipSpaces(text, i);
  if (size_t n = ReadRange(text, at); n > 0 && at > i) {
    value->range = true;
    i = at + n;
  }
  at = SkipSpaces(text, i);
  if (size_t n = ReadFlag(text, at); n > 0 && at > i) {
    value->flag = true;
    i = at + n;
  }
  value->end = i;
}

}  // namespace

bool ParseLabValue(std::string_view text, size_t pos,
                   const std::vector<std::string>& units, LabValue* value) {
  *value = LabValue{};
  size_t i = SkipToNumber(text, pos, &value->assigned);
  if (i == pos && i < text.size()) return false;  // "HbA1c7" is no value
  if (!ReadNumber(text, &i, &value->number)) return false;
  if (ContinuesAsOther(text, i)) return false;
  value->end = i;
  ReadTail(text, units, value);
  if (value->unit.empty() && IsBareYear(value->number)) return false;
  // A letter glued to the number that is no unit: "6th", "3x".
  return value->end >= text.size() || !IsAlnum(text[value->end]) ||
         value->end > i;
}

}  // namespace breachscope::medical
