#include "subjects/person_records.h"

#include <string>
#include <utility>

#include "common/record_link.h"
#include "subjects/record_links.h"

namespace breachscope {
namespace {

void FlushItem(const std::string& item, std::vector<Finding>* findings,
               std::vector<PersonRecord>* records, SubjectStats* stats) {
  if (findings->empty()) return;
  ++stats->items;
  for (PersonRecord& r : RecordsOfItem(item, *findings, &stats->left_out)) {
    records->push_back(std::move(r));
  }
  findings->clear();
}

bool NamesSomeone(const PersonRecord& r) {
  return !r.names.empty() || !r.health_numbers.empty() || !r.record_numbers.empty() ||
         !r.emails.empty();
}

// Splits `all` into records to resolve and records attached to one of them;
// referring records whose patient is not found and that name nobody go.
SubjectRecords AttachReferringRecords(std::vector<PersonRecord> all, SubjectStats* stats) {
  const std::vector<int64_t> target = LinkTargets(all);
  std::vector<int64_t> new_index(all.size(), -1);
  SubjectRecords out;
  for (size_t i = 0; i < all.size(); ++i) {
    if (target[i] >= 0 || (!all[i].link_ref.empty() && !NamesSomeone(all[i]))) continue;
    new_index[i] = static_cast<int64_t>(out.records.size());
    out.records.push_back(std::move(all[i]));
  }
  out.resolvable = out.records.size();
  for (size_t i = 0; i < all.size(); ++i) {
    if (new_index[i] >= 0) continue;
    if (target[i] < 0) {
      ++stats->left_out.dropped_records;
      stats->left_out.unattributed_findings += all[i].findings;
      continue;
    }
    out.attached_to.push_back(static_cast<uint32_t>(new_index[target[i]]));
    out.records.push_back(std::move(all[i]));
    ++stats->attached_records;
  }
  for (const PersonRecord& r : out.records) {
    ++(r.role == Role::kRelated ? stats->related_records : stats->patient_records);
  }
  return out;
}

}  // namespace

Result<SubjectRecords> BuildPersonRecords(CaseStore& store, SubjectStats* stats) {
  SubjectStats local;
  if (stats == nullptr) stats = &local;
  std::vector<PersonRecord> records;
  std::string item;
  std::vector<Finding> findings;
  Status status = store.ForEachRecordFinding([&](const StoredFinding& stored) {
    if (stored.source != item) {
      FlushItem(item, &findings, &records, stats);
      item = stored.source;
    }
    if (!IsRecordLink(stored.finding)) ++stats->findings;
    findings.push_back(stored.finding);
  });
  if (!status.ok()) return status;
  FlushItem(item, &findings, &records, stats);
  return AttachReferringRecords(std::move(records), stats);
}

}  // namespace breachscope
