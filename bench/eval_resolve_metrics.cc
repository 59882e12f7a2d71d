#include "eval_resolve_metrics.h"

#include <map>
#include <set>

#include "resolve/blocking.h"

namespace breachscope {
namespace {

uint64_t PairsOf(uint64_t n) { return n * (n - 1) / 2; }

}  // namespace

ClusterMetrics Measure(const std::vector<uint32_t>& predicted, const std::vector<std::string>& truth) {
  ClusterMetrics m;
  m.records = predicted.size();
  std::map<uint32_t, uint64_t> pred_size;
  std::map<std::string, uint64_t> true_size;
  std::map<std::pair<uint32_t, std::string>, uint64_t> both;
  for (size_t i = 0; i < predicted.size(); ++i) {
    ++pred_size[predicted[i]];
    ++true_size[truth[i]];
    ++both[{predicted[i], truth[i]}];
  }
  m.found_entities = pred_size.size();
  m.true_entities = true_size.size();
  for (auto& [p, n] : pred_size) m.predicted_pairs += PairsOf(n);
  for (auto& [t, n] : true_size) m.true_pairs += PairsOf(n);
  double bp = 0, br = 0;
  std::map<uint32_t, int> truths_in_pred;
  std::map<std::string, int> preds_of_truth;
  for (auto& [key, n] : both) {
    m.correct_pairs += PairsOf(n);
    // Each of the n records sees n of its predicted cluster correct.
    bp += static_cast<double>(n) * n / pred_size[key.first];
    br += static_cast<double>(n) * n / true_size[key.second];
    ++truths_in_pred[key.first];
    ++preds_of_truth[key.second];
  }
  for (auto& [p, k] : truths_in_pred) m.merged_clusters += k > 1;
  for (auto& [t, k] : preds_of_truth) m.split_entities += k > 1;
  m.precision = m.predicted_pairs ? static_cast<double>(m.correct_pairs) / m.predicted_pairs : 1.0;
  m.recall = m.true_pairs ? static_cast<double>(m.correct_pairs) / m.true_pairs : 1.0;
  m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
  m.bcubed_precision = m.records ? bp / m.records : 1.0;
  m.bcubed_recall = m.records ? br / m.records : 1.0;
  return m;
}

double BlockingRecall(const std::vector<uint64_t>& candidates, const std::vector<std::string>& truth,
                      uint64_t* true_pairs_found) {
  std::map<std::string, uint64_t> true_size;
  for (const std::string& t : truth) ++true_size[t];
  uint64_t true_pairs = 0;
  for (auto& [t, n] : true_size) true_pairs += PairsOf(n);
  uint64_t found = 0;
  for (uint64_t pair : candidates) found += truth[PairFirst(pair)] == truth[PairSecond(pair)];
  if (true_pairs_found) *true_pairs_found = found;
  return true_pairs ? static_cast<double>(found) / true_pairs : 1.0;
}

}  // namespace breachscope
