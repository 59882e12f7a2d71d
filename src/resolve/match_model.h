// MatchModel: Fellegi-Sunter weights of agreement levels.
//
// For each field and level, m = P(level | same person) and u = P(level |
// different people); the level's weight is log2(m/u) and a pair's weight
// the sum over fields (missing fields weigh 0). Exact agreement on a given
// or family name is weighed by that name's own frequency instead of the
// average (term-frequency adjustment). A few weights are bounded by what we
// know of the data rather than left to estimation: people move and change
// numbers, so a differing address, phone or e-mail weighs little; a changed
// surname with the same given name and birth date weighs little; agreement
// on a contact several people share weighs at most half of an unshared one.
//
// Immutable once Finalize() has run; safe to share between threads.
#ifndef BREACHSCOPE_RESOLVE_MATCH_MODEL_H_
#define BREACHSCOPE_RESOLVE_MATCH_MODEL_H_

#include <array>
#include <string>

#include "resolve/comparison.h"

namespace breachscope {

using LevelProbabilities = std::array<std::array<double, 8>, kFieldCount>;

struct MatchModel {
  LevelProbabilities m{};
  LevelProbabilities u{};
  double lambda = 0.0;  // share of candidate pairs that are matches (from EM)
  LevelProbabilities weight{};  // log2(m/u), bounded; filled by Finalize()

  void Finalize();

  // Sum of field weights, with the term-frequency adjustment for names.
  double Weight(const Comparison& c, const PreparedRecord& a, const PreparedRecord& b) const;

  // "given name nickname +4.1; birth date day/month swapped +6.0; ..."
  std::string Explain(const Comparison& c, const PreparedRecord& a, const PreparedRecord& b) const;

  // Every field and level with m, u and weight, one a line.
  std::string Describe() const;

 private:
  double NameWeight(Field field, const Comparison& c, const PreparedRecord& a,
                    const PreparedRecord& b) const;
};

// Starting m and u for estimation (and the model used when a data set is
// too small to estimate): a match mostly agrees exactly, a non-match
// mostly differs.
MatchModel DefaultModel();

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_MATCH_MODEL_H_
