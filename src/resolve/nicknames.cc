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
    formal_of_[nick].push_back(formal);
  }
  for (auto& [nick, formals] : formal_of_) {
    std::sort(formals.begin(), formals.end());
    formals.erase(std::unique(formals.begin(), formals.end()), formals.end());
  }
}

const std::vector<std::string>* Nicknames::FormalsOf(std::string_view name) const {
  auto it = formal_of_.find(std::string(name));
  return it == formal_of_.end() ? nullptr : &it->second;
}

bool Nicknames::Related(std::string_view a, std::string_view b) const {
  return Related(a, FormalsOf(a), b, FormalsOf(b));
}

bool Nicknames::Related(std::string_view a, const std::vector<std::string>* fa, std::string_view b,
                        const std::vector<std::string>* fb) {
  if (fa && Contains(*fa, b)) return true;
  if (fb && Contains(*fb, a)) return true;
  if (!fa || !fb) return false;
  // Both nicknames: related when they share a formal name.
  size_t i = 0, j = 0;
  while (i < fa->size() && j < fb->size()) {
    if ((*fa)[i] == (*fb)[j]) return true;
    (*fa)[i] < (*fb)[j] ? ++i : ++j;
  }
  return false;
}

std::vector<std::string> Nicknames::Roots(std::string_view name) const {
  std::vector<std::string> roots{std::string(name)};
  auto it = formal_of_.find(roots[0]);
  if (it == formal_of_.end()) return roots;
  for (const std::string& formal : it->second) {
    if (roots.size() > kMaxRoots) break;
    roots.push_back(formal);
  }
  return roots;
}

}  // namespace breachscope
