// Luhn (mod 10) check digit validation. Pure, thread-safe.
#ifndef BREACHSCOPE_DETECT_VALIDATORS_LUHN_H_
#define BREACHSCOPE_DETECT_VALIDATORS_LUHN_H_

#include <string_view>

namespace breachscope {

// True when `digits` is non-empty, all ASCII digits, and passes Luhn.
bool LuhnValid(std::string_view digits);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_VALIDATORS_LUHN_H_
