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

// The first of `words` (already normalised) that the normalised label
// contains, or empty.
std::string_view LabelWord(std::string_view normalized_label, Words words);

// The first HL7 field of `fields` ("DG1-3") the raw label is, or empty.
std::string_view LabelField(std::string_view raw_label, Words fields);

// True when the normalised label has `word` as a whole '_'-separated token.
bool LabelHasToken(std::string_view normalized_label, std::string_view word);

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_LABELS_H_
