#include "common/mask.h"

#include <cctype>
#include <cstddef>
#include <vector>

namespace breachscope {
namespace {

// Byte length of the UTF-8 sequence starting with `lead` (1 for invalid
// bytes, so malformed input still advances).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// A character is "content" (letter, digit, any non-ASCII letter) or a
// separator (space, punctuation), which masking keeps so shapes stay readable.
bool IsContent(std::string_view ch) {
  const unsigned char c = static_cast<unsigned char>(ch[0]);
  return c >= 0x80 || std::isalnum(c) != 0;
}

std::vector<std::string_view> Characters(std::string_view text) {
  std::vector<std::string_view> chars;
  for (size_t i = 0; i < text.size();) {
    size_t n = SequenceLength(static_cast<unsigned char>(text[i]));
    if (i + n > text.size()) n = 1;
    for (size_t k = 1; k < n; ++k) {
      // A lead byte without its continuation bytes stands alone, so the
      // next (ASCII) byte is masked on its own merits.
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) n = 1;
    }
    chars.push_back(text.substr(i, n));
    i += n;
  }
  return chars;
}

// Keeps the first content character of every word; masks the others.
std::string MaskWords(std::string_view value) {
  std::string out;
  bool at_word_start = true;
  for (std::string_view ch : Characters(value)) {
    if (!IsContent(ch)) {
      out.append(ch);
      at_word_start = true;
    } else if (at_word_start) {
      out.append(ch);
      at_word_start = false;
    } else {
      out.push_back('*');
    }
  }
  return out;
}

// Keeps the last `keep` content characters; masks the other content ones.
std::string MaskAllButLast(std::string_view value, size_t keep) {
  std::vector<std::string_view> chars = Characters(value);
  size_t content = 0;
  for (std::string_view ch : chars) content += IsContent(ch) ? 1 : 0;
  // Short values would be revealed whole: mask them entirely.
  if (content <= keep * 2) keep = 0;
  std::string out;
  size_t seen = 0;
  for (std::string_view ch : chars) {
    if (!IsContent(ch)) {
      out.append(ch);
      continue;
    }
    ++seen;
    if (seen + keep > content) {
      out.append(ch);
    } else {
      out.push_back('*');
    }
  }
  return out;
}

std::string MaskEmail(std::string_view value) {
  const size_t at = value.rfind('@');
  if (at == std::string_view::npos) return MaskAllButLast(value, 2);
  std::string_view domain = value.substr(at + 1);
  const size_t dot = domain.rfind('.');
  std::string_view tld = dot == std::string_view::npos ? "" : domain.substr(dot);
  std::string_view host = domain.substr(0, domain.size() - tld.size());
  auto first_then_stars = [](std::string_view part) {
    std::vector<std::string_view> chars = Characters(part);
    std::string out;
    for (size_t i = 0; i < chars.size(); ++i) {
      if (i == 0) {
        out.append(chars[i]);
      } else {
        out.push_back('*');
      }
    }
    return out;
  };
  return first_then_stars(value.substr(0, at)) + "@" + first_then_stars(host) +
         std::string(tld);
}

// ISO date or anything date-shaped: the first four-digit run (the year)
// stays, every other digit is masked.
std::string MaskDate(std::string_view value) {
  std::string out(value);
  size_t year_at = std::string::npos;
  for (size_t i = 0; i + 4 <= out.size(); ++i) {
    bool four = true;
    for (size_t k = 0; k < 4; ++k) four = four && std::isdigit(static_cast<unsigned char>(out[i + k]));
    const bool bounded_before = i == 0 || !std::isdigit(static_cast<unsigned char>(out[i - 1]));
    const bool bounded_after = i + 4 == out.size() ||
                               !std::isdigit(static_cast<unsigned char>(out[i + 4]));
    if (four && bounded_before && bounded_after) {
      year_at = i;
      break;
    }
  }
  for (size_t i = 0; i < out.size(); ++i) {
    const bool in_year = year_at != std::string::npos && i >= year_at && i < year_at + 4;
    if (!in_year && std::isalnum(static_cast<unsigned char>(out[i]))) out[i] = '*';
  }
  return out;
}

}  // namespace

std::string MaskValue(std::string_view category, std::string_view value) {
  if (category == "name") return MaskWords(value);
  if (category == "phone") return MaskAllButLast(value, 4);
  if (category == "email") return MaskEmail(value);
  if (category == "date_of_birth" || category == "service_date") return MaskDate(value);
  return MaskAllButLast(value, 2);
}

}  // namespace breachscope
