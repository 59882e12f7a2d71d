// Small helpers shared by the medical analyzers.
#ifndef BREACHSCOPE_DETECT_MEDICAL_ANALYZER_UTIL_H_
#define BREACHSCOPE_DETECT_MEDICAL_ANALYZER_UTIL_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "detect/unit_analyzer.h"

namespace breachscope::medical {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  bool empty() const { return end <= start; }
};

// `text` without leading and trailing ASCII whitespace, as a span.
Span Trimmed(std::string_view text);

// True when [start, end) is the whole value of `text` but for surrounding
// whitespace. In a labelled field such a span is the field analyzer's
// whole-value finding; proposing it again would report it twice.
bool IsWholeValue(std::string_view text, uint32_t start, uint32_t end);

// End of the frequency or route words ("BID", "daily", "prn", "po",
// "twice daily") that start at text[pos] after spaces, or pos when none.
size_t FrequencyEnd(std::string_view text, size_t pos);

// End of a dose that starts at text[pos] after spaces ("500 mg", "0.5mg",
// "5/325 mg", "2 puffs", "10 units") and any frequency after it, or pos when
// there is none.
size_t DoseEnd(std::string_view text, size_t pos);

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_ANALYZER_UTIL_H_
