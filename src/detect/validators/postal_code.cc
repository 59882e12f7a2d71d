#include "detect/validators/postal_code.h"

namespace breachscope {
namespace {

constexpr std::string_view kFirstLetters = "ABCEGHJKLMNPRSTVXY";
constexpr std::string_view kForbiddenLetters = "DFIOQU";

char Upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - ('a' - 'A')) : c;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAllowedLetter(char c, bool first) {
  if (c < 'A' || c > 'Z') return false;
  if (first) return kFirstLetters.find(c) != std::string_view::npos;
  return kForbiddenLetters.find(c) == std::string_view::npos;
}

}  // namespace

std::optional<std::string> CanonicalPostalCode(std::string_view text) {
  if (text.size() == 7 && text[3] != ' ') return std::nullopt;
  if (text.size() != 6 && text.size() != 7) return std::nullopt;
  std::string code;
  for (char c : text) {
    if (c != ' ') code.push_back(Upper(c));
  }
  if (code.size() != 6) return std::nullopt;
  for (int i = 0; i < 6; ++i) {
    bool ok = i % 2 == 0 ? IsAllowedLetter(code[i], i == 0) : IsDigit(code[i]);
    if (!ok) return std::nullopt;
  }
  code.insert(3, 1, ' ');
  return code;
}

}  // namespace breachscope
