// The `signature` detector: electronic signature markers with the signer's
// name, as src/detect/contract/medical.md defines it.
#ifndef BREACHSCOPE_DETECT_DETECTORS_SIGNATURE_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_SIGNATURE_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& SignatureDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_SIGNATURE_DETECTOR_H_
