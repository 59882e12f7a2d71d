// The registry: every detector the engine runs, in a fixed order (the order
// breaks ties and is the order of `breachscope detectors list`).
#ifndef BREACHSCOPE_DETECT_DETECTOR_REGISTRY_H_
#define BREACHSCOPE_DETECT_DETECTOR_REGISTRY_H_

#include <span>

#include "detect/detector_spec.h"

namespace breachscope {

// Specs are static and never destroyed; thread-safe.
std::span<const DetectorSpec* const> RegisteredDetectors();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTOR_REGISTRY_H_
