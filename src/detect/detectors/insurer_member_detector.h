// The `insurer_member` detector: insurer member, certificate, group and
// policy numbers, by label or nearby word only.
#ifndef BREACHSCOPE_DETECT_DETECTORS_INSURER_MEMBER_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_INSURER_MEMBER_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& InsurerMemberDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_INSURER_MEMBER_DETECTOR_H_
