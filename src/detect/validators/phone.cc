#include "detect/validators/phone.h"

#include <phonenumbers/phonenumberutil.h>

#include <charconv>
#include <cstdint>
#include <unordered_map>

namespace breachscope {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMaxExtensionDigits = 6;
// Validation costs microseconds (libphonenumber runs ICU regexes) and the
// same numbers recur across rows, so each thread remembers recent answers.
constexpr size_t kMaxCachedNumbers = 1 << 16;

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

// Valid for libphonenumber in region CA or US (the README's contract; other
// NANP countries such as JM are not included).
bool IsValidCaOrUs(uint64_t national) {
  thread_local std::unordered_map<uint64_t, bool> cache;
  auto it = cache.find(national);
  if (it != cache.end()) return it->second;
  if (cache.size() >= kMaxCachedNumbers) cache.clear();
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  number.set_country_code(1);
  number.set_national_number(national);
  bool valid = util->IsValidNumberForRegion(number, "CA") ||
               util->IsValidNumberForRegion(number, "US");
  cache.emplace(national, valid);
  return valid;
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
  uint64_t national = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), national);
  if (!IsValidCaOrUs(national)) return std::nullopt;
  std::string e164 = "+1" + digits;
  if (!extension.empty()) e164.append(";ext=").append(extension);
  return e164;
}

}  // namespace breachscope
