// Resolver: links person-records into individuals.
//
// Blocking on several exact keys, pairwise comparison, a Fellegi-Sunter score
// with weights estimated from the data, and clustering under hard
// constraints (never two different valid health numbers of one jurisdiction;
// never one name with birth dates years apart). Pairs scored between the two
// thresholds go to the review queue; a reviewer's link/split decisions are
// inputs, so they survive every re-run.
#ifndef BREACHSCOPE_RESOLVE_RESOLVER_H_
#define BREACHSCOPE_RESOLVE_RESOLVER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "resolve/person_record.h"

namespace breachscope {

struct ResolveOptions {
  double link_threshold = 0.0;    // match weight (log2) at or above: linked
  double review_threshold = 0.0;  // below: apart; between: review queue
  int threads = 0;                // 0: all cores
};

// A reviewer's decision on two records, by PersonRecord::key.
struct ReviewDecision {
  std::string key_a;
  std::string key_b;
  bool link = false;  // true: same person; false: different people
};

// A pair the resolver is unsure of, by index into the input records.
struct ReviewPair {
  uint32_t a = 0;
  uint32_t b = 0;
  double weight = 0.0;  // match weight (log2 of m/u summed)
  std::string why;      // human explanation: "names agree (nickname); dob differs by day/month swap"
};

struct ResolveStats {
  uint64_t records = 0;
  uint64_t candidate_pairs = 0;  // after blocking
  uint64_t linked_pairs = 0;
  uint64_t review_pairs = 0;
  uint64_t blocked_merges = 0;   // links refused by a hard constraint
};

struct Resolution {
  // individual_of[i]: dense individual index of records[i], numbered in order
  // of first appearance so the same input gives the same numbering.
  std::vector<uint32_t> individual_of;
  std::vector<double> confidence;  // per individual, 0..1
  std::vector<ReviewPair> review;
  ResolveStats stats;
};

Resolution Resolve(const std::vector<PersonRecord>& records,
                   const std::vector<ReviewDecision>& decisions,
                   const ResolveOptions& options);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_RESOLVER_H_
