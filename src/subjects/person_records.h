// BuildPersonRecords: every person-record of a case, from its stored
// findings, in the store's stable order (item name, then position), so the
// same scan always gives the same records with the same keys.
//
// FHIR resources tied to their Patient only by a reference (an Observation
// in Observation.ndjson beside Patient.ndjson) become records of their own,
// attached to the Patient's record (record_links.h): they are not resolved
// (the reference already says whose they are) but take the individual of
// the record they are attached to. A reference to no Patient of its folder
// leaves a record naming nobody, which is dropped like any other.
//
// Reads the store (one item's findings in memory at a time); writes
// nothing. Thread: the caller's, like the store.
#ifndef BREACHSCOPE_SUBJECTS_PERSON_RECORDS_H_
#define BREACHSCOPE_SUBJECTS_PERSON_RECORDS_H_

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "resolve/person_record.h"
#include "store/case_store.h"
#include "subjects/item_records.h"

namespace breachscope {

struct SubjectStats {
  uint64_t items = 0;            // items with at least one finding
  uint64_t findings = 0;
  uint64_t patient_records = 0;
  uint64_t related_records = 0;
  uint64_t attached_records = 0;  // of those, attached to a patient's by a FHIR reference
  ItemRecordStats left_out;      // staff, unattributed, dropped groups
};

struct SubjectRecords {
  // The records to resolve (in store order), then the attached ones.
  std::vector<PersonRecord> records;
  size_t resolvable = 0;
  // attached_to[i]: the index (< resolvable) of the record that
  // records[resolvable + i] is attached to.
  std::vector<uint32_t> attached_to;
};

Result<SubjectRecords> BuildPersonRecords(CaseStore& store, SubjectStats* stats);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_PERSON_RECORDS_H_
