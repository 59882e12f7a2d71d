#include "detect/distinct_sample.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>

namespace breachscope {
namespace {

uint64_t HashOf(int i) { return std::hash<std::string>{}(std::to_string(i)); }

TEST(DistinctSampleTest, ExactWhileItFits) {
  DistinctSample<int> sample(100);
  for (int i = 0; i < 80; ++i) sample.Insert(HashOf(i % 40), i);
  EXPECT_TRUE(sample.exact());
  EXPECT_EQ(sample.count(), 40u);
  // A value seen again keeps its first payload.
  EXPECT_EQ(sample.entries().at(HashOf(3)), 3);
}

TEST(DistinctSampleTest, PastCapacityItEstimatesAndStaysBounded) {
  DistinctSample<> sample(1024);
  for (int i = 0; i < 200000; ++i) sample.Insert(HashOf(i));
  EXPECT_FALSE(sample.exact());
  EXPECT_EQ(sample.kept(), 1024u);
  EXPECT_GT(sample.count(), 180000u);  // k = 1024: about 3% standard error
  EXPECT_LT(sample.count(), 220000u);
}

TEST(DistinctSampleTest, WhatItHoldsDoesNotDependOnOrder) {
  DistinctSample<> forward(256), backward(256);
  for (int i = 0; i < 5000; ++i) forward.Insert(HashOf(i));
  for (int i = 4999; i >= 0; --i) backward.Insert(HashOf(i));
  EXPECT_EQ(forward.entries(), backward.entries());
  EXPECT_EQ(forward.count(), backward.count());
}

TEST(DistinctSampleTest, MergeIsTheUnionAtTheLowerThreshold) {
  DistinctSample<> a(512), b(512), both(512);
  for (int i = 0; i < 3000; ++i) a.Insert(HashOf(i)), both.Insert(HashOf(i));
  for (int i = 2000; i < 9000; ++i) b.Insert(HashOf(i)), both.Insert(HashOf(i));
  a.Merge(b);
  EXPECT_EQ(a.entries(), both.entries());
  EXPECT_EQ(a.count(), both.count());
  DistinctSample<> small(512);
  for (int i = 0; i < 10; ++i) small.Insert(HashOf(i));
  small.Merge(b);  // exact with sampled: the sample's threshold applies
  EXPECT_FALSE(small.exact());
  for (const auto& entry : small.entries()) {
    EXPECT_LE(entry.first, std::prev(b.entries().end())->first);
  }
}

TEST(DistinctSampleTest, FilterKeepsTheThreshold) {
  DistinctSample<int> sample(1000);
  for (int i = 0; i < 50000; ++i) sample.Insert(HashOf(i), i % 4);
  DistinctSample<int> quarter = sample.Filter([](int p) { return p == 0; });
  EXPECT_FALSE(quarter.exact());
  EXPECT_GT(quarter.count(), 10000u);
  EXPECT_LT(quarter.count(), 15000u);
  EXPECT_EQ(quarter.Hashes().count(), quarter.count());
}

}  // namespace
}  // namespace breachscope
