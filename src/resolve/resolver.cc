#include "resolve/resolver.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "resolve/blocking.h"
#include "resolve/clusterer.h"
#include "resolve/prepared_record.h"

namespace breachscope {
namespace {

// Exact-key scoring: a shared valid health number of one jurisdiction, or
// the same folded given name, family name and birth date.
double ExactScore(const PreparedRecord& a, const PreparedRecord& b) {
  for (const PreparedId& x : a.health_numbers) {
    for (const PreparedId& y : b.health_numbers) {
      if (x.valid && y.valid && x.jurisdiction == y.jurisdiction && x.number == y.number) return 30.0;
    }
  }
  for (const PreparedName& x : a.names) {
    for (const PreparedName& y : b.names) {
      if (x.given.empty() || x.given != y.given || x.family != y.family) continue;
      for (const Date& d : a.dobs) {
        if (std::find(b.dobs.begin(), b.dobs.end(), d) != b.dobs.end()) return 20.0;
      }
    }
  }
  return -30.0;
}

// Reviewer decisions as index pairs; decisions naming unknown keys are
// ignored (the record may have gone from the scan).
void MapDecisions(const std::vector<PersonRecord>& records, const std::vector<ReviewDecision>& decisions,
                  ClusterInput* input) {
  std::unordered_map<std::string, uint32_t> index;
  for (uint32_t i = 0; i < records.size(); ++i) index.emplace(records[i].key, i);
  for (const ReviewDecision& d : decisions) {
    auto a = index.find(d.key_a), b = index.find(d.key_b);
    if (a == index.end() || b == index.end() || a->second == b->second) continue;
    (d.link ? input->must_link : input->cannot_link).emplace_back(a->second, b->second);
  }
}

}  // namespace

Resolution Resolve(const std::vector<PersonRecord>& records, const std::vector<ReviewDecision>& decisions,
                   const ResolveOptions& options) {
  std::vector<PreparedRecord> prepared;
  prepared.reserve(records.size());
  for (const PersonRecord& r : records) prepared.push_back(PrepareRecord(r));
  std::vector<uint64_t> candidates = BlockCandidates(prepared, BlockingOptions(), nullptr);
  ClusterInput input;
  input.link_threshold = 10.0;
  input.review_threshold = 10.0;
  for (uint64_t pair : candidates) {
    uint32_t a = PairFirst(pair), b = PairSecond(pair);
    input.pairs.push_back({a, b, ExactScore(prepared[a], prepared[b])});
  }
  MapDecisions(records, decisions, &input);
  ClusterResult clusters = Cluster(prepared, std::move(input));
  Resolution resolution;
  resolution.individual_of = std::move(clusters.individual_of);
  for (double weakest : clusters.weakest_link) {
    resolution.confidence.push_back(std::isinf(weakest) ? 1.0 : 1.0 / (1.0 + std::exp2(-weakest)));
  }
  resolution.stats.records = records.size();
  resolution.stats.candidate_pairs = candidates.size();
  resolution.stats.linked_pairs = clusters.linked_pairs;
  resolution.stats.blocked_merges = clusters.blocked_merges;
  return resolution;
}

}  // namespace breachscope
