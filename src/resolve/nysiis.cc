#include "resolve/nysiis.h"

namespace breachscope {
namespace {

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Step 1 and 2: fixed rewrites of the first and last letters.
void RewriteEnds(std::string* name) {
  static constexpr std::pair<std::string_view, std::string_view> kFirst[] = {
      {"MAC", "MCC"}, {"KN", "NN"}, {"K", "C"}, {"PH", "FF"}, {"PF", "FF"}, {"SCH", "SSS"}};
  for (auto [from, to] : kFirst) {
    if (StartsWith(*name, from)) {
      name->replace(0, from.size(), to);
      break;
    }
  }
  static constexpr std::pair<std::string_view, std::string_view> kLast[] = {
      {"EE", "Y"}, {"IE", "Y"}, {"DT", "D"}, {"RT", "D"}, {"RD", "D"}, {"NT", "D"}, {"ND", "D"}};
  for (auto [from, to] : kLast) {
    if (EndsWith(*name, from)) {
      name->replace(name->size() - from.size(), from.size(), to);
      break;
    }
  }
}

// Step 3: the translation of the letter at `i` (the name is rewritten in
// place so later letters see earlier translations, as the algorithm says).
void TranslateAt(std::string* name, size_t i) {
  std::string& s = *name;
  char c = s[i];
  auto next_is = [&](std::string_view t) { return s.compare(i, t.size(), t) == 0; };
  if (c == 'E' && next_is("EV")) {
    s.replace(i, 2, "AF");
  } else if (IsVowel(c)) {
    s[i] = 'A';
  } else if (c == 'Q') {
    s[i] = 'G';
  } else if (c == 'Z') {
    s[i] = 'S';
  } else if (c == 'M') {
    s[i] = 'N';
  } else if (next_is("KN")) {
    s[i] = 'N';
  } else if (c == 'K') {
    s[i] = 'C';
  } else if (next_is("SCH")) {
    s.replace(i, 3, "SSS");
  } else if (next_is("PH")) {
    s.replace(i, 2, "FF");
  } else if (c == 'H' && (!IsVowel(s[i - 1]) || i + 1 >= s.size() || !IsVowel(s[i + 1]))) {
    s[i] = s[i - 1];
  } else if (c == 'W' && IsVowel(s[i - 1])) {
    s[i] = s[i - 1];
  }
}

}  // namespace

std::string Nysiis(std::string_view folded_name, size_t max_length) {
  std::string name;
  for (char c : folded_name) {
    if (c >= 'a' && c <= 'z') name.push_back(static_cast<char>(c - 'a' + 'A'));
  }
  if (name.empty()) return name;
  RewriteEnds(&name);
  std::string code(1, name[0]);
  for (size_t i = 1; i < name.size(); ++i) {
    TranslateAt(&name, i);
    if (name[i] != code.back()) code.push_back(name[i]);
  }
  if (code.size() > 1 && code.back() == 'S') code.pop_back();
  if (EndsWith(code, "AY")) code.replace(code.size() - 2, 2, "Y");
  if (code.size() > 1 && code.back() == 'A') code.pop_back();
  if (max_length > 0 && code.size() > max_length) code.resize(max_length);
  return code;
}

}  // namespace breachscope
