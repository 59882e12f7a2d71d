// The words of a diagnosis written next to its ICD-10 code.
//
// Problem lists and assessments print a code with its title:
// "Headache (R51)", "K21.9 - Gastro-esophageal reflux disease without
// esophagitis". Titles are long and varied, so no word list has them all;
// the code found by the `icd10` detector says which title to look for, and
// only that exact title (whole words, case- and accent-insensitive) counts.
#ifndef BREACHSCOPE_DETECT_MEDICAL_CODED_CONDITION_H_
#define BREACHSCOPE_DETECT_MEDICAL_CODED_CONDITION_H_

#include <span>
#include <vector>

#include "detect/medical/folded_text.h"
#include "detect/unit_analyzer.h"

namespace breachscope::medical {

// Proposes (detector `icd10_title`) the title written right before or right
// after each ICD-10 code among `prior`'s diagnosis findings. `text` is the
// unit's text, folded.
void ProposeCodedTitles(std::string_view unit_text, const FoldedText& text,
                        std::span<const PriorFinding> prior,
                        std::vector<ProposedFinding>* out);

// Proposes (detector `icd10_title`) a unit whose whole value is an ICD-10
// title ("Postmenopausal bleeding" in a Reason column). Call only for
// units the field analyzer does not claim as a diagnosis.
// `text` is the unit's text, folded.
void ProposeWholeTitle(std::string_view unit_text, const FoldedText& text,
                       std::vector<ProposedFinding>* out);

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_CODED_CONDITION_H_
