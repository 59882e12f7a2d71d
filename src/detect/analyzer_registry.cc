#include "detect/analyzer_registry.h"

#include <vector>

#include "detect/fields/field_analyzer.h"
#include "detect/text/address_analyzer.h"
#include "detect/text/local_phone_analyzer.h"
#include "detect/text/location_analyzer.h"
#include "detect/text/name_analyzer.h"
#include "detect/medical/medical_analyzers.h"
#include "detect/learned_shape_rule.h"
// Add one include per analyzer above this line.

namespace breachscope {

// Every analyzer, one line each: add yours at the end of its group.
std::span<const UnitAnalyzer* const> RegisteredAnalyzers() {
  static const auto* const kAnalyzers = new std::vector<const UnitAnalyzer*>{
      // label-driven whole values
      &FieldAnalyzer(),
      // dictionaries over free text
      &NameTextAnalyzerInstance(),
      &AddressTextAnalyzerInstance(),
      &LocationTextAnalyzerInstance(),
      &LocalPhoneAnalyzerInstance(),
      &MedicalConditionAnalyzer(),
      &MedicalMedicationAnalyzer(),
      &MedicalLabResultAnalyzer(),
      &MedicalHistoryAnalyzer(),
      // applied when a scan ends (listed for `detectors list`, --detectors)
      &LearnedShapeRule(),
  };
  return *kAnalyzers;
}

}  // namespace breachscope
