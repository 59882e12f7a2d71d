// Machine text that looks like an identifier but never is a patient's
// record number: pieces of times and IPv6 addresses, hashes and hex ids,
// MAC addresses, versions, quantities with units, HL7 code table names,
// URLs. Identifier candidates (id_shape.h) leave it out, which keeps logs,
// code and binaries from filling a case with candidates.
// Pure functions, thread-safe.
#ifndef BREACHSCOPE_DETECT_ID_MACHINE_TEXT_H_
#define BREACHSCOPE_DETECT_ID_MACHINE_TEXT_H_

#include <cstddef>
#include <string_view>

namespace breachscope {

// True when the token text[start, end) is machine text.
bool MachineToken(std::string_view text, size_t start, size_t end);

// Where a URL whose `://` starts at `colon` ends (white space, a quote or
// an angle bracket): its path, query and fragment are the site's.
size_t UrlEnd(std::string_view text, size_t colon);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_ID_MACHINE_TEXT_H_
