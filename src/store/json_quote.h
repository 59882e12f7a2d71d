// A JSON string literal for text the store writes by hand (audit lines whose
// bytes are MACed, the scan roots column): quotes, backslashes and control
// bytes escaped, everything else as is, so the output is byte-stable.
#ifndef BREACHSCOPE_STORE_JSON_QUOTE_H_
#define BREACHSCOPE_STORE_JSON_QUOTE_H_

#include <string>
#include <string_view>

namespace breachscope {

std::string JsonQuoted(std::string_view text);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_JSON_QUOTE_H_
