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

// Records are read in batches and prepared in parallel; only the prepared
// form is kept. Keys are kept only for records a decision names.
constexpr size_t kPrepareBatch = 16384;

struct PreparedInput {
  std::vector<PreparedRecord> records;
  std::unordered_map<std::string, uint32_t> decided;  // key -> index, decided keys only
};

// `fill` puts the next records (at most kPrepareBatch) into the batch, none
// at the end.
using BatchFill = std::function<void(std::vector<const PersonRecord*>* batch)>;

PreparedInput PrepareAll(const BatchFill& fill, size_t expected, const std::vector<ReviewDecision>& decisions,
                         int threads) {
  PreparedInput input;
  input.records.reserve(expected);
  for (const ReviewDecision& d : decisions) {
    input.decided.emplace(d.key_a, UINT32_MAX);
    input.decided.emplace(d.key_b, UINT32_MAX);
  }
  std::vector<const PersonRecord*> batch;
  for (;;) {
    batch.clear();
    fill(&batch);
    if (batch.empty()) break;
    size_t base = input.records.size();
    input.records.resize(base + batch.size());
    ParallelFor(batch.size(), threads, [&](size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) input.records[base + i] = PrepareRecord(*batch[i]);
    });
    for (size_t i = 0; i < batch.size() && !decisions.empty(); ++i) {
      auto it = input.decided.find(batch[i]->key);
      if (it != input.decided.end() && it->second == UINT32_MAX) it->second = static_cast<uint32_t>(base + i);
    }
  }
  if (input.records.capacity() > input.records.size() + input.records.size() / 8) input.records.shrink_to_fit();
  AddRecordStatistics(&input.records);
  return input;
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
void MapDecisions(const std::unordered_map<std::string, uint32_t>& index,
                  const std::vector<ReviewDecision>& decisions, ClusterInput* input) {
  for (const ReviewDecision& d : decisions) {
    auto a = index.find(d.key_a), b = index.find(d.key_b);
    if (a == index.end() || b == index.end() || a->second == UINT32_MAX || b->second == UINT32_MAX ||
        a->second == b->second) {
      continue;
    }
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

Resolution ResolvePrepared(PreparedInput prepared_input, const std::vector<ReviewDecision>& decisions,
                           const ResolveOptions& options) {
  std::vector<PreparedRecord>& prepared = prepared_input.records;
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
  MapDecisions(prepared_input.decided, decisions, &input);
  ClusterResult clusters = Cluster(prepared, std::move(input));

  Resolution resolution;
  resolution.individual_of = std::move(clusters.individual_of);
  for (double weakest : clusters.weakest_link) resolution.confidence.push_back(Confidence(weakest, model.lambda));
  for (const ScoredPair& p : clusters.review) {
    const PreparedRecord& a = prepared[p.a];
    const PreparedRecord& b = prepared[p.b];
    std::string why = model.Explain(Compare(a, b), a, b);
    // Why a pair strong enough to link was held back.
    if (p.weight >= options.link_threshold) {
      why += !p.personal ? "; held: nothing personal in common" : p.ambiguous ? "; held: one record fits two people" : "";
    }
    resolution.review.push_back({p.a, p.b, p.weight, std::move(why)});
  }
  if (options.explain_links) {
    for (const ScoredPair& p : clusters.links) {
      const PreparedRecord& a = prepared[p.a];
      const PreparedRecord& b = prepared[p.b];
      resolution.links.push_back({p.a, p.b, p.weight, model.Explain(Compare(a, b), a, b)});
    }
  }
  resolution.model = model.Describe();
  resolution.stats.records = prepared.size();
  resolution.stats.candidate_pairs = candidates.size();
  resolution.stats.linked_pairs = clusters.linked_pairs;
  resolution.stats.review_pairs = resolution.review.size();
  resolution.stats.blocked_merges = clusters.blocked_merges;
  return resolution;
}

}  // namespace

Resolution Resolve(std::span<const PersonRecord> records, const std::vector<ReviewDecision>& decisions,
                   const ResolveOptions& options) {
  size_t next = 0;
  auto fill = [&](std::vector<const PersonRecord*>* batch) {
    while (next < records.size() && batch->size() < kPrepareBatch) batch->push_back(&records[next++]);
  };
  return ResolvePrepared(PrepareAll(fill, records.size(), decisions, options.threads), decisions, options);
}

Resolution Resolve(const RecordSource& next, size_t expected_records, const std::vector<ReviewDecision>& decisions,
                   const ResolveOptions& options) {
  std::vector<PersonRecord> buffer(kPrepareBatch);
  auto fill = [&](std::vector<const PersonRecord*>* batch) {
    while (batch->size() < buffer.size() && next(&buffer[batch->size()])) batch->push_back(&buffer[batch->size()]);
  };
  return ResolvePrepared(PrepareAll(fill, expected_records, decisions, options.threads), decisions, options);
}

}  // namespace breachscope
