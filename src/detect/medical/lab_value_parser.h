// Reads the value part of a lab result: what follows a test name.
#ifndef BREACHSCOPE_DETECT_MEDICAL_LAB_VALUE_PARSER_H_
#define BREACHSCOPE_DETECT_MEDICAL_LAB_VALUE_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace breachscope::medical {

struct LabValue {
  size_t end = 0;            // end of the whole value (number, unit, range, flag)
  std::string_view number;   // "7.2", "<0.5"
  std::string unit;          // as the catalogue writes it; empty if none
  bool assigned = false;     // ':' or '=' between name and number
  bool range = false;        // a bracketed reference range followed
  bool flag = false;         // H, L, HH, LL, A, High, Low, '*'
};

// Parses the value after a test name ending at text[pos]. `units` are the
// test's units (tried first), then a general list. False when no value
// follows within the window.
bool ParseLabValue(std::string_view text, size_t pos,
                   const std::vector<std::string>& units, LabValue* value);

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_LAB_VALUE_PARSER_H_
