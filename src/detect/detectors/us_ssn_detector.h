// The `us_ssn` detector: US Social Security Numbers, with context.
#ifndef BREACHSCOPE_DETECT_DETECTORS_US_SSN_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_US_SSN_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& UsSsnDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_US_SSN_DETECTOR_H_
