#include "report/summary_json.h"

#include <nlohmann/json.hpp>

namespace breachscope {

std::string RenderSummaryJson(const CaseSummary& s,
                              const std::vector<ErrorItem>& errors) {
  nlohmann::ordered_json out;
  out["scans"] = s.scans;
  out["sources"] = s.sources;
  out["items"] = s.items;
  out["items_scanned"] = s.items_scanned;
  out["items_error"] = s.items_error;
  out["items_skipped"] = s.items_skipped;
  out["bytes"] = s.bytes;
  out["findings"] = s.findings;
  out["items_with_findings"] = s.items_with_findings;
  out["ocr_pages"] = s.ocr_pages;
  out["items_by_format"] = s.items_by_format;
  out["bytes_by_format"] = s.bytes_by_format;
  out["errors_by_reason"] = s.errors_by_reason;
  out["skipped_by_reason"] = s.skipped_by_reason;
  out["findings_by_category"] = s.findings_by_category;
  out["items_by_category"] = s.items_by_category;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ErrorItem& error : errors) {
    list.push_back({{"name", error.name},
                    {"code", error.code},
                    {"message", error.message}});
  }
  out["errors"] = std::move(list);
  // Item names come from hostile archives: never fail on bad UTF-8.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace breachscope
