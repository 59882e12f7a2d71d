// DetectUnit: everything a scan keeps from one unit, in the order it keeps
// it. Shared by the table sampler (which detects in place) and the detection
// pool (which detects batches of a big item's units on other workers), so
// both give exactly the same findings for the same unit.
#ifndef BREACHSCOPE_APP_UNIT_DETECTION_H_
#define BREACHSCOPE_APP_UNIT_DETECTION_H_

#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/text_unit.h"
#include "detect/detector_engine.h"

namespace breachscope {

// Appends to `out` the engine's findings of `unit` (ScanCell with the
// column's class when `column_category` is given, else ScanUnit), then,
// when `collect_candidates`, the unit's identifier candidates for learned
// record-number shapes (detect/id_shape.h). `candidates` is scratch space.
void DetectUnit(const DetectorEngine& engine, bool collect_candidates,
                const TextUnit& unit, const std::string_view* column_category,
                DetectorEngine::Scratch& scratch, std::vector<Finding>* out,
                std::vector<Finding>* candidates);

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_UNIT_DETECTION_H_
