// Estimation of a MatchModel from the data being resolved.
//
// u (agreement by chance) is counted on random pairs of records: nearly all
// of them are different people. m (agreement of true matches) is estimated
// by expectation-maximisation on the candidate pairs' comparison vectors,
// with u held fixed, assuming fields agree independently given the match
// status. Both are deterministic (fixed seed, fixed order).
#ifndef BREACHSCOPE_RESOLVE_MODEL_ESTIMATION_H_
#define BREACHSCOPE_RESOLVE_MODEL_ESTIMATION_H_

#include <cstdint>
#include <vector>

#include "resolve/match_model.h"

namespace breachscope {

// A distinct comparison vector and how many pairs have it.
struct PatternCount {
  uint32_t levels = 0;
  uint64_t count = 0;
};

// u from `samples` random pairs (fewer when the data has fewer pairs),
// smoothed towards `prior` as if it had been seen on `prior_pairs` pairs:
// a small data set (a few hundred records, many of them duplicates) alone
// would say two random records share a birth date one time in forty.
LevelProbabilities EstimateU(const std::vector<PreparedRecord>& records, uint64_t samples, uint64_t seed,
                             const LevelProbabilities& prior, double prior_pairs);

struct EmResult {
  LevelProbabilities m{};
  double lambda = 0.0;
  int iterations = 0;
};

// m and lambda by EM from `start`, u fixed; each M step adds `start` as if
// seen on `prior_pairs` matches (maximum a posteriori), so a few candidate
// pairs cannot drive a level's m to an extreme. Stops when no probability
// moves by more than 1e-6 or after `max_iterations`.
EmResult EstimateM(const std::vector<PatternCount>& patterns, const LevelProbabilities& u,
                   const LevelProbabilities& start_m, double start_lambda, double prior_pairs,
                   int max_iterations = 200);

// Counts distinct comparison vectors.
std::vector<PatternCount> CountPatterns(const std::vector<uint32_t>& levels);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_MODEL_ESTIMATION_H_
