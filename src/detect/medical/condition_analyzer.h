// ConditionAnalyzer: the `diagnosis` category in words.
//
// Rules (detector ids):
//   - condition_text: a phrase of data/medical/conditions.txt, whole words,
//     case- and accent-insensitive, longest phrase first; 0.60 in free text,
//     0.85 under a diagnosis label, 0.90 in HL7 DG1-4. Skipped when an
//     organisation or place word follows ("Diabetes Canada", "Cancer
//     Society") or a word before makes it figurative ("tropical
//     depression").
//   - icd10_title: an ICD-10 code's title written right beside the code
//     (coded_condition.h); 0.85. Not under a diagnosis label.
// Normalised: the folded dictionary phrase ("type 2 diabetes",
// "diabete de type 2"). The whole value of a diagnosis-labelled field is the
// field analyzer's (diagnosis_field); this one finds the words inside.
#ifndef BREACHSCOPE_DETECT_MEDICAL_CONDITION_ANALYZER_H_
#define BREACHSCOPE_DETECT_MEDICAL_CONDITION_ANALYZER_H_

#include "detect/unit_analyzer.h"

namespace breachscope::medical {

class ConditionAnalyzer : public UnitAnalyzer {
 public:
  std::vector<DetectorInfo> Describe() const override;
  std::unique_ptr<AnalyzerScratch> NewScratch() const override;
  void Analyze(const TextUnit& unit, std::span<const PriorFinding> prior,
               AnalyzerScratch* scratch,
               std::vector<ProposedFinding>* out) const override;
};

// The label words that make a unit a diagnosis field (also used by the
// medical history analyzer to leave such units to this one).
bool IsDiagnosisLabel(std::string_view raw_label);

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_CONDITION_ANALYZER_H_
