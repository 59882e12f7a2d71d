// The `din` detector: Health Canada Drug Identification Numbers (category
// medication), as src/detect/contract/medical.md defines it.
#ifndef BREACHSCOPE_DETECT_DETECTORS_DIN_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_DIN_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& DinDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_DIN_DETECTOR_H_
