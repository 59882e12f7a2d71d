// LabResultAnalyzer: the `lab_result` category.
//
// Rules (detector ids):
//   - lab_value: a test name of data/medical/lab_tests.tsv followed within a
//     short window (spaces, ':', '=', and the words "level", "result",
//     "value", "is", "was", "of") by a number, then optionally a unit, a
//     reference range in brackets and a flag: "HbA1c 7.2 %", "Glucose:
//     6.1 mmol/L (3.6-6.0) H", "eGFR 54". A number that is the start of a
//     date or a range ("2021-03-04", "3.6-6.0", "10:30") or a bare year is
//     not a value. Names of 3 characters or fewer (ALT, Hb, INR) match only
//     as written and, unless the test has no unit, need a unit, range, flag
//     or a ':'/'=' before the value. 0.60 without unit, 0.75 with a unit or
//     range. Normalised "hba1c=7.2 %" (canonical name, '=', the value as
//     written with any '<'/'>', a space and the unit as the catalogue
//     writes it).
// A bare number in HL7 OBX-5 or a FHIR `valueQuantity.value` is the field
// analyzer's (lab_result_field): the test's code sits in another unit
// (OBX-3, `code`) that no analyzer sees, so it is moderate confidence there.
#ifndef BREACHSCOPE_DETECT_MEDICAL_LAB_RESULT_ANALYZER_H_
#define BREACHSCOPE_DETECT_MEDICAL_LAB_RESULT_ANALYZER_H_

#include "detect/unit_analyzer.h"

namespace breachscope::medical {

class LabResultAnalyzer : public UnitAnalyzer {
 public:
  std::vector<DetectorInfo> Describe() const override;
  std::unique_ptr<AnalyzerScratch> NewScratch() const override;
  void Analyze(const TextUnit& unit, std::span<const PriorFinding> prior,
               AnalyzerScratch* scratch,
               std::vector<ProposedFinding>* out) const override;
};

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_LAB_RESULT_ANALYZER_H_
