#include "resolve/cluster_constraints.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "resolve/comparison.h"

namespace breachscope {
namespace {

template <typename T>
void AppendDistinct(std::vector<T>* to, std::vector<T>&& from) {
  for (T& v : from) {
    if (std::find(to->begin(), to->end(), v) == to->end()) to->push_back(std::move(v));
  }
}

}  // namespace

bool DatesCompatible(const Date& a, const Date& b) {
  switch (CompareDate(a, b)) {
    case kDateExact:
    case kDateSwapped:
    case kDateTypo: return true;
    case kDateYearOff: return std::abs(a.year - b.year) <= 1;
    default: return false;
  }
}

ClusterFacts ClusterFacts::Of(const PreparedRecord& record) {
  ClusterFacts facts;
  for (const PreparedId& id : record.health_numbers) {
    if (id.valid && !id.jurisdiction.empty()) facts.valid_health_numbers.push_back(id);
  }
  facts.dobs = record.dobs;
  for (const PreparedName& n : record.names) {
    if (!n.suffix.empty() && !n.given.empty()) {
      facts.suffixed_names.push_back(n.given + " " + n.family + "|" + n.suffix);
    }
  }
  return facts;
}

void ClusterFacts::Merge(ClusterFacts&& other) {
  AppendDistinct(&valid_health_numbers, std::move(other.valid_health_numbers));
  AppendDistinct(&dobs, std::move(other.dobs));
  AppendDistinct(&suffixed_names, std::move(other.suffixed_names));
}

Conflict FindConflict(const ClusterFacts& a, const ClusterFacts& b) {
  for (const PreparedId& x : a.valid_health_numbers) {
    for (const PreparedId& y : b.valid_health_numbers) {
      if (x.jurisdiction == y.jurisdiction && x.number != y.number) return Conflict::kHealthNumber;
    }
  }
  for (const std::string& x : a.suffixed_names) {
    size_t bar = x.find('|');
    for (const std::string& y : b.suffixed_names) {
      if (y.compare(0, bar + 1, x, 0, bar + 1) == 0 && y != x) return Conflict::kSuffix;
    }
  }
  if (a.dobs.empty() || b.dobs.empty()) return Conflict::kNone;
  for (const Date& x : a.dobs) {
    for (const Date& y : b.dobs) {
      if (DatesCompatible(x, y)) return Conflict::kNone;
    }
  }
  return Conflict::kBirthDate;
}

}  // namespace breachscope
