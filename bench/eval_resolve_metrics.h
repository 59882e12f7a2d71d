// Accuracy of a clustering against the truth: pairwise precision/recall/F1,
// B-cubed precision/recall, false merges and splits, and blocking recall.
#ifndef BREACHSCOPE_BENCH_EVAL_RESOLVE_METRICS_H_
#define BREACHSCOPE_BENCH_EVAL_RESOLVE_METRICS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace breachscope {

struct ClusterMetrics {
  uint64_t records = 0;
  uint64_t true_entities = 0;
  uint64_t found_entities = 0;
  uint64_t true_pairs = 0;
  uint64_t predicted_pairs = 0;
  uint64_t correct_pairs = 0;
  double precision = 1, recall = 1, f1 = 1;
  double bcubed_precision = 1, bcubed_recall = 1;
  uint64_t merged_clusters = 0;  // found individuals holding records of several true ones
  uint64_t split_entities = 0;   // true individuals spread over several found ones
};

ClusterMetrics Measure(const std::vector<uint32_t>& predicted, const std::vector<std::string>& truth);

// Share of true pairs among `candidates` (PackPair form) over all true pairs.
double BlockingRecall(const std::vector<uint64_t>& candidates, const std::vector<std::string>& truth,
                      uint64_t* true_pairs_found);

}  // namespace breachscope

#endif  // BREACHSCOPE_BENCH_EVAL_RESOLVE_METRICS_H_
