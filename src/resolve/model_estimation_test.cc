#include "resolve/model_estimation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace breachscope {
namespace {

// A synthetic mixture over two fields (given name, birth date) with known
// m, u and share of matches: EM must find m and lambda again.
TEST(EstimateMTest, RecoversAKnownMixture) {
  LevelProbabilities m{}, u{};
  // Given name: exact / differs only; birth date: exact / differs only.
  m[kGivenName][kGivenExact] = 0.9;
  m[kGivenName][kGivenDiffers] = 0.1;
  u[kGivenName][kGivenExact] = 0.05;
  u[kGivenName][kGivenDiffers] = 0.95;
  m[kBirthDate][kDateExact] = 0.8;
  m[kBirthDate][kDateDiffers] = 0.2;
  u[kBirthDate][kDateExact] = 0.01;
  u[kBirthDate][kDateDiffers] = 0.99;
  const double lambda = 0.3;
  const double pairs = 1e6;
  std::vector<PatternCount> patterns;
  for (uint8_t g : {kGivenExact, kGivenDiffers}) {
    for (uint8_t d : {kDateExact, kDateDiffers}) {
      Comparison c;
      c.SetLevel(kGivenName, g);
      c.SetLevel(kBirthDate, d);
      double p = lambda * m[kGivenName][g] * m[kBirthDate][d] +
                 (1 - lambda) * u[kGivenName][g] * u[kBirthDate][d];
      patterns.push_back({c.levels, static_cast<uint64_t>(std::llround(p * pairs))});
    }
  }
  LevelProbabilities start{};
  for (int f = 0; f < kFieldCount; ++f) {
    for (int level = 1; level < kLevelCount[f]; ++level) start[f][level] = 1.0 / (kLevelCount[f] - 1);
  }
  start[kGivenName][kGivenExact] = 0.6;
  start[kBirthDate][kDateExact] = 0.6;
  EmResult em = EstimateM(patterns, u, start, 0.1, /*prior_pairs=*/0, 500);
  EXPECT_NEAR(em.lambda, lambda, 0.01);
  EXPECT_NEAR(em.m[kGivenName][kGivenExact], 0.9, 0.01);
  EXPECT_NEAR(em.m[kBirthDate][kDateExact], 0.8, 0.01);
  EXPECT_GT(em.iterations, 1);
}

TEST(EstimateMTest, NoPatternsKeepsTheStart) {
  LevelProbabilities start{};
  start[kGivenName][kGivenExact] = 0.7;
  EmResult em = EstimateM({}, start, start, 0.2, 10);
  EXPECT_EQ(em.m[kGivenName][kGivenExact], 0.7);
  EXPECT_EQ(em.lambda, 0.2);
}

TEST(CountPatternsTest, CountsDistinctVectors) {
  std::vector<PatternCount> p = CountPatterns({3, 1, 3, 3});
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].levels, 1u);
  EXPECT_EQ(p[0].count, 1u);
  EXPECT_EQ(p[1].count, 3u);
}

TEST(EstimateUTest, RandomPairsOfDistinctPeopleRarelyAgree) {
  std::vector<PreparedRecord> records;
  for (int i = 0; i < 200; ++i) {
    PersonRecord r;
    r.names.push_back({"given" + std::to_string(i % 50), "", "family" + std::to_string(i), "", ""});
    records.push_back(PrepareRecord(r));
  }
  LevelProbabilities prior{};
  LevelProbabilities u = EstimateU(records, 100000, 1, prior, 0);
  // 200 records, 4 of each given name: 3 of 199 partners agree.
  EXPECT_NEAR(u[kGivenName][kGivenExact], 3.0 / 199, 0.002);
  EXPECT_NEAR(u[kFamilyName][kFamilyExact], 0.0, 1e-9);
}

}  // namespace
}  // namespace breachscope
