// The `medicare_mbi` detector: US Medicare Beneficiary Identifiers.
#ifndef BREACHSCOPE_DETECT_DETECTORS_MEDICARE_MBI_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_MEDICARE_MBI_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& MedicareMbiDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_MEDICARE_MBI_DETECTOR_H_
