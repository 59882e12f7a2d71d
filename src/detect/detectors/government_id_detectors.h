// Driver's licences and passports (category government_id), found by label
// or nearby word only. One spec per jurisdiction and document, because the
// normal form names them ("ON-DL:A12345678901234", "CA-PP:AB123456") and a
// validator sees only the candidate; they share one builder, hence one file
// pair.
#ifndef BREACHSCOPE_DETECT_DETECTORS_GOVERNMENT_ID_DETECTORS_H_
#define BREACHSCOPE_DETECT_DETECTORS_GOVERNMENT_ID_DETECTORS_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Each static, never destroyed; thread-safe.
const DetectorSpec& DriversLicenceOnDetector();  // letter + 14 digits
const DetectorSpec& DriversLicenceQcDetector();  // letter + 12 digits
// Numeric western licences, province by length: 7 BC, 8 SK, 6 or 9 AB.
const DetectorSpec& DriversLicenceWestDetector();
const DetectorSpec& PassportCaDetector();  // 2 letters + 6 digits
const DetectorSpec& PassportUsDetector();  // 9 digits

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_GOVERNMENT_ID_DETECTORS_H_
