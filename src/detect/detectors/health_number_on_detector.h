// The `health_number_on` detector: Ontario health numbers (OHIP).
#ifndef BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_ON_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_ON_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& HealthNumberOnDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_ON_DETECTOR_H_
