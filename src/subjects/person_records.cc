#include "subjects/person_records.h"

#include <string>
#include <utility>
#include <vector>

#include "common/record_link.h"

namespace breachscope {

Status ForEachPersonRecord(CaseStore& store, SubjectStats* stats,
                           const std::function<Status(PersonRecord&&)>& visit) {
  std::string item;
  std::vector<Finding> findings;
  Status first_error;
  auto flush = [&] {
    if (findings.empty()) return;
    ++stats->items;
    for (PersonRecord& r : RecordsOfItem(item, findings, &stats->left_out)) {
      if (first_error.ok()) first_error = visit(std::move(r));
    }
    findings.clear();
  };
  Status status = store.ForEachRecordFinding([&](const StoredFinding& stored) {
    if (!first_error.ok()) return;
    if (stored.source != item) {
      flush();
      item = stored.source;
    }
    if (!IsRecordLink(stored.finding)) ++stats->findings;
    findings.push_back(stored.finding);
  });
  if (!status.ok()) return status;
  flush();
  return first_error;
}

}  // namespace breachscope
