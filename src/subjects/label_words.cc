#include "subjects/label_words.h"

#include <cctype>

namespace breachscope {
namespace {

bool IsAsciiAlnum(unsigned char c) { return c < 0x80 && std::isalnum(c); }

// Reads a decimal number at `*pos`; -1 when there is none.
int ReadNumber(std::string_view s, size_t* pos) {
  int value = -1;
  while (*pos < s.size() && std::isdigit(static_cast<unsigned char>(s[*pos]))) {
    value = (value < 0 ? 0 : value * 10) + (s[*pos] - '0');
    ++*pos;
  }
  return value;
}

}  // namespace

std::vector<std::string> LabelWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      word += static_cast<char>(c);
      continue;
    }
    if (!IsAsciiAlnum(c)) {
      flush();
      continue;
    }
    // "postalCode": an upper-case letter after a lower-case one starts a word.
    if (std::isupper(c) && i > 0 &&
        std::islower(static_cast<unsigned char>(text[i - 1]))) {
      flush();
    }
    word += static_cast<char>(std::tolower(c));
  }
  flush();
  return words;
}

bool HasAnyWord(const std::vector<std::string>& words,
                std::initializer_list<std::string_view> wanted) {
  for (const std::string& word : words) {
    for (std::string_view w : wanted) {
      if (word == w) return true;
    }
  }
  return false;
}

Hl7Position ParseHl7Path(std::string_view path) {
  Hl7Position pos;
  if (path.size() < 5) return pos;
  for (size_t i = 0; i < 3; ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (!(std::isupper(c) || (i > 0 && std::isdigit(c)))) return pos;
  }
  size_t at = 3;
  if (path[at] == '(') {
    ++at;
    pos.occurrence = ReadNumber(path, &at);
    if (pos.occurrence < 0 || at >= path.size() || path[at] != ')') return pos;
    ++at;
  }
  if (at >= path.size() || path[at] != '-') return pos;
  ++at;
  pos.field = ReadNumber(path, &at);
  if (pos.field < 0) return pos;
  if (at < path.size() && path[at] == '[') {
    ++at;
    pos.repetition = ReadNumber(path, &at);
    if (at >= path.size() || path[at] != ']') return pos;
    ++at;
  }
  if (at < path.size() && path[at] == '.') {
    ++at;
    pos.component = ReadNumber(path, &at);
  }
  pos.segment = std::string(path.substr(0, 3));
  pos.repetition = pos.repetition < 0 ? 0 : pos.repetition;
  pos.component = pos.component < 0 ? 0 : pos.component;
  pos.ok = true;
  return pos;
}

}  // namespace breachscope
