#include "report/summary_text.h"

#include <cstdarg>
#include <cstdio>
#include <map>

#include "common/categories.h"

namespace breachscope {
namespace {

std::string Line(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string Line(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  return std::string(buffer) + "\n";
}

std::string CountTable(const std::map<std::string, uint64_t>& counts,
                       const std::map<std::string, uint64_t>* bytes) {
  std::string out;
  for (const auto& [key, count] : counts) {
    std::string extra;
    if (bytes != nullptr) {
      auto it = bytes->find(key);
      if (it != bytes->end()) extra = "  " + HumanBytes(it->second);
    }
    out += Line("    %-24s %10llu%s", key.c_str(),
                static_cast<unsigned long long>(count), extra.c_str());
  }
  return out;
}

// Categories in DESIGN.md order, so every summary reads the same way.
std::string CategoryTable(const CaseSummary& summary) {
  std::string out = Line("    %-24s %10s %10s", "category", "findings", "items");
  for (std::string_view id : kCategoryIds) {
    std::string key(id);
    auto found = summary.findings_by_category.find(key);
    if (found == summary.findings_by_category.end()) continue;
    auto items = summary.items_by_category.find(key);
    uint64_t item_count =
        items == summary.items_by_category.end() ? 0 : items->second;
    out += Line("    %-24s %10llu %10llu", key.c_str(),
                static_cast<unsigned long long>(found->second),
                static_cast<unsigned long long>(item_count));
  }
  return out;
}

std::string ErrorList(const CaseSummary& summary,
                      const std::vector<ErrorItem>& errors) {
  std::string out;
  for (const ErrorItem& error : errors) {
    out += Line("    %s: %s: %s", error.name.c_str(), error.code.c_str(),
                error.message.c_str());
  }
  if (summary.items_error > errors.size()) {
    out += Line("    ... and %llu more",
                static_cast<unsigned long long>(summary.items_error -
                                                errors.size()));
  }
  return out;
}

}  // namespace

std::string HumanBytes(uint64_t bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024.0 && unit < 4) {
    value /= 1024.0;
    ++unit;
  }
  char buffer[32];
  if (unit == 0) {
    std::snprintf(buffer, sizeof(buffer), "%llu B",
                  static_cast<unsigned long long>(bytes));
  } else {
    std::snprintf(buffer, sizeof(buffer), "%.1f %s", value, units[unit]);
  }
  return buffer;
}

std::string RenderSummaryText(const CaseSummary& s,
                              const std::vector<ErrorItem>& errors) {
  auto u = [](uint64_t v) { return static_cast<unsigned long long>(v); };
  std::string out = "breachscope case summary\n";
  out += Line("  scans: %llu   sources: %llu   content read: %s", u(s.scans),
              u(s.sources), HumanBytes(s.bytes).c_str());
  out += Line("  items: %llu   scanned: %llu   errors: %llu   skipped: %llu",
              u(s.items), u(s.items_scanned), u(s.items_error),
              u(s.items_skipped));
  out += "  scanned items by format:\n" +
         CountTable(s.items_by_format, &s.bytes_by_format);
  if (s.ocr_pages > 0) out += Line("  pages read by OCR: %llu", u(s.ocr_pages));
  if (!s.errors_by_reason.empty()) {
    out += "  errors by reason:\n" + CountTable(s.errors_by_reason, nullptr);
  }
  if (!s.skipped_by_reason.empty()) {
    out += "  skipped by reason:\n" + CountTable(s.skipped_by_reason, nullptr);
  }
  out += Line("  findings: %llu in %llu items", u(s.findings),
              u(s.items_with_findings));
  if (s.findings > 0) out += CategoryTable(s);
  if (!errors.empty()) out += "  items not read:\n" + ErrorList(s, errors);
  return out;
}

}  // namespace breachscope
