// The `payment_card` detector: credit and debit card numbers.
#ifndef BREACHSCOPE_DETECT_DETECTORS_PAYMENT_CARD_DETECTOR_H_
#define BREACHSCOPE_DETECT_DETECTORS_PAYMENT_CARD_DETECTOR_H_

#include "detect/detector_spec.h"

namespace breachscope {

// Static, never destroyed; thread-safe.
const DetectorSpec& PaymentCardDetector();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_PAYMENT_CARD_DETECTOR_H_
