// Health numbers of the provinces and territories whose check digit, if
// any, is not public (SK, AB, MB, NB, NS, PE, NL, YT, NT, NU), and the
// generic `health_number_ca` detector for health numbers whose province the
// text does not name.
//
// Without a check digit the shape says little (any 9 digits), so each of
// these detectors needs a context word naming its own province ("HSN",
// "AHCIP", "PHIN"...); that word is also what decides the "JJ:" of the
// normal form. They share one builder, hence one file pair.
#ifndef BREACHSCOPE_DETECT_DETECTORS_PROVINCIAL_HEALTH_DETECTORS_H_
#define BREACHSCOPE_DETECT_DETECTORS_PROVINCIAL_HEALTH_DETECTORS_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Each static, never destroyed; thread-safe.
const DetectorSpec& HealthNumberSkDetector();
const DetectorSpec& HealthNumberAbDetector();
const DetectorSpec& HealthNumberMbDetector();
const DetectorSpec& HealthNumberNbDetector();
const DetectorSpec& HealthNumberNsDetector();
const DetectorSpec& HealthNumberPeDetector();
const DetectorSpec& HealthNumberNlDetector();
const DetectorSpec& HealthNumberYtDetector();
const DetectorSpec& HealthNumberNtDetector();
const DetectorSpec& HealthNumberNuDetector();
// 8-12 digits with a generic health card word only: "CA:<digits>".
const DetectorSpec& HealthNumberCaDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_PROVINCIAL_HEALTH_DETECTORS_H_
