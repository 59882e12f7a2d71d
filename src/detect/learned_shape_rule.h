// The learned-shape rule (`mrn_learned_shape`) as the detector list shows
// it: record and patient numbers written in a facility's own shape
// (`RVH-0042371`, `M 00123456`), learned from the values the case's labels
// name and looked for where no label is (detect/learned_shapes.h).
//
// It proposes nothing while a unit is read: the scan keeps identifier
// candidates (id_shape.h) and promotes them when it ends
// (app/learned_shape_step.h). Being registered as an analyzer makes the
// rule listed by `breachscope detectors list` and known to `scan
// --detectors`, so a selection can name it or leave it out.
#ifndef BREACHSCOPE_DETECT_LEARNED_SHAPE_RULE_H_
#define BREACHSCOPE_DETECT_LEARNED_SHAPE_RULE_H_

#include "detect/detector_engine.h"
#include "detect/unit_analyzer.h"

namespace breachscope {

const UnitAnalyzer& LearnedShapeRule();

// True when `engine` runs the rule (no selection, or one naming it): the
// end of a scan promotes candidates only then.
bool RunsLearnedShapes(const DetectorEngine& engine);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_LEARNED_SHAPE_RULE_H_
