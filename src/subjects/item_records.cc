#include "subjects/item_records.h"

#include "subjects/label_words.h"
#include "subjects/record_shapes.h"

namespace breachscope {

void Emit(const PersonRecordBuilder& builder, std::vector<PersonRecord>* out,
          ItemRecordStats* stats) {
  if (builder.findings() == 0) return;
  if (builder.HasIdentity()) {
    out->push_back(builder.Build());
  } else {
    ++stats->dropped_records;
    stats->unattributed_findings += builder.findings();
  }
}

std::vector<PersonRecord> RecordsOfItem(const std::string& item,
                                        const std::vector<Finding>& findings,
                                        ItemRecordStats* stats) {
  // One item may hold several shapes (a free-text note inside a JSON
  // field is still a field); split by shape, keeping item order.
  FindingRefs table, hl7, document, text;
  for (const Finding& f : findings) {
    if (f.role == Role::kStaff) {
      ++stats->staff_findings;
    } else if (f.location.kind == UnitKind::kTableCell) {
      table.push_back(&f);
    } else if (f.location.kind == UnitKind::kField) {
      (ParseHl7Path(f.location.path).ok ? hl7 : document).push_back(&f);
    } else {
      text.push_back(&f);
    }
  }
  std::vector<PersonRecord> out;
  if (!table.empty()) TableRecords(item, table, &out, stats);
  if (!hl7.empty()) Hl7Records(item, hl7, &out, stats);
  if (!document.empty()) DocumentRecords(item, document, &out, stats);
  if (!text.empty()) TextRecords(item, text, &out, stats);
  return out;
}

}  // namespace breachscope
