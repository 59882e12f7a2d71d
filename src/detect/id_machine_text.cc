#include "detect/id_machine_text.h"

#include <algorithm>

namespace breachscope {
namespace {

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsHexDigit(unsigned char c) {
  return IsDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

// A piece of a time or of an IPv6 address: `34.313Z` in `09:34:34.313Z`,
// glued by a colon to a digit on either side. A label's colon
// (`MRN:M00123456`) follows a letter and stays a boundary.
bool PartOfTime(std::string_view text, size_t start, size_t end) {
  return (start >= 2 && text[start - 1] == ':' &&
          IsDigit(static_cast<unsigned char>(text[start - 2]))) ||
         (end + 1 < text.size() && text[end] == ':' &&
          IsDigit(static_cast<unsigned char>(text[end + 1])));
}

// A hash, a request or trace id, a hex literal: hexadecimal digits and
// letters, 16 or more of them, or 12 or more in lower case or with a letter
// after a digit, or 7 or more in lower case with a letter after a digit, or
// `0x...`. Record numbers are shorter, written in upper case, and keep
// their letters in front (`A0042371`).
bool HashLike(std::string_view token) {
  if (token.size() > 2 && token[0] == '0' && (token[1] | 0x20) == 'x' &&
      std::all_of(token.begin() + 2, token.end(),
                  [](unsigned char c) { return IsHexDigit(c); })) {
    return true;
  }
  if (token.size() < 7) return false;
  bool digit_seen = false, letter_after_digit = false, lower = false;
  for (unsigned char c : token) {
    if (!IsHexDigit(c)) return false;
    if (IsDigit(c)) {
      digit_seen = true;
    } else {
      letter_after_digit |= digit_seen;
      lower |= IsLower(c);
    }
  }
  if (token.size() >= 16) return true;
  if (token.size() >= 12) return lower || letter_after_digit;
  return lower && letter_after_digit;
}

// A MAC address written as one token: six pairs of hex digits joined by
// `-` (`00-1A-2B-3C-4D-5E`) or three quads joined by `.` (`001a.2b3c.4d5e`).
bool MacLike(std::string_view token) {
  const bool pairs = token.size() == 17, quads = token.size() == 14;
  if (!pairs && !quads) return false;
  const size_t group = pairs ? 2 : 4;
  const char sep = pairs ? '-' : '.';
  for (size_t i = 0; i < token.size(); ++i) {
    const unsigned char c = token[i];
    if ((i + 1) % (group + 1) == 0 ? c != sep : !IsHexDigit(c)) return false;
  }
  return true;
}

// A version (`v2.10.3`, `1.2.3-beta4`, `Chrome/120.0.6099`) or an address
// (`10.0.0.1`): two or more dots, or `v` and digits with a dot.
bool VersionLike(std::string_view token) {
  if (std::count(token.begin(), token.end(), '.') >= 2) return true;
  return token.size() > 2 && (token[0] | 0x20) == 'v' &&
         IsDigit(static_cast<unsigned char>(token[1])) &&
         token.find('.') != std::string_view::npos;
}

// A quantity with its unit (`1500ms`, `12.345s`, `2048kb`): digits, then
// one to three lower-case letters that end the token.
bool QuantityLike(std::string_view token) {
  size_t letters = 0;
  while (letters < token.size() &&
         IsLower(static_cast<unsigned char>(token[token.size() - 1 - letters]))) {
    ++letters;
  }
  if (letters == 0 || letters > 3 || letters == token.size()) return false;
  return std::all_of(token.begin(), token.end() - letters, [](unsigned char c) {
    return IsDigit(c) || c == '.';
  });
}

// An HL7 code table named in a coded value (`SPO^Spouse^HL70063`).
bool Hl7TableLike(std::string_view token) {
  return token.size() == 7 && (token[0] | 0x20) == 'h' &&
         (token[1] | 0x20) == 'l' && token[2] == '7' &&
         std::all_of(token.begin() + 3, token.end(),
                     [](unsigned char c) { return IsDigit(c); });
}

}  // namespace

// Tokens that are machine text, never a patient's record number.
bool MachineToken(std::string_view text, size_t start, size_t end) {
  const std::string_view token = text.substr(start, end - start);
  return PartOfTime(text, start, end) || HashLike(token) || MacLike(token) ||
         VersionLike(token) || QuantityLike(token) || Hl7TableLike(token);
}

// Where a URL that starts at `colon` (`://`) ends: its path, query and
// fragment are the site's, and no token in them is a candidate.
size_t UrlEnd(std::string_view text, size_t colon) {
  size_t end = colon + 3;
  while (end < text.size()) {
    const unsigned char c = text[end];
    if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>') break;
    ++end;
  }
  return end;
}

}  // namespace breachscope
