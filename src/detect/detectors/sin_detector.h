// The `sin` detector, as the detect README defines it.
#ifndef BREACHSCOPE_DETECT_DETECTORS_SIN_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_SIN_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& SinDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_SIN_DETECTOR_H_
