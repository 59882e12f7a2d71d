// The `phone_intl` detector: phone numbers outside North America written
// with '+' and their country code; see src/detect/README.md.
#ifndef BREACHSCOPE_DETECT_DETECTORS_PHONE_INTL_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_PHONE_INTL_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& PhoneIntlDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_PHONE_INTL_DETECTOR_H_
