// MedicalHistoryAnalyzer: the `medical_history` category.
//
// Rules (detector ids):
//   - history_section: a heading that opens clinical narrative, at the start
//     of a line and followed by ':' (or, for headings of two words or more,
//     by a line break or " -"): "History:", "HPI:", "PMH:", "Past medical
//     history", "Family history", "Social history", "History of present
//     illness", "Antécédents", "Antécédents familiaux", "Histoire de la
//     maladie"... The finding is the heading plus the rest of its paragraph
//     (up to a blank line or the end of the unit) and needs 3+ characters of
//     content. 0.75. Normalised: the folded heading ("past medical
//     history").
// A unit labelled notes, history, HPI, narrative, antécédents (HL7 NTE-3)
// is left alone: the field analyzer's history_field takes its whole text.
#ifndef BREACHSCOPE_DETECT_MEDICAL_HISTORY_ANALYZER_H_
#define BREACHSCOPE_DETECT_MEDICAL_HISTORY_ANALYZER_H_

#include "detect/unit_analyzer.h"

namespace breachscope::medical {

class MedicalHistoryAnalyzer : public UnitAnalyzer {
 public:
  std::vector<DetectorInfo> Describe() const override;
  std::unique_ptr<AnalyzerScratch> NewScratch() const override;
  void Analyze(const TextUnit& unit, std::span<const PriorFinding> prior,
               AnalyzerScratch* scratch,
               std::vector<ProposedFinding>* out) const override;
};

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_HISTORY_ANALYZER_H_
