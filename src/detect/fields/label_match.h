// Label matching for the field rules: whole-token phrases, HL7 fields with
// components, and dotted path suffixes. Pure functions; thread-safe.
#ifndef BREACHSCOPE_DETECT_FIELDS_LABEL_MATCH_H_
#define BREACHSCOPE_DETECT_FIELDS_LABEL_MATCH_H_

#include <string>
#include <string_view>

namespace breachscope {

// The label's words for phrase matching, framed by '_': camelCase split
// ("firstName" -> first name), then normalised as the README defines
// (lower case, runs of other bytes -> '_'): "Patient firstName" ->
// "_patient_first_name_".
std::string FramedLabelWords(std::string_view label);

// True when `phrase` ("medical_record") occurs in `framed` as whole tokens:
// "_cancelled_" does not contain "cell", "_medical_record_no_" contains
// "medical_record".
bool HasPhrase(std::string_view framed, std::string_view phrase);

// True for an HL7 field label: a 3-character segment id, '-', digits.
bool IsHl7Label(std::string_view label);

// The 1-based component of an HL7 unit path ("PID-5[1].2" -> 2,
// "OBX(2)-5[1].1.2" -> 1); 1 when the path names none.
int Hl7Component(std::string_view path);

// The HL7 segment occurrence of a path, for pairing fields of one segment:
// "OBX(2)-5[1].1" -> "OBX(2)", "PID-3[1].1" -> "PID".
std::string_view Hl7Segment(std::string_view path);

// A JSON or XML label as a lower-case dotted path: XML '/' become '.', a
// trailing `@value` / `#text` and leading separators are dropped
// ("/Patient/name/family/@value" -> "patient.name.family").
std::string DottedLabel(std::string_view label);

// True when dotted path `dotted` is `suffix` or ends with "." + suffix.
bool PathEndsWith(std::string_view dotted, std::string_view suffix);

// The FHIR resource type an XML label names: the last path segment that
// starts with a capital letter ("/Bundle/entry/resource/Patient/name" ->
// "Patient"); empty when none (JSON labels carry it in a field instead).
std::string_view XmlResourceType(std::string_view label);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_FIELDS_LABEL_MATCH_H_
