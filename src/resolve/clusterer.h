// Clusterer: turns scored candidate pairs into individuals.
//
// Union-find over the links in descending weight order (ties broken by
// record index, so the result never depends on thread timing). Reviewer
// decisions come first and are absolute: a must-link is joined whatever the
// constraints say, a cannot-link is never crossed. A link at or above the
// link threshold joins two clusters unless a hard constraint
// (cluster_constraints.h) forbids it. A pair between the two thresholds
// never joins anything: it is queued for review, once per pair of clusters,
// so no cluster is ever held together by a link below the link threshold.
// Two more kinds of pair go to review instead of linking, whatever their
// weight: a pair without personal evidence (comparison.h), and a pair one
// of whose records is ambiguous: it links strongly to two records that can
// never be one person and has nothing that tells them apart ("John Smith"
// with no birth date at the address of a John Smith born 1970 and one born
// 1990; "Pat Smith" beside a Patrick and a Patricia). Only an exact health number
// lets an ambiguous record link.
#ifndef BREACHSCOPE_RESOLVE_CLUSTERER_H_
#define BREACHSCOPE_RESOLVE_CLUSTERER_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "resolve/prepared_record.h"

namespace breachscope {

struct ScoredPair {
  uint32_t a = 0;
  uint32_t b = 0;
  double weight = 0.0;
  bool same_health_number = false;  // the two agree exactly on a health number
  bool personal = true;             // HasPersonalEvidence(): may link automatically
  bool ambiguous = false;           // set on review pairs: a record of it is ambiguous
};

struct ClusterInput {
  std::vector<ScoredPair> pairs;
  std::vector<std::pair<uint32_t, uint32_t>> must_link;
  std::vector<std::pair<uint32_t, uint32_t>> cannot_link;
  double link_threshold = 0.0;
  double review_threshold = 0.0;
};

struct ClusterResult {
  std::vector<uint32_t> individual_of;  // dense, in order of first appearance
  std::vector<double> weakest_link;     // per individual; +inf when not linked by score
  std::vector<ScoredPair> review;       // strongest pair per pair of clusters, by weight
  std::vector<ScoredPair> links;        // the scored links that joined clusters, by weight
  uint64_t linked_pairs = 0;            // pairs at/above the link threshold ending together
  uint64_t blocked_merges = 0;          // links refused by a constraint or a decision
};

ClusterResult Cluster(const std::vector<PreparedRecord>& records, ClusterInput input);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_CLUSTERER_H_
