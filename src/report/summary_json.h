// The case summary as one JSON object (`breachscope summary --json`), for
// scripts and tests. Counts, names of items not read and their reasons; no
// PHI. Pure function; thread-safe.
#ifndef BREACHSCOPE_REPORT_SUMMARY_JSON_H_
#define BREACHSCOPE_REPORT_SUMMARY_JSON_H_

#include <string>
#include <vector>

#include "store/case_store.h"

namespace breachscope {

// Keys: scans, sources, items, items_scanned, items_error, items_skipped,
// bytes, findings, items_with_findings, items_by_format, bytes_by_format,
// errors_by_reason, skipped_by_reason, findings_by_category,
// items_by_category, errors (list of {name, code, message}).
std::string RenderSummaryJson(const CaseSummary& summary,
                              const std::vector<ErrorItem>& errors);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_SUMMARY_JSON_H_
