#include "subjects/person_records.h"

#include <string>
#include <utility>

namespace breachscope {
namespace {

void FlushItem(const std::string& item, std::vector<Finding>* findings,
               std::vector<PersonRecord>* records, SubjectStats* stats) {
  if (findings->empty()) return;
  ++stats->items;
  for (PersonRecord& r : RecordsOfItem(item, *findings, &stats->left_out)) {
    ++(r.role == Role::kRelated ? stats->related_records : stats->patient_records);
    records->push_back(std::move(r));
  }
  findings->clear();
}

}  // namespace

Result<std::vector<PersonRecord>> BuildPersonRecords(CaseStore& store, SubjectStats* stats) {
  SubjectStats local;
  if (stats == nullptr) stats = &local;
  std::vector<PersonRecord> records;
  std::string item;
  std::vector<Finding> findings;
  Status status = store.ForEachFinding([&](const StoredFinding& stored) {
    if (stored.source != item) {
      FlushItem(item, &findings, &records, stats);
      item = stored.source;
    }
    ++stats->findings;
    findings.push_back(stored.finding);
  });
  if (!status.ok()) return status;
  FlushItem(item, &findings, &records, stats);
  return records;
}

}  // namespace breachscope
