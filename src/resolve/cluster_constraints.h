// Hard constraints between clusters of records: what may never be one
// person, whatever the score says.
//
// - two different check-digit-valid health numbers of one jurisdiction;
// - birth dates of which none on one side is explained by one on the other
//   (equal, day/month swapped, one digit or one adjacent transposition
//   apart, a year off by one): a father and son of one name (Jr/Sr), or a
//   parent and child sharing a household's contacts, differ so. The clusterer
//   waives this one for a link that agrees exactly on a health number (a
//   birth date mistyped beyond a typo, with the person's own number);
// - one given and family name with two different generational suffixes.
//
// A ClusterFacts summarises one cluster; Merge() keeps it small (distinct
// values only). Not thread-safe; owned by the clusterer.
#ifndef BREACHSCOPE_RESOLVE_CLUSTER_CONSTRAINTS_H_
#define BREACHSCOPE_RESOLVE_CLUSTER_CONSTRAINTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "resolve/prepared_record.h"

namespace breachscope {

// Birth dates one person's records may plausibly carry.
bool DatesCompatible(const Date& a, const Date& b);

// Values are hashed: a cluster only asks "same or different?", and a
// million records' facts must stay small.
struct ClusterFacts {
  struct Number {
    uint64_t jurisdiction = 0;
    uint64_t number = 0;
    bool operator==(const Number&) const = default;
  };
  struct SuffixedName {
    uint64_t name = 0;    // given and family
    uint64_t suffix = 0;  // "jr", "sr", "ii", ...
    bool operator==(const SuffixedName&) const = default;
  };
  std::vector<Number> valid_health_numbers;  // check-digit valid, with a jurisdiction
  std::vector<Date> dobs;
  std::vector<SuffixedName> suffixed_names;

  static ClusterFacts Of(const PreparedRecord& record);
  void Merge(ClusterFacts&& other);
};

enum class Conflict { kNone, kHealthNumber, kBirthDate, kSuffix };

// Why `a` and `b` may not be joined, or kNone. Health numbers and suffixes
// are checked before birth dates, so kBirthDate means it is the only one.
Conflict FindConflict(const ClusterFacts& a, const ClusterFacts& b);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_CLUSTER_CONSTRAINTS_H_
