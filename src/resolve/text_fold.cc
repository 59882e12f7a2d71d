#include "resolve/text_fold.h"

#include <cstdint>

#include "common/utf8.h"

namespace breachscope {
namespace {

// ASCII folds of U+00C0..U+017F, one string per code point ("" drops it).
// Indexed by cp - 0xC0.
constexpr const char* kLatinFold[] = {
    // C0..FF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",
    // 100..17F
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

// Decodes one UTF-8 sequence at text[*pos]; invalid bytes decode as U+FFFD.
char32_t NextCodePoint(std::string_view text, size_t* pos) {
  auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  uint8_t lead = byte(*pos);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 6 ? 1 : (lead >> 4) == 14 ? 2 : (lead >> 3) == 30 ? 3 : -1;
  if (extra < 0 || *pos + extra >= text.size() + (extra == 0 ? 1 : 0)) {
    ++*pos;
    return extra == 0 ? lead : 0xFFFD;
  }
  char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    if ((byte(*pos + i) & 0xC0) != 0x80) {
      ++*pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(*pos + i) & 0x3F);
  }
  *pos += extra + 1;
  return cp;
}

// Appends the fold of one code point; returns false for a separator.
bool AppendFold(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out->push_back(c);
      return true;
    }
    return c == '\'';  // an apostrophe joins: O'Hare
  }
  if (cp == 0x2019 || cp == 0x2018) return true;  // typographic apostrophes
  if (cp >= 0xC0 && cp <= 0x17F) {
    const char* fold = kLatinFold[cp - 0xC0];
    if (fold[0] == ' ') return false;
    out->append(fold);
    return true;
  }
  if (cp < 0xC0 || cp == 0xFFFD || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F)) {
    return false;  // Latin-1 symbols, general punctuation, CJK punctuation
  }
  AppendUtf8(cp, out);
  return true;
}

}  // namespace

std::string FoldText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = NextCodePoint(text, &pos);
    size_t before = out.size();
    if (pending_space && !out.empty()) out.push_back(' ');
    size_t after_space = out.size();
    if (!AppendFold(cp, &out)) {
      out.resize(before);
      pending_space = true;
      continue;
    }
    if (out.size() == after_space) {
      out.resize(before);  // an apostrophe: joins without a space
    } else {
      pending_space = false;
    }
  }
  return out;
}

std::string FoldCompact(std::string_view text) {
  std::string out = FoldText(text);
  std::erase(out, ' ');
  return out;
}

std::vector<std::string> SplitWords(std::string_view folded) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace breachscope
