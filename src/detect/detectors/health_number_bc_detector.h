// The `health_number_bc` detector: British Columbia Personal Health Numbers (PHN).
#ifndef BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_BC_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_BC_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& HealthNumberBcDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_BC_DETECTOR_H_
