#include "resolve/string_similarity.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(JaroWinklerTest, ReferenceValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.840, 0.001);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_DOUBLE_EQ(JaroWinkler("same", "same"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", "abc"), 0.0);
}

TEST(EditDistanceTest, CountsTranspositionAsOne) {
  EXPECT_EQ(EditDistance("1978", "1987"), 1);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("same", "same"), 0);
}

TEST(EditDistanceTest, StopsAtTheLimit) {
  EXPECT_EQ(EditDistance("abcdefgh", "zyxwvuts", 2), 3);
  EXPECT_EQ(EditDistance("a", "abcdefgh", 1), 2);
}

}  // namespace
}  // namespace breachscope
