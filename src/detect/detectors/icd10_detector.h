// The `icd10` detector: ICD-10-CM diagnosis codes (category diagnosis), as
// src/detect/contract/medical.md defines it.
#ifndef BREACHSCOPE_DETECT_DETECTORS_ICD10_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_ICD10_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& Icd10Detector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_ICD10_DETECTOR_H_
