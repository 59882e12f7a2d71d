// Small UTF-8 helpers shared by the decoders. Pure functions; thread-safe.
#ifndef BREACHSCOPE_COMMON_UTF8_H_
#define BREACHSCOPE_COMMON_UTF8_H_

#include <string>

namespace breachscope {

// Appends the UTF-8 encoding of code point `cp`; surrogates and values above
// U+10FFFF become U+FFFD, so the output is always valid UTF-8.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_UTF8_H_
