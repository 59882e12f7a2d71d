// ForEachPersonRecord: every person-record of a case, from its stored
// findings, in the store's stable order (item name, then position), so the
// same scan always gives the same records with the same keys. Each record
// is handed over as soon as its item is read, so a caller that writes them
// out holds one item's findings and records at a time, never the case's.
//
// FHIR resources tied to their Patient only by a reference (an Observation
// in Observation.ndjson beside Patient.ndjson) come as records of their own
// with `link_ref` set (and none naming nobody is dropped here): which
// record each belongs with is known only once every item of its folder is
// read (RecordLinker, record_links.h).
//
// Reads the store; writes nothing. Thread: the caller's, like the store.
#ifndef BREACHSCOPE_SUBJECTS_PERSON_RECORDS_H_
#define BREACHSCOPE_SUBJECTS_PERSON_RECORDS_H_

#include <cstdint>
#include <functional>

#include "common/status.h"
#include "resolve/person_record.h"
#include "store/case_store.h"
#include "subjects/item_records.h"

namespace breachscope {

struct SubjectStats {
  uint64_t items = 0;            // items with at least one finding
  uint64_t findings = 0;
  uint64_t patient_records = 0;  // counted by the caller, which knows what it kept
  uint64_t related_records = 0;
  uint64_t attached_records = 0;  // of those, attached to a patient's by a FHIR reference
  ItemRecordStats left_out;      // staff, unattributed, dropped groups
};

// Calls `visit` with each record; the first error it returns stops the walk
// and is returned.
Status ForEachPersonRecord(CaseStore& store, SubjectStats* stats,
                           const std::function<Status(PersonRecord&&)>& visit);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_PERSON_RECORDS_H_
