// The plain-text case summary printed by `breachscope summary`.
//
// Counts only: no PHI value ever appears in it, so it is safe to paste into a
// ticket. Pure function; thread-safe.
#ifndef BREACHSCOPE_REPORT_SUMMARY_TEXT_H_
#define BREACHSCOPE_REPORT_SUMMARY_TEXT_H_

#include <string>
#include <vector>

#include "store/case_store.h"

namespace breachscope {

// Human units: 1536 -> "1.5 KiB".
std::string HumanBytes(uint64_t bytes);

// Renders the summary; `errors` are listed (names and reasons, no content).
std::string RenderSummaryText(const CaseSummary& summary,
                              const std::vector<ErrorItem>& errors);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_SUMMARY_TEXT_H_
