// The `postal_code_ca` detector, as the detect README defines it.
#ifndef BREACHSCOPE_DETECT_DETECTORS_POSTAL_CODE_CA_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_POSTAL_CODE_CA_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& PostalCodeCaDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_POSTAL_CODE_CA_DETECTOR_H_
