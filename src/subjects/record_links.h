// Record links across items: which person-record a FHIR resource that
// refers to its patient ("subject": {"reference": "Patient/123"}) belongs
// with, when the Patient is in another item of the same export (Bulk FHIR
// writes Patient.ndjson, Observation.ndjson, Condition.ndjson side by side).
//
// Scope: ids are looked up only among the items of the referring item's
// folder (LinkScope: the directory on disk, or inside an archive, that
// holds it). A FHIR server's logical ids are unique only within that server,
// and one export is one folder or one archive; two exports kept apart both
// using "Patient/1" for different people must never be joined. Within the
// scope a reference is taken first in its own item (a Bundle's own
// Patient); otherwise only when exactly one other item defines the id, so
// two Bundles dumped into one folder, each with its own "Patient/1", join
// nothing across them. Pure; thread-safe.
#ifndef BREACHSCOPE_SUBJECTS_RECORD_LINKS_H_
#define BREACHSCOPE_SUBJECTS_RECORD_LINKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "resolve/person_record.h"

namespace breachscope {

// The folder of an item: "exp/Observation.ndjson" -> "exp",
// "a.zip!exp/Patient.ndjson" -> "a.zip!exp", "a.zip!Patient.ndjson" ->
// "a.zip", "Patient.ndjson" -> "".
std::string LinkScope(std::string_view item);

// For each record, the index of the record whose FHIR id its link_ref
// names (never itself, never a record that refers on in turn), or -1.
std::vector<int64_t> LinkTargets(const std::vector<PersonRecord>& records);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_RECORD_LINKS_H_
