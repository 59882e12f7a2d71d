#include "resolve/nicknames.h"

#include <algorithm>

#include "common/embedded_data.h"

namespace breachscope {
namespace {

// A name that stands for more formal names than this (e.g. "ed") still gets
// its own block key plus this many roots; more would bloat blocks.
constexpr size_t kMaxRoots = 4;

bool Contains(const std::vector<std::string>& sorted, std::string_view value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

}  // namespace

const Nicknames& Nicknames::Default() {
  static const Nicknames* table = new Nicknames(EmbeddedData("names/nicknames.csv"));
  return *table;
}

Nicknames::Nicknames(std::string_view csv) {
  while (!csv.empty()) {
    size_t end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv = end == std::string_view::npos ? std::string_view() : csv.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t c1 = line.find(',');
    size_t c2 = c1 == std::string_view::npos ? c1 : line.find(',', c1 + 1);
    if (c2 == std::string_view::npos || line.substr(c1 + 1, c2 - c1 - 1) != "has_nickname") continue;
    std::string formal(line.substr(0, c1));
    std::string nick(line.substr(c2 + 1));
    if (formal.empty() || nick.empty() || formal == nick) continue;
    entries_[nick].formals.push_back(formal);
    entries_[formal].is_formal = true;
  }
  for (auto& [name, entry] : entries_) {
    std::sort(entry.formals.begin(), entry.formals.end());
    entry.formals.erase(std::unique(entry.formals.begin(), entry.formals.end()), entry.formals.end());
  }
}

const Nicknames::Entry* Nicknames::Find(std::string_view name) const {
  auto it = entries_.find(std::string(name));
  return it == entries_.end() ? nullptr : &it->second;
}

bool Nicknames::Related(std::string_view a, std::string_view b) const {
  return Related(a, Find(a), b, Find(b));
}

bool Nicknames::Related(std::string_view a, const Entry* ea, std::string_view b, const Entry* eb) {
  if (ea && Contains(ea->formals, b)) return true;
  if (eb && Contains(eb->formals, a)) return true;
  if (!ea || !eb || ea->is_formal || eb->is_formal) return false;
  // Both only nicknames: related when they share a formal name.
  const auto& x = ea->formals;
  const auto& y = eb->formals;
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) return true;
    x[i] < y[j] ? ++i : ++j;
  }
  return false;
}

std::vector<std::string> Nicknames::Roots(std::string_view name) const {
  std::vector<std::string> roots{std::string(name)};
  auto it = entries_.find(roots[0]);
  if (it == entries_.end()) return roots;
  for (const std::string& formal : it->second.formals) {
    if (roots.size() > kMaxRoots) break;
    roots.push_back(formal);
  }
  return roots;
}

}  // namespace breachscope
