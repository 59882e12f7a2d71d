// The `phone_nanp` detector, as the detect README defines it.
#ifndef BREACHSCOPE_DETECT_DETECTORS_PHONE_NANP_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_PHONE_NANP_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& PhoneNanpDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_PHONE_NANP_DETECTOR_H_
