// The `health_number_qc` detector: Quebec health insurance numbers (RAMQ NAM).
#ifndef BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_QC_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_QC_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& HealthNumberQcDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_QC_DETECTOR_H_
