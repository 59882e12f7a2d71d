#include "app/unit_detection.h"

#include <span>

#include "detect/id_shape.h"

namespace breachscope {

void DetectUnit(const DetectorEngine& engine, bool collect_candidates,
                const TextUnit& unit, const std::string_view* column_category,
                DetectorEngine::Scratch& scratch, std::vector<Finding>* out,
                std::vector<Finding>* candidates) {
  const size_t before = out->size();
  if (column_category != nullptr) {
    engine.ScanCell(unit, *column_category, scratch, out);
  } else {
    engine.ScanUnit(unit, scratch, out);
  }
  if (!collect_candidates) return;
  candidates->clear();
  CollectIdCandidates(
      unit, std::span(out->data() + before, out->size() - before), candidates);
  for (Finding& f : *candidates) out->push_back(std::move(f));
}

}  // namespace breachscope
