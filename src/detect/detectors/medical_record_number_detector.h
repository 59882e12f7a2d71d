// The `medical_record_number` detector: facility record, chart, patient,
// account and visit numbers by label or nearby word; the context decides
// between medical_record_number and patient_number.
#ifndef BREACHSCOPE_DETECT_DETECTORS_MEDICAL_RECORD_NUMBER_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_MEDICAL_RECORD_NUMBER_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& MedicalRecordNumberDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_MEDICAL_RECORD_NUMBER_DETECTOR_H_
