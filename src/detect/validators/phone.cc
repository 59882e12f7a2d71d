#include "detect/validators/phone.h"

#include <phonenumbers/phonenumberutil.h>

namespace breachscope {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMaxExtensionDigits = 6;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Splits "<number><sep>(x|ext|ext.)<sep><digits>" at the first letter.
void SplitExtension(std::string_view text, std::string_view* number,
                    std::string_view* extension) {
  size_t letter = text.find_first_of("xXeE");
  *number = text.substr(0, letter);
  *extension = {};
  if (letter == std::string_view::npos) return;
  size_t digit = letter;
  while (digit < text.size() && !IsDigit(text[digit])) ++digit;
  *extension = text.substr(digit);
}

// The ten national digits, dropping a leading country code 1; empty when
// the digit count is wrong.
std::string NationalDigits(std::string_view number) {
  std::string digits;
  for (char c : number) {
    if (IsDigit(c)) digits.push_back(c);
  }
  if (digits.size() == 11 && digits[0] == '1') digits.erase(0, 1);
  if (digits.size() != 10) digits.clear();
  return digits;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> NanpToE164(std::string_view text) {
  std::string_view number, extension;
  SplitExtension(text, &number, &extension);
  if (extension.size() > kMaxExtensionDigits || !AllDigits(extension)) {
    return std::nullopt;
  }
  std::string digits = NationalDigits(number);
  if (digits.empty()) return std::nullopt;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber parsed;
  if (util->Parse(digits, "CA", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR ||
      parsed.country_code() != 1 || !util->IsValidNumber(parsed)) {
    return std::nullopt;
  }
  std::string e164;
  util->Format(parsed, PhoneNumberUtil::E164, &e164);
  if (!extension.empty()) e164.append(";ext=").append(extension);
  return e164;
}

}  // namespace breachscope
