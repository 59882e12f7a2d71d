#include "resolve/resolver.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "resolve/blocking.h"
#include "resolve/clusterer.h"
#include "resolve/comparison.h"
#include "resolve/match_model.h"
#include "resolve/model_estimation.h"
#include "resolve/parallel.h"
#include "resolve/prepared_record.h"
#include "resolve/record_statistics.h"

namespace breachscope {
namespace {

// Below this many candidate pairs EM has too little to learn from; the
// default model is used as is.
constexpr size_t kMinPairsForEm = 50;
constexpr uint64_t kUSeed = 0x6272656163680001ull;
// Weight of the default model against the data: as if seen on this many
// random pairs (u) and this many matching pairs (m).
constexpr double kUPriorPairs = 20000;
constexpr double kMPriorPairs = 200;

std::vector<PreparedRecord> PrepareAll(const std::vector<PersonRecord>& records, int threads) {
  std::vector<PreparedRecord> prepared(records.size());
  ParallelFor(records.size(), threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) prepared[i] = PrepareRecord(records[i]);
  });
  AddRecordStatistics(&prepared);
  return prepared;
}

std::vector<Comparison> CompareAll(const std::vector<PreparedRecord>& prepared,
                                   const std::vector<uint64_t>& candidates, int threads) {
  std::vector<Comparison> comparisons(candidates.size());
  ParallelFor(candidates.size(), threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      comparisons[i] = Compare(prepared[PairFirst(candidates[i])], prepared[PairSecond(candidates[i])]);
    }
  });
  return comparisons;
}

MatchModel EstimateModel(const std::vector<PreparedRecord>& prepared,
                         const std::vector<Comparison>& comparisons, const ResolveOptions& options) {
  MatchModel model = DefaultModel();
  if (comparisons.size() < kMinPairsForEm || !options.estimate_weights) return model;
  model.u = EstimateU(prepared, options.u_sample_pairs, kUSeed, model.u, kUPriorPairs);
  std::vector<uint32_t> levels(comparisons.size());
  for (size_t i = 0; i < comparisons.size(); ++i) levels[i] = comparisons[i].levels;
  EmResult em = EstimateM(CountPatterns(levels), model.u, model.m, model.lambda, kMPriorPairs);
  model.m = em.m;
  model.lambda = em.lambda;
  model.Finalize();
  return model;
}

// Pairs worth clustering: at or above the review threshold.
std::vector<ScoredPair> ScorePairs(const std::vector<PreparedRecord>& prepared,
                                   const std::vector<uint64_t>& candidates,
                                   const std::vector<Comparison>& comparisons, const MatchModel& model,
                                   const ResolveOptions& options) {
  std::vector<double> weights(candidates.size());
  ParallelFor(candidates.size(), options.threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      weights[i] = model.Weight(comparisons[i], prepared[PairFirst(candidates[i])],
                                prepared[PairSecond(candidates[i])]);
    }
  });
  std::vector<ScoredPair> pairs;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (weights[i] >= options.review_threshold) {
      bool same_number = comparisons[i].Level(kHealthNumberField) == kIdExact;
      pairs.push_back({PairFirst(candidates[i]), PairSecond(candidates[i]), weights[i], same_number,
                       HasPersonalEvidence(comparisons[i])});
    }
  }
  return pairs;
}

// Reviewer decisions as index pairs; decisions naming unknown keys are
// ignored (the record may have gone from the scan).
void MapDecisions(const std::vector<PersonRecord>& records, const std::vector<ReviewDecision>& decisions,
                  ClusterInput* input) {
  if (decisions.empty()) return;
  std::unordered_map<std::string, uint32_t> index;
  for (uint32_t i = 0; i < records.size(); ++i) index.emplace(records[i].key, i);
  for (const ReviewDecision& d : decisions) {
    auto a = index.find(d.key_a), b = index.find(d.key_b);
    if (a == index.end() || b == index.end() || a->second == b->second) continue;
    (d.link ? input->must_link : input->cannot_link).emplace_back(a->second, b->second);
  }
}

// Confidence of an individual: the match probability of its weakest link,
// with the prior of the candidate pairs; 1 for a record alone or joined by
// a reviewer.
double Confidence(double weakest, double lambda) {
  if (std::isinf(weakest)) return 1.0;
  double prior = std::log2(std::clamp(lambda, 1e-6, 0.5) / (1 - std::clamp(lambda, 1e-6, 0.5)));
  double p = 1.0 / (1.0 + std::exp2(-(weakest + prior)));
  return std::round(p * 100) / 100;
}

}  // namespace

Resolution Resolve(const std::vector<PersonRecord>& records, const std::vector<ReviewDecision>& decisions,
                   const ResolveOptions& options) {
  std::vector<PreparedRecord> prepared = PrepareAll(records, options.threads);
  BlockingOptions blocking;
  blocking.max_block = options.max_block;
  blocking.window = options.block_window;
  std::vector<uint64_t> candidates = BlockCandidates(prepared, blocking, nullptr);
  std::vector<Comparison> comparisons = CompareAll(prepared, candidates, options.threads);
  MatchModel model = EstimateModel(prepared, comparisons, options);
  ClusterInput input;
  input.pairs = ScorePairs(prepared, candidates, comparisons, model, options);
  std::vector<Comparison>().swap(comparisons);
  input.link_threshold = options.link_threshold;
  input.review_threshold = options.review_threshold;
  MapDecisions(records, decisions, &input);
  ClusterResult clusters = Cluster(prepared, std::move(input));

  Resolution resolution;
  resolution.individual_of = std::move(clusters.individual_of);
  for (double weakest : clusters.weakest_link) resolution.confidence.push_back(Confidence(weakest, model.lambda));
  for (const ScoredPair& p : clusters.review) {
    const PreparedRecord& a = prepared[p.a];
    const PreparedRecord& b = prepared[p.b];
    resolution.review.push_back({p.a, p.b, p.weight, model.Explain(Compare(a, b), a, b)});
  }
  if (options.explain_links) {
    for (const ScoredPair& p : clusters.links) {
      const PreparedRecord& a = prepared[p.a];
      const PreparedRecord& b = prepared[p.b];
      resolution.links.push_back({p.a, p.b, p.weight, model.Explain(Compare(a, b), a, b)});
    }
  }
  resolution.model = model.Describe();
  resolution.stats.records = records.size();
  resolution.stats.candidate_pairs = candidates.size();
  resolution.stats.linked_pairs = clusters.linked_pairs;
  resolution.stats.review_pairs = resolution.review.size();
  resolution.stats.blocked_merges = clusters.blocked_merges;
  return resolution;
}

}  // namespace breachscope
