// BuildPersonRecords: every person-record of a case, from its stored
// findings, in the store's stable order (item name, then position), so the
// same scan always gives the same records with the same keys.
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
  ItemRecordStats left_out;      // staff, unattributed, dropped groups
};

Result<std::vector<PersonRecord>> BuildPersonRecords(CaseStore& store, SubjectStats* stats);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_PERSON_RECORDS_H_
