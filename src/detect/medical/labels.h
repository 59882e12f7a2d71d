// Label checks shared by the medical analyzers.
//
// Unlike pattern detectors, which look at the last segment of a JSON/XML
// path, the analyzers look at the whole normalised label, because FHIR puts
// the telling part in the middle (`entry.resource.valueQuantity.value`,
// `medicationCodeableConcept.text`).
#ifndef BREACHSCOPE_DETECT_MEDICAL_LABELS_H_
#define BREACHSCOPE_DETECT_MEDICAL_LABELS_H_

#include <span>
#include <string>
#include <string_view>

namespace breachscope::medical {

using Words = std::span<const std::string_view>;

// Lower case, every run of non-alphanumerics one '_' (context.h Normalize).
std::string NormalizeLabel(std::string_view label);

// Which of `fields` or else `words` the label names: 0 none; 1 + i for the
// first fields[i] (HL7 fields such as "DG1-3") the raw label is, else
// 1 + fields.size() + j for the first words[j] (already normalised) that
// the normalised label contains. A number, so a per-label cache can keep
// it (analyzer_util.h LabelAnswer).
int LabelMatch(std::string_view raw_label, std::string_view normalized_label,
               Words fields, Words words);

// Why a LabelMatch answer above 0 supports a finding: "label DG1-3" for a
// field, "label 'diagnos'" for a word.
std::string LabelMatchReason(int match, Words fields, Words words);

// True when the normalised label has `word` as a whole '_'-separated token.
bool LabelHasToken(std::string_view normalized_label, std::string_view word);

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_LABELS_H_
