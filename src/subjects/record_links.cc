#include "subjects/record_links.h"

#include <unordered_map>

namespace breachscope {

std::string LinkScope(std::string_view item) {
  const size_t cut = item.find_last_of("/!");
  return cut == std::string_view::npos ? std::string() : std::string(item.substr(0, cut));
}

std::vector<int64_t> LinkTargets(const std::vector<PersonRecord>& records) {
  // "<scope>\n<id>" -> the records known by that id, in order.
  std::unordered_map<std::string, std::vector<uint32_t>> known;
  auto scoped = [](const PersonRecord& r, const std::string& id) {
    return LinkScope(r.source) + '\n' + id;
  };
  for (uint32_t i = 0; i < records.size(); ++i) {
    for (const std::string& id : records[i].link_ids) known[scoped(records[i], id)].push_back(i);
  }
  std::vector<int64_t> target(records.size(), -1);
  for (uint32_t i = 0; i < records.size(); ++i) {
    const PersonRecord& r = records[i];
    if (r.link_ref.empty()) continue;
    auto it = known.find(scoped(r, r.link_ref));
    if (it == known.end()) continue;
    int64_t same_item = -1, other = -1;
    bool several_items = false;
    for (uint32_t d : it->second) {
      if (d == i || !records[d].link_ref.empty()) continue;
      if (records[d].source == r.source) {
        if (same_item < 0) same_item = d;
      } else if (other < 0) {
        other = d;
      } else if (records[d].source != records[other].source) {
        several_items = true;
      }
    }
    target[i] = same_item >= 0 ? same_item : several_items ? -1 : other;
  }
  return target;
}

}  // namespace breachscope
