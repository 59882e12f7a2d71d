// Which part of a person's name a finding holds, from its label or HL7
// position, and splitting a full name into parts.
//
// "First Name", "Prénom", "given_name", "Patient.name.given[0]" and HL7
// XPN component 2 are given names; "Last Name", "Nom", "surname", ".family"
// and component 1 are family names; component 3 and a second FHIR given
// are middle names; component 4 a suffix. Anything else holds a full name
// ("Patient Name", "Cardholder", a name in free text).
// Pure functions; thread-safe.
#ifndef BREACHSCOPE_SUBJECTS_NAME_PARTS_H_
#define BREACHSCOPE_SUBJECTS_NAME_PARTS_H_

#include <string>
#include <string_view>

#include "common/finding.h"
#include "resolve/person_record.h"

namespace breachscope {

enum class NamePart { kFull, kGiven, kMiddle, kFamily, kSuffix };

NamePart NamePartOf(const Location& location);

// "Dr. Jean M. Côté Jr" -> given "Jean", middle "M.", family "Côté",
// suffix "Jr"; "Côté, Jean Marie" -> family first; "CÔTÉ^JEAN^M" as HL7.
// Titles are dropped. A single word is taken as the given name. `full`
// keeps `value` as found.
PersonName SplitFullName(std::string_view value);

// "Given Middle Family Suffix", skipping empty parts.
std::string DisplayName(const PersonName& name);

// True for "Jr", "Sr", "II", "III", "IV" (any case, trailing '.' allowed).
bool IsNameSuffix(std::string_view word);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_NAME_PARTS_H_
