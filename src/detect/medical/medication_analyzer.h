// MedicationAnalyzer: the `medication` category in words.
//
// Rules (detector ids):
//   - drug_name: an ingredient or brand name of data/medical/drug_names.txt,
//     whole words, case- and accent-insensitive, longest first. The span
//     takes in a dose and frequency right after the name ("metformin 500 mg
//     BID", "ramipril 10mg daily"). 0.60 in free text, 0.75 with a dose,
//     0.85 under a medication label (0.90 with a dose). Names that are also
//     people's names or plain words (drug_names_ambiguous.txt: Allegra,
//     Lyrica, Senna...) count only with a dose or a label.
// Labels: medication, medicament, drug, rx, prescription, meds, FHIR
// MedicationRequest / medicationCodeableConcept paths; HL7 RXE-2, RXO-1,
// RXD-2, RXA-5, RXG-4.
// Normalised: the folded drug name without the dose ("metformin"). The
// whole value of a medication-labelled field is the field analyzer's
// (medication_field); this one finds the drug names inside.
#ifndef BREACHSCOPE_DETECT_MEDICAL_MEDICATION_ANALYZER_H_
#define BREACHSCOPE_DETECT_MEDICAL_MEDICATION_ANALYZER_H_

#include "detect/unit_analyzer.h"

namespace breachscope::medical {

class MedicationAnalyzer : public UnitAnalyzer {
 public:
  std::vector<DetectorInfo> Describe() const override;
  std::unique_ptr<AnalyzerScratch> NewScratch() const override;
  void Analyze(const TextUnit& unit, std::span<const PriorFinding> prior,
               AnalyzerScratch* scratch,
               std::vector<ProposedFinding>* out) const override;
};

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_MEDICATION_ANALYZER_H_
