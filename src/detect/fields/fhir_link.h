// FHIR record links (common/record_link.h) from JSON field units: a
// Patient's own id (`id`, a Bundle entry's `fullUrl`) and a resource's
// reference to its patient (`subject`, `patient` or `beneficiary`
// `.reference`), so that subjects can attach an Observation, a Condition or
// a MedicationRequest to the Patient it is about.
//
// Only the resource's own top-level fields count (an NDJSON line, an array
// element, a Bundle entry's `resource`): a reference inside `contained` or
// an extension says nothing about whose record this is. References from
// resources that are people of their own (RelatedPerson, Practitioner,
// Person, ...) are not links: a RelatedPerson's `patient` is someone else.
// The Patient's id needs its `resourceType` first, as FHIR JSON writes it.
//
// Pure; thread-safe.
#ifndef BREACHSCOPE_DETECT_FIELDS_FHIR_LINK_H_
#define BREACHSCOPE_DETECT_FIELDS_FHIR_LINK_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/text_unit.h"
#include "detect/unit_analyzer.h"

namespace breachscope {

// The canonical form of a FHIR reference or id URL: "Patient/123" for
// "Patient/123", "https://h/fhir/Patient/123/_history/2"; "urn:uuid:..." and
// "urn:oid:..." as written. Empty when `value` is neither.
std::string CanonicalFhirReference(std::string_view value);

// Appends a record-link proposal when `unit` (a kField unit of a record
// whose FHIR resource type is `resource`, empty if unknown) is one.
void ProposeFhirLink(const TextUnit& unit, std::string_view resource,
                     std::vector<ProposedFinding>* out);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_FIELDS_FHIR_LINK_H_
