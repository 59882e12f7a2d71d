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
//   - history_field: a unit labelled notes, clinical notes, progress note,
//     history, HPI, PMH, narrative or antécédents (HL7 NTE-3), with more
//     than 20 characters of text containing a word: the whole trimmed text
//     at 0.70 (no section findings inside it). Normalised: "notes".
#ifndef BREACHSCOPE_DETECT_MEDICAL_HISTORY_ANALYZER_H_
#define BREACHSCOPE_DETECT_MEDICAL_HISTORY_ANALYZER_H_

#include "detect/unit_analyzer.h"

namespace breachscope::medical {

class MedicalHistoryAnalyzer : public UnitAnalyzer {
 public:
  std::vector<DetectorInfo> Describe() const override;
  void Analyze(const TextUnit& unit, std::span<const PriorFinding> prior,
               AnalyzerScratch* scratch,
               std::vector<ProposedFinding>* out) const override;
};

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_HISTORY_ANALYZER_H_
