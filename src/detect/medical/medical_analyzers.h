// The medical analyzers as static instances, for the analyzer registry.
#ifndef BREACHSCOPE_DETECT_MEDICAL_MEDICAL_ANALYZERS_H_
#define BREACHSCOPE_DETECT_MEDICAL_MEDICAL_ANALYZERS_H_

#include "detect/unit_analyzer.h"

namespace breachscope {

// Static, immutable, never destroyed; thread-safe.
const UnitAnalyzer& MedicalConditionAnalyzer();
const UnitAnalyzer& MedicalMedicationAnalyzer();
const UnitAnalyzer& MedicalLabResultAnalyzer();
const UnitAnalyzer& MedicalHistoryAnalyzer();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_MEDICAL_MEDICAL_ANALYZERS_H_
