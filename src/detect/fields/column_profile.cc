#include "detect/fields/column_profile.h"

#include "common/categories.h"
#include "common/text_unit.h"
#include "detect/fields/field_analyzer.h"

namespace breachscope {
namespace {

bool IsShare(uint32_t hits, uint32_t values, double share = kColumnShare) {
  return values >= kMinSampleValues && hits >= share * values;
}

uint32_t FoundOf(const ColumnEvidence& column, std::string_view category) {
  for (const auto& [id, count] : column.found) {
    if (id == category) return count;
  }
  return 0;
}

// Category ids are compared by value but returned as the static id, so the
// caller may keep the view.
std::string_view StaticId(std::string_view category) {
  for (std::string_view id : kCategoryIds) {
    if (id == category) return id;
  }
  return {};
}

}  // namespace

std::span<const ProbeLabel> ProbeLabels() {
  static constexpr ProbeLabel kProbes[] = {
      {"health card number", "health_insurance_number"},
      {"date of birth", "date_of_birth"},
      {"SIN", "sin"},
  };
  return kProbes;
}

void ColumnEvidence::CountFound(std::string_view category) {
  for (auto& [id, count] : found) {
    if (id == category) {
      ++count;
      return;
    }
  }
  found.emplace_back(StaticId(category), 1);
}

std::string_view ClassifyColumn(const ColumnEvidence& column) {
  if (!column.header.empty()) {
    std::string_view by_header =
        LabelCategory(column.header, UnitKind::kTableCell);
    if (!by_header.empty()) return by_header;
    for (std::string_view weak :
         WeakLabelCategories(column.header, UnitKind::kTableCell)) {
      if (IsShare(FoundOf(column, weak), column.values, kWeakLabelShare)) {
        return StaticId(weak);
      }
    }
  }
  std::string_view best;
  uint32_t best_hits = 0;
  for (const auto& [id, hits] : column.found) {
    if (!id.empty() && hits > best_hits && IsShare(hits, column.values)) {
      best = id;
      best_hits = hits;
    }
  }
  if (!best.empty() || !column.header.empty()) return best;
  std::span<const ProbeLabel> probes = ProbeLabels();
  for (size_t p = 0; p < probes.size() && p < column.probe_hits.size(); ++p) {
    if (!IsShare(column.probe_hits[p], column.values)) continue;
    if (probes[p].category == "date_of_birth" &&
        column.max_year - column.min_year < kMinBirthYearSpread) {
      continue;
    }
    return probes[p].category;
  }
  return {};
}

}  // namespace breachscope
