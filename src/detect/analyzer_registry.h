// The analyzer registry: every UnitAnalyzer the engine runs after the
// pattern detectors, in a fixed order (the order of their findings among
// equal positions and of `breachscope detectors list`).
#ifndef BREACHSCOPE_DETECT_ANALYZER_REGISTRY_H_
#define BREACHSCOPE_DETECT_ANALYZER_REGISTRY_H_

#include <span>

#include "detect/unit_analyzer.h"

namespace breachscope {

// Analyzers are static, immutable and never destroyed; thread-safe.
std::span<const UnitAnalyzer* const> RegisteredAnalyzers();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_ANALYZER_REGISTRY_H_
