#include "subjects/record_links.h"

#include <unordered_map>

namespace breachscope {
namespace {

bool NamesSomeone(const PersonRecord& r) {
  return !r.names.empty() || !r.health_numbers.empty() || !r.record_numbers.empty() ||
         !r.emails.empty();
}

}  // namespace

std::string LinkScope(std::string_view item) {
  const size_t cut = item.find_last_of("/!");
  return cut == std::string_view::npos ? std::string() : std::string(item.substr(0, cut));
}

void RecordLinker::Add(int64_t handle, const PersonRecord& record) {
  if (record.link_ids.empty() && record.link_ref.empty()) return;
  Entry e;
  e.handle = handle;
  e.source = record.source;
  e.ids = record.link_ids;
  e.ref = record.link_ref;
  e.names_someone = NamesSomeone(record);
  e.findings = record.findings;
  entries_.push_back(std::move(e));
}

std::vector<RecordLinker::Link> RecordLinker::Links() const {
  // "<scope>\n<id>" -> the entries known by that id, in order.
  std::unordered_map<std::string, std::vector<uint32_t>> known;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    for (const std::string& id : entries_[i].ids) {
      known[LinkScope(entries_[i].source) + '\n' + id].push_back(i);
    }
  }
  std::vector<Link> out;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (e.ref.empty()) continue;
    Link link{e.handle, -1, e.names_someone, e.findings};
    auto it = known.find(LinkScope(e.source) + '\n' + e.ref);
    if (it != known.end()) link.target = TargetOf(i, it->second);
    out.push_back(link);
  }
  return out;
}

// Within the scope: the first record of the same item known by the id,
// else the first of the one other item that defines it; never the record
// itself nor one that refers on.
int64_t RecordLinker::TargetOf(uint32_t referring, const std::vector<uint32_t>& known) const {
  const Entry& r = entries_[referring];
  int64_t same_item = -1, other = -1;
  bool several_items = false;
  for (uint32_t d : known) {
    const Entry& e = entries_[d];
    if (d == referring || !e.ref.empty()) continue;
    if (e.source == r.source) {
      if (same_item < 0) same_item = d;
    } else if (other < 0) {
      other = d;
    } else if (e.source != entries_[other].source) {
      several_items = true;
    }
  }
  const int64_t at = same_item >= 0 ? same_item : several_items ? -1 : other;
  return at < 0 ? -1 : entries_[at].handle;
}

std::vector<int64_t> LinkTargets(const std::vector<PersonRecord>& records) {
  RecordLinker linker;
  for (size_t i = 0; i < records.size(); ++i) linker.Add(static_cast<int64_t>(i), records[i]);
  std::vector<int64_t> target(records.size(), -1);
  for (const RecordLinker::Link& link : linker.Links()) target[link.handle] = link.target;
  return target;
}

}  // namespace breachscope
