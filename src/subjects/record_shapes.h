// The groupings of item_records.h, one function per shape of item. Each
// takes the findings of that shape in item order and appends finished
// records to `out`. Internal to src/subjects.
#ifndef BREACHSCOPE_SUBJECTS_RECORD_SHAPES_H_
#define BREACHSCOPE_SUBJECTS_RECORD_SHAPES_H_

#include <string>
#include <vector>

#include "common/finding.h"
#include "resolve/person_record.h"
#include "subjects/item_records.h"
#include "subjects/record_builder.h"

namespace breachscope {

using FindingRefs = std::vector<const Finding*>;

void TableRecords(const std::string& item, const FindingRefs& findings,
                  std::vector<PersonRecord>* out, ItemRecordStats* stats);
void Hl7Records(const std::string& item, const FindingRefs& findings,
                std::vector<PersonRecord>* out, ItemRecordStats* stats);
void DocumentRecords(const std::string& item, const FindingRefs& findings,
                     std::vector<PersonRecord>* out, ItemRecordStats* stats);
void TextRecords(const std::string& item, const FindingRefs& findings,
                 std::vector<PersonRecord>* out, ItemRecordStats* stats);

// Appends the builder's record when it names someone; counts it dropped
// otherwise.
void Emit(const PersonRecordBuilder& builder, std::vector<PersonRecord>* out,
          ItemRecordStats* stats);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_RECORD_SHAPES_H_
