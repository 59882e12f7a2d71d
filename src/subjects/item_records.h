// Person-records of one item: groups the item's findings by the shape of
// the item's structure.
//
// - table cells: one record per row (per SQL table and row); a related
//   person in the row (an emergency contact) is a record of its own, with
//   the cells whose header starts with the same word ("Emergency Phone");
// - HL7 v2: one record per message for the patient (PID and what hangs off
//   it: MSH, PV1, ORC, OBR, OBX, DG1, NTE, ...), and one per NK1, GT1, IN1
//   or IN2 segment for the person it names;
// - JSON and XML: one record per record (an NDJSON line, a Bundle entry, an
//   XML patient element); in a FHIR Bundle an entry that names nobody (an
//   Observation, a MedicationStatement) belongs to the Patient entry before
//   it, and a Patient's `contact` is a related record;
// - free text: a window from a patient's name to the next name of someone
//   else; a related person's name is a record of its own.
// Staff findings never become person-records. Records that name nobody and
// carry no number or e-mail are dropped (counted in ItemRecordStats).
//
// Keys: "<item>#row 12", "<item>#table visits, row 3", "<item>#message 2/PID",
// "<item>#message 2/NK1 1", "<item>#record 4", "<item>#offset 190", with
// "/related ..." for related people. Pure; thread-safe.
#ifndef BREACHSCOPE_SUBJECTS_ITEM_RECORDS_H_
#define BREACHSCOPE_SUBJECTS_ITEM_RECORDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/finding.h"
#include "resolve/person_record.h"

namespace breachscope {

struct ItemRecordStats {
  uint64_t staff_findings = 0;        // left out: clinicians and staff
  uint64_t unattributed_findings = 0; // in no record (letterhead, no anchor)
  uint64_t dropped_records = 0;       // groups that named nobody
};

// `findings` in item order (as CaseStore::ForEachFinding gives them).
std::vector<PersonRecord> RecordsOfItem(const std::string& item,
                                        const std::vector<Finding>& findings,
                                        ItemRecordStats* stats);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_ITEM_RECORDS_H_
