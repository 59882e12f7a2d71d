// The `height` and `weight` detectors, as src/detect/contract/medical.md
// defines them: body measurements with units (or bare numbers under a
// height/weight label), normalised to metric.
#ifndef BREACHSCOPE_DETECT_DETECTORS_BODY_MEASURE_DETECTORS_H_
#define BREACHSCOPE_DETECT_DETECTORS_BODY_MEASURE_DETECTORS_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& HeightDetector();
const DetectorSpec& WeightDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_BODY_MEASURE_DETECTORS_H_
