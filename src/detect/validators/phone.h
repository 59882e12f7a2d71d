// North American phone numbers through libphonenumber. Thread-safe (the
// library's PhoneNumberUtil singleton is safe for parsing and validation).
#ifndef BREACHSCOPE_DETECT_VALIDATORS_PHONE_H_
#define BREACHSCOPE_DETECT_VALIDATORS_PHONE_H_

#include <optional>
#include <string>
#include <string_view>

namespace breachscope {

// The E.164 form ("+13065551234", with ";ext=123" when an extension `x123`,
// `ext 123` or `ext. 123` follows) of a NANP number written as in the
// README, when libphonenumber finds it valid for region CA or US; nothing
// otherwise. Never throws (a thread-local memo of recent answers is the
// only state).
std::optional<std::string> NanpToE164(std::string_view text);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_VALIDATORS_PHONE_H_
