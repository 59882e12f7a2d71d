#include "detect/detector_registry.h"

#include <array>

#include "detect/detectors/date_detector.h"
#include "detect/detectors/email_detector.h"
#include "detect/detectors/phone_nanp_detector.h"
#include "detect/detectors/postal_code_ca_detector.h"
#include "detect/detectors/sin_detector.h"

namespace breachscope {

std::span<const DetectorSpec* const> RegisteredDetectors() {
  static const auto* const kDetectors = new std::array<const DetectorSpec*, 5>{
      &EmailDetector(),       &PhoneNanpDetector(), &DateDetector(),
      &PostalCodeCaDetector(), &SinDetector(),
  };
  return *kDetectors;
}

}  // namespace breachscope
