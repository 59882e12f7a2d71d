#include "resolve/model_estimation.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace breachscope {
namespace {

// splitmix64: small, fast and the same on every platform.
uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void CountLevels(const Comparison& c, std::array<std::array<double, 8>, kFieldCount>* counts) {
  for (int f = 0; f < kFieldCount; ++f) (*counts)[f][c.Level(static_cast<Field>(f))] += 1;
}

// Probabilities of the non-missing levels, with `prior` counted as seen
// `prior_pairs` times.
LevelProbabilities Normalise(const LevelProbabilities& counts, const LevelProbabilities& prior,
                             double prior_pairs) {
  LevelProbabilities p{};
  for (int f = 0; f < kFieldCount; ++f) {
    double total = prior_pairs;
    for (int level = 1; level < kLevelCount[f]; ++level) total += counts[f][level];
    for (int level = 1; level < kLevelCount[f]; ++level) {
      p[f][level] = (counts[f][level] + prior_pairs * prior[f][level]) / total;
    }
  }
  return p;
}

// P(pattern | class) over the fields it has values for.
double Likelihood(uint32_t levels, const LevelProbabilities& p) {
  double product = 1.0;
  for (int f = 0; f < kFieldCount; ++f) {
    uint8_t level = (levels >> (3 * f)) & 7;
    if (level != 0) product *= p[f][level];
  }
  return product;
}

}  // namespace

LevelProbabilities EstimateU(const std::vector<PreparedRecord>& records, uint64_t samples, uint64_t seed,
                             const LevelProbabilities& prior, double prior_pairs) {
  LevelProbabilities counts{};
  uint64_t n = records.size();
  if (n < 2) return Normalise(counts, prior, prior_pairs);
  if (n * (n - 1) / 2 <= samples) {
    for (uint64_t a = 0; a < n; ++a) {
      for (uint64_t b = a + 1; b < n; ++b) CountLevels(Compare(records[a], records[b]), &counts);
    }
    return Normalise(counts, prior, prior_pairs);
  }
  uint64_t state = seed;
  for (uint64_t s = 0; s < samples; ++s) {
    uint64_t a = NextRandom(&state) % n, b = NextRandom(&state) % n;
    if (a == b) continue;
    CountLevels(Compare(records[a], records[b]), &counts);
  }
  return Normalise(counts, prior, prior_pairs);
}

std::vector<PatternCount> CountPatterns(const std::vector<uint32_t>& levels) {
  std::unordered_map<uint32_t, uint64_t> counts;
  for (uint32_t l : levels) ++counts[l];
  std::vector<PatternCount> patterns;
  patterns.reserve(counts.size());
  for (auto [l, c] : counts) patterns.push_back({l, c});
  std::sort(patterns.begin(), patterns.end(), [](auto& x, auto& y) { return x.levels < y.levels; });
  return patterns;
}

EmResult EstimateM(const std::vector<PatternCount>& patterns, const LevelProbabilities& u,
                   const LevelProbabilities& start_m, double start_lambda, double prior_pairs,
                   int max_iterations) {
  EmResult result{start_m, start_lambda, 0};
  if (patterns.empty()) return result;
  for (int it = 0; it < max_iterations; ++it) {
    LevelProbabilities match_counts{};
    double matches = 0, total = 0;
    for (const PatternCount& p : patterns) {
      double p1 = result.lambda * Likelihood(p.levels, result.m);
      double p0 = (1 - result.lambda) * Likelihood(p.levels, u);
      double g = p1 + p0 > 0 ? p1 / (p1 + p0) : 0.0;
      double weight = g * static_cast<double>(p.count);
      matches += weight;
      total += static_cast<double>(p.count);
      for (int f = 0; f < kFieldCount; ++f) match_counts[f][(p.levels >> (3 * f)) & 7] += weight;
    }
    LevelProbabilities next = Normalise(match_counts, start_m, prior_pairs);
    double moved = 0;
    for (int f = 0; f < kFieldCount; ++f) {
      for (int level = 1; level < kLevelCount[f]; ++level) {
        moved = std::max(moved, std::abs(next[f][level] - result.m[f][level]));
      }
    }
    double next_lambda = std::clamp(matches / total, 1e-6, 1 - 1e-6);
    moved = std::max(moved, std::abs(next_lambda - result.lambda));
    result.m = next;
    result.lambda = next_lambda;
    result.iterations = it + 1;
    if (moved < 1e-6) break;
  }
  return result;
}

}  // namespace breachscope
