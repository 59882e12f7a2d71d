// Resolver: links person-records into individuals.
//
// Blocking on several exact keys, pairwise comparison, a Fellegi-Sunter score
// with weights estimated from the data, and clustering under hard
// constraints (never two different valid health numbers of one jurisdiction;
// never one name with birth dates years apart). Pairs scored between the two
// thresholds go to the review queue; a reviewer's link/split decisions are
// inputs, so they survive every re-run.
//
// Resolve() is deterministic: the same records and decisions give the same
// Resolution whatever ResolveOptions::threads is. It may use several
// threads internally; concurrent calls are independent.
// (ResolveOptions gained blocking and estimation fields after the first
// version; the defaults of the thresholds are the tuned values.)
#ifndef BREACHSCOPE_RESOLVE_RESOLVER_H_
#define BREACHSCOPE_RESOLVE_RESOLVER_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "resolve/person_record.h"

namespace breachscope {

struct ResolveOptions {
  // Match weights are log2 Bayes factors summed over fields (no prior).
  double link_threshold = 10.0;   // at or above: linked (about 1000:1 for a match)
  double review_threshold = 4.0;  // below: apart; between: review queue
  int threads = 0;                // 0: all cores; the result is the same for any count
  // Blocking: a block (records sharing one key) larger than max_block is
  // paired by a window of block_window neighbours in name order instead of
  // all pairs. Larger values find more pairs and cost quadratically more.
  size_t max_block = 64;
  size_t block_window = 8;
  // Estimate u on random pairs and m by EM on the data (true), or use the
  // built-in default weights (false: small tests with fixed expectations).
  bool estimate_weights = true;
  uint64_t u_sample_pairs = 500000;  // random pairs for u
  // Also return the links that joined records (Resolution::links), with
  // their explanation: for `review show` and diagnostics; costs memory.
  bool explain_links = false;
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
  // With ResolveOptions::explain_links: the scored links that joined two
  // clusters, strongest first (a spanning tree of each individual).
  std::vector<ReviewPair> links;
  ResolveStats stats;
  // The weights used, one "field level: m u weight" line each, with the
  // estimated share of matches among candidate pairs (for diagnostics).
  std::string model;
};

Resolution Resolve(std::span<const PersonRecord> records,
                   const std::vector<ReviewDecision>& decisions,
                   const ResolveOptions& options);

// Hands over the next record (fills *record, returns true) or says there is
// none left (returns false). Records are numbered in the order given.
using RecordSource = std::function<bool(PersonRecord* record)>;

// The same resolution, reading the records one at a time: each is folded
// into its compact prepared form and dropped, so a caller that can make or
// read records in turn never holds a million of them at once.
// `expected_records` (0 if unknown) sizes the prepared table once.
Resolution Resolve(const RecordSource& next, size_t expected_records,
                   const std::vector<ReviewDecision>& decisions, const ResolveOptions& options);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_RESOLVER_H_
