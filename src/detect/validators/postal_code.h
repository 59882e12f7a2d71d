// Canadian postal codes (`A1A 1A1`). Pure, thread-safe.
#ifndef BREACHSCOPE_DETECT_VALIDATORS_POSTAL_CODE_H_
#define BREACHSCOPE_DETECT_VALIDATORS_POSTAL_CODE_H_

#include <optional>
#include <string>
#include <string_view>

namespace breachscope {

// The canonical form "K1A 0B1" of `text` ("K1A 0B1", "K1A0B1", any ASCII
// case), or nothing when it is not a possible Canadian postal code: first
// letter one of ABCEGHJKLMNPRSTVXY, no D, F, I, O, Q or U anywhere.
std::optional<std::string> CanonicalPostalCode(std::string_view text);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_VALIDATORS_POSTAL_CODE_H_
