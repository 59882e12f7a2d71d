// Phone numbers outside North America, written with their country code
// ("+44 20 7946 0958"), through libphonenumber. Thread-safe.
#ifndef BREACHSCOPE_DETECT_VALIDATORS_PHONE_INTL_H_
#define BREACHSCOPE_DETECT_VALIDATORS_PHONE_INTL_H_

#include <optional>
#include <string>
#include <string_view>

namespace breachscope {

// The E.164 form of `text` ("+442079460958") when it starts with '+', names
// a country code other than 1 (North American numbers are phone_nanp's) and
// libphonenumber finds the number valid for that country; nothing otherwise.
// Never throws.
std::optional<std::string> InternationalToE164(std::string_view text);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_VALIDATORS_PHONE_INTL_H_
