// Masking PHI for terminal output and logs.
//
// Everything the tool prints about a person goes through MaskValue unless the
// user asked to reveal (and that reveal is recorded). A masked value keeps
// just enough to tell two values apart in a review ("J*** S****",
// "***-***-4217") and never enough to identify the person. Pure; thread-safe.
#ifndef BREACHSCOPE_COMMON_MASK_H_
#define BREACHSCOPE_COMMON_MASK_H_

#include <string>
#include <string_view>

namespace breachscope {

// Masks `value` of category `category` (a DESIGN.md category id):
// - name: first letter of each word, the rest as '*' ("Jean Côté" -> "J*** C***");
// - phone: every digit but the last four as '*', separators kept
//   ("306-555-4217" -> "***-***-4217");
// - email: first letter of the local part and of the domain, the top-level
//   domain kept ("jean@example.com" -> "j***@e******.com");
// - date_of_birth and other dates: the year only ("1975-03-14" -> "1975-**-**");
// - anything else (numbers, addresses, free text): letters and digits as '*'
//   except the last two letters or digits, separators kept.
// A letter or digit is one '*' whatever its UTF-8 length.
std::string MaskValue(std::string_view category, std::string_view value);

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_MASK_H_
