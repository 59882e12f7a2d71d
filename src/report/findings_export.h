// Writing findings out of the case, per DESIGN.md's export contract.
//
// `breachscope export findings --format jsonl|csv`: one finding a line (a
// row), fields source, location, category, value, normalized, confidence,
// detector, role, in the store's deterministic order. These files hold PHI
// in plain text: the caller writes them only when the user asked.
// Stateless functions; thread-compatible.
#ifndef BREACHSCOPE_REPORT_FINDINGS_EXPORT_H_
#define BREACHSCOPE_REPORT_FINDINGS_EXPORT_H_

#include <cstdint>
#include <ostream>
#include <string_view>

#include "common/status.h"
#include "store/case_store.h"

namespace breachscope {

enum class ExportFormat { kJsonl, kCsv };

// Parses "jsonl" or "csv".
Result<ExportFormat> ParseExportFormat(std::string_view text);

// Writes every finding of `store` to `out`; sets *count to the number
// written. Returns the store's error, or IoError if `out` fails.
Status ExportFindings(CaseStore& store, ExportFormat format, std::ostream& out,
                      uint64_t* count);

// One finding as a JSON object on one line (no trailing newline).
std::string FindingToJsonLine(const StoredFinding& finding);

// CSV header line and one row, RFC 4180 quoting, no trailing newline.
std::string FindingsCsvHeader();
std::string FindingToCsvRow(const StoredFinding& finding);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_FINDINGS_EXPORT_H_
