// ValueEvidence: whether a labelled value itself shows the category a weak
// label suggests (field_rules.h, `FieldRule::weak`).
//
// A weak label (`Reason`, `Notes`, `Result`, `Name`) names a category only
// when the value agrees: a condition word or an ICD-10 code for diagnosis,
// a drug name or a DIN for medication, a lab test with its value or a bare
// measured number for a lab result, clinical words for notes, a known given
// name or surname for names, a facility word or a town for places. Without
// it "refund" under `Reason` would be a diagnosis.
//
// The dictionary analyzers (detect/medical/) are asked about the value as
// if it had no label: under a diagnosis label they leave the whole value to
// the field analyzer, so with the label they would answer nothing.
//
// One per thread (it lives in the field analyzer's scratch); not
// thread-safe. Pure otherwise: the answer depends only on the arguments.
#ifndef BREACHSCOPE_DETECT_FIELDS_VALUE_EVIDENCE_H_
#define BREACHSCOPE_DETECT_FIELDS_VALUE_EVIDENCE_H_

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "common/text_unit.h"
#include "detect/unit_analyzer.h"

namespace breachscope {

class ValueEvidence {
 public:
  ValueEvidence();
  ~ValueEvidence();
  ValueEvidence(const ValueEvidence&) = delete;
  ValueEvidence& operator=(const ValueEvidence&) = delete;

  // True when `value` (the trimmed text of `unit`) shows it is of
  // `category`. `prior` are the unit's pattern findings (ICD-10 codes,
  // DINs, postal codes). Categories with no weak label answer true.
  bool Confirms(std::string_view category, const TextUnit& unit,
                std::string_view value, std::span<const PriorFinding> prior);

 private:
  struct Asked;  // an analyzer and its scratch
  // True when the analyzer, reading `unit` without its label, proposes a
  // finding of one of `categories`.
  bool Proposes(Asked& asked, const TextUnit& unit,
                std::span<const PriorFinding> prior,
                std::span<const std::string_view> categories);
  bool MedicalWords(const TextUnit& unit, std::span<const PriorFinding> prior);

  std::unique_ptr<Asked> condition_, medication_, lab_;
  std::vector<ProposedFinding> proposals_;  // reused
};

// The value checks that need no analyzer, for tests and ValueEvidence.
// A measured result: "5.4", "<0.5", "132 mmol/L", or a qualitative one
// ("positive", "not detected", "reactive").
bool LooksLikeLabResult(std::string_view value);
// A word of clinical narrative ("stable", "follow-up", "afebrile").
bool HasClinicalWord(std::string_view value);
// A given name or surname of the name lists, and no word that is never in
// a name ("hospital", "invoice"); a title ("Dr.") counts.
bool HasNameWord(std::string_view value);
// A facility word ("clinic", "hospital", "centre", "lab") or a town.
bool HasPlaceWord(std::string_view value);
// A province or state (name or code) or a town.
bool HasRegionWord(std::string_view value);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_FIELDS_VALUE_EVIDENCE_H_
