#include "detect/fields/value_shape.h"

#include <string>

#include <array>
#include <utility>

#include "detect/fields/label_match.h"
#include "detect/validators/dates.h"

namespace breachscope {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
// Bytes of non-ASCII characters count as letters (accents, U+2019).
bool IsLetter(char c) {
  return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80;
}

char Upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

struct Counts {
  int letters = 0, digits = 0, other = 0, words = 0;
};

Counts Count(std::string_view v) {
  Counts n;
  bool in_word = false;
  for (char c : v) {
    if (IsLetter(c)) ++n.letters;
    else if (IsDigit(c)) ++n.digits;
    else ++n.other;
    bool word = !IsSpace(c);
    if (word && !in_word) ++n.words;
    in_word = word;
  }
  return n;
}

bool IsNameLike(std::string_view v) {
  if (v.size() > 80) return false;
  for (char c : v) {
    if (IsLetter(c) || IsSpace(c) || c == '-' || c == '\'' || c == '.' ||
        c == ',') {
      continue;
    }
    return false;
  }
  Counts n = Count(v);
  return n.letters >= 2 && n.words >= 1 && n.words <= 6;
}

bool IsIdentifierLike(std::string_view v) {
  if (v.size() < 3 || v.size() > 30) return false;
  int alnum = 0, digits = 0;
  for (char c : v) {
    if (IsDigit(c)) ++digits;
    if (IsDigit(c) || IsAsciiLetter(c)) { ++alnum; continue; }
    if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '_') continue;
    return false;
  }
  return alnum >= 3 && digits >= 1;
}

// 172, 172 cm, 80.5kg, 5'10", 5 ft 10 in, 165 lbs.
bool IsNumberUnit(std::string_view v) {
  if (v.empty() || !IsDigit(v[0]) || v.size() > 24) return false;
  int letters = 0;
  for (char c : v) {
    if (IsAsciiLetter(c)) { ++letters; continue; }
    if (IsDigit(c) || IsSpace(c) || c == '.' || c == ',' || c == '\'' ||
        c == '"') {
      continue;
    }
    return false;
  }
  return letters <= 6;
}

bool IsCardNumber(std::string_view v) {
  int digits = 0;
  for (char c : v) {
    if (IsDigit(c)) { ++digits; continue; }
    if (c != ' ' && c != '-') return false;
  }
  return digits >= 12 && digits <= 19;
}

// Both run on every field finding: one allocation of the input's size, not
// a string grown byte by byte.
std::string CollapseSpaces(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  bool gap = false;
  for (char c : v) {
    if (IsSpace(c)) { gap = true; continue; }
    if (gap && !out.empty()) out.push_back(' ');
    gap = false;
    out.push_back(c);
  }
  return out;
}

void AppendUpperAlnum(std::string_view v, std::string* out) {
  for (char c : v) {
    if (IsDigit(c) || IsAsciiLetter(c)) out->push_back(Upper(c));
  }
}

std::string UpperAlnum(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  AppendUpperAlnum(v, &out);
  return out;
}

}  // namespace

Span TrimmedSpan(std::string_view text) {
  size_t start = 0, end = text.size();
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  return {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
}

bool IsPlaceholder(std::string_view v) {
  static constexpr std::array<std::string_view, 12> kEmpty = {
      "null", "none", "n/a", "na", "nil", "unknown", "-", "--", "0",
      "?", "tbd", "not applicable"};
  if (v.size() > 14) return false;
  for (std::string_view e : kEmpty) {
    if (v.size() != e.size()) continue;
    bool same = true;
    for (size_t i = 0; i < v.size() && same; ++i) {
      same = (v[i] | 0x20) == (e[i] | 0x20) || v[i] == e[i];
    }
    if (same) return true;
  }
  return false;
}

// Words of clinical narrative: a short note under a notes label ("Stable,
// no change", "Improving, afebrile") is still narrative when it holds one.
bool HasNarrativeWord(std::string_view v) {
  static constexpr std::string_view kWords[] = {
      "stable", "unchanged", "change", "improved", "improving", "improvement",
      "worse", "worsening", "better", "resolved", "resolving", "recovering",
      "recovered", "tolerating", "tolerated", "complains", "reports",
      "denies", "pain", "symptoms", "symptomatic", "asymptomatic", "afebrile",
      "followup", "follow", "reviewed", "discussed", "advised", "referred",
      "discharged", "admitted", "seen", "feeling", "doing", "flare",
      "inchange", "amelioration", "douleur", "suivi", "vu", "vue"};
  size_t i = 0;
  std::string word;
  while (i < v.size()) {
    word.clear();
    while (i < v.size() && ((v[i] | 0x20) >= 'a' && (v[i] | 0x20) <= 'z')) {
      word.push_back(static_cast<char>(v[i] | 0x20));
      ++i;
    }
    for (std::string_view w : kWords) {
      if (word == w) return true;
    }
    if (word.empty()) ++i;
  }
  return false;
}

// At least two words.
bool TwoWords(std::string_view v) {
  size_t first = v.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  size_t gap = v.find_first_of(" \t\r\n", first);
  return gap != std::string_view::npos &&
         v.find_first_not_of(" \t\r\n", gap) != std::string_view::npos;
}

bool FitsShape(Shape shape, std::string_view v, uint16_t min_chars) {
  switch (shape) {
    case Shape::kName: return IsNameLike(v);
    case Shape::kIdentifier: return IsIdentifierLike(v);
    case Shape::kNumberUnit: return IsNumberUnit(v);
    case Shape::kFreeText:
      if (Count(v).letters < 2) return false;
      return v.size() >= min_chars || (TwoWords(v) && HasNarrativeWord(v));
    case Shape::kText: {
      Counts n = Count(v);
      return n.letters + n.digits >= 2;
    }
    case Shape::kWords: return Count(v).letters >= 2;
    case Shape::kCardNumber: return IsCardNumber(v);
    case Shape::kDate: return ParseDate(v).has_value();
  }
  return false;
}

std::string NormalizeFieldValue(std::string_view category,
                                std::string_view v,
                                std::string_view jurisdiction) {
  if (category == "health_insurance_number") {
    std::string out;
    out.reserve(3 + v.size());
    out.append(jurisdiction.empty() ? "??" : jurisdiction).push_back(':');
    AppendUpperAlnum(v, &out);
    return out;
  }
  if (category == "medical_record_number" || category == "patient_number" ||
      category == "government_id" || category == "payment_card") {
    return UpperAlnum(v);
  }
  if (category == "date_of_birth") {
    auto parsed = ParseDate(v);
    if (parsed) return ToIso(parsed->date);
  }
  return CollapseSpaces(v);
}

std::string_view JurisdictionIn(std::string_view framed) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"ohip", "ON"}, {"ontario", "ON"}, {"on", "ON"},
      {"ramq", "QC"}, {"quebec", "QC"}, {"québec", "QC"}, {"qc", "QC"},
      {"msp", "BC"}, {"british_columbia", "BC"}, {"bc", "BC"},
      {"ahcip", "AB"}, {"alberta", "AB"}, {"ab", "AB"},
      {"saskatchewan", "SK"}, {"sk", "SK"},
      {"manitoba", "MB"}, {"phin", "MB"}, {"mb", "MB"},
      {"nova_scotia", "NS"}, {"msi", "NS"}, {"ns", "NS"},
      {"new_brunswick", "NB"}, {"nb", "NB"},
      {"newfoundland", "NL"}, {"mcp", "NL"}, {"nl", "NL"},
      {"prince_edward_island", "PE"}, {"pei", "PE"}, {"pe", "PE"},
      {"yukon", "YT"}, {"yt", "YT"}, {"nunavut", "NU"}, {"nu", "NU"},
      {"northwest_territories", "NT"}, {"nt", "NT"}};
  for (const auto& [word, code] : kNames) {
    if (HasPhrase(framed, word)) return code;
  }
  return {};
}

}  // namespace breachscope
