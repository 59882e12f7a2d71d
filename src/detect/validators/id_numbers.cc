#include "detect/validators/id_numbers.h"

#include <array>

#include "detect/validators/luhn.h"

namespace breachscope {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Letters CMS uses in an MBI: A-Z without S, L, O, I, B, Z (they are too
// easily read as digits).
bool IsMbiLetter(char c) {
  return IsUpper(c) && std::string_view("SLOIBZ").find(c) == std::string_view::npos;
}

bool StartsWithin(std::string_view digits, int width, int low, int high) {
  if (static_cast<int>(digits.size()) < width) return false;
  int prefix = Number(digits.substr(0, width));
  return prefix >= low && prefix <= high;
}

}  // namespace

bool DigitGroups(std::string_view text, std::string* digits) {
  digits->clear();
  char separator = 0;
  bool after_digit = false;
  for (char c : text) {
    if (IsDigit(c)) {
      digits->push_back(c);
      after_digit = true;
      continue;
    }
    if ((c != ' ' && c != '-') || !after_digit) return false;
    if (separator != 0 && c != separator) return false;
    separator = c;
    after_digit = false;
  }
  return after_digit;
}

bool OntarioHealthNumberValid(std::string_view digits) {
  return digits.size() == 10 && LuhnValid(digits);
}

bool BcPhnValid(std::string_view digits) {
  static constexpr std::array<int, 8> kWeights = {2, 4, 8, 5, 10, 9, 7, 3};
  if (digits.size() != 10 || digits[0] != '9' || !AllDigits(digits)) {
    return false;
  }
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) {
    sum += (digits[i + 1] - '0') * kWeights[i] % 11;
  }
  int check = 11 - sum % 11;
  return check < 10 && check == digits[9] - '0';
}

bool RamqValid(std::string_view compact) {
  static constexpr std::array<int, 13> kDays = {0,  31, 29, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  if (compact.size() != 12 || !AllDigits(compact.substr(4))) return false;
  for (char c : compact.substr(0, 4)) {
    if (!IsUpper(c)) return false;
  }
  int month = Number(compact.substr(6, 2));
  if (month > 50) month -= 50;  // women
  int day = Number(compact.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= kDays[month];
}

bool MbiValid(std::string_view compact) {
  // C A AN N A AN N A A N N; 'C' is 1-9, 'N' 0-9.
  static constexpr std::string_view kShape = "CAXNAXNAANN";
  if (compact.size() != kShape.size()) return false;
  for (size_t i = 0; i < kShape.size(); ++i) {
    char c = compact[i];
    bool ok = false;
    switch (kShape[i]) {
      case 'C': ok = c >= '1' && c <= '9'; break;
      case 'N': ok = IsDigit(c); break;
      case 'A': ok = IsMbiLetter(c); break;
      default: ok = IsDigit(c) || IsMbiLetter(c); break;
    }
    if (!ok) return false;
  }
  return true;
}

bool SsnValid(std::string_view digits) {
  if (digits.size() != 9 || !AllDigits(digits)) return false;
  int area = Number(digits.substr(0, 3));
  return area != 0 && area != 666 && area < 900 &&
         Number(digits.substr(3, 2)) != 0 && Number(digits.substr(5)) != 0;
}

std::string_view CardIssuer(std::string_view digits) {
  if (!AllDigits(digits)) return {};
  size_t n = digits.size();
  if (digits[0] == '4' && (n == 13 || n == 16 || n == 19)) return "visa";
  if (n == 16 && (StartsWithin(digits, 2, 51, 55) ||
                  StartsWithin(digits, 4, 2221, 2720))) {
    return "mastercard";
  }
  if (n == 15 && (StartsWithin(digits, 2, 34, 34) ||
                  StartsWithin(digits, 2, 37, 37))) {
    return "amex";
  }
  if (n >= 16 && n <= 19 &&
      (StartsWithin(digits, 4, 6011, 6011) ||
       StartsWithin(digits, 3, 644, 649) || StartsWithin(digits, 2, 65, 65))) {
    return "discover";
  }
  return {};
}

}  // namespace breachscope
