#include "detect/validators/phone_intl.h"

#include <phonenumbers/phonenumberutil.h>

namespace breachscope {

std::optional<std::string> InternationalToE164(std::string_view text) {
  using ::i18n::phonenumbers::PhoneNumber;
  using ::i18n::phonenumbers::PhoneNumberUtil;
  if (text.size() < 8 || text.front() != '+' || text[1] == '1') {
    return std::nullopt;
  }
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  // "ZZ": no default region; the leading '+' carries the country.
  if (util->Parse(std::string(text), "ZZ", &number) !=
          PhoneNumberUtil::NO_PARSING_ERROR ||
      number.country_code() == 1 || !util->IsValidNumber(number)) {
    return std::nullopt;
  }
  std::string e164;
  util->Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

}  // namespace breachscope
