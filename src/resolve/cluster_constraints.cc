#include "resolve/cluster_constraints.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

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
  std::hash<std::string> hash;
  for (const PreparedId& id : record.health_numbers) {
    if (id.valid && !id.jurisdiction.empty()) {
      facts.valid_health_numbers.push_back({hash(id.jurisdiction), hash(id.number)});
    }
  }
  facts.dobs = record.dobs;
  for (const PreparedName& n : record.names) {
    if (!n.suffix.empty() && !n.given.empty()) {
      facts.suffixed_names.push_back({hash(n.given + " " + n.family), hash(n.suffix)});
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
  for (const ClusterFacts::Number& x : a.valid_health_numbers) {
    for (const ClusterFacts::Number& y : b.valid_health_numbers) {
      if (x.jurisdiction == y.jurisdiction && x.number != y.number) return Conflict::kHealthNumber;
    }
  }
  for (const ClusterFacts::SuffixedName& x : a.suffixed_names) {
    for (const ClusterFacts::SuffixedName& y : b.suffixed_names) {
      if (x.name == y.name && x.suffix != y.suffix) return Conflict::kSuffix;
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
