// NextOfEither: the first of two bytes at or after rising positions, as a
// plain byte-by-byte search finds it.
#include "detect/medical/analyzer_util.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace breachscope::medical {
namespace {

size_t PlainFirstOf(std::string_view s, size_t from, char a, char b) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == a || s[i] == b) return i;
  }
  return std::string_view::npos;
}

TEST(NextOfEitherTest, IsThePlainSearch) {
  const std::string bytes = "([)]x ";
  std::mt19937 rng(9);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 50);
    for (int i = 0; i < n; ++i) s += bytes[rng() % bytes.size()];
    NextOfEither next(s, '(', '[');
    // Rising positions, with repeats and jumps past the end.
    for (size_t from = 0; from <= s.size() + 2; from += rng() % 3) {
      ASSERT_EQ(next.From(from), PlainFirstOf(s, from, '(', '[')) << s;
    }
  }
}

TEST(NextOfEitherTest, EmptyAndAbsent) {
  NextOfEither none("", '(', '[');
  EXPECT_EQ(none.From(0), std::string_view::npos);
  NextOfEither absent("no brackets here", '(', '[');
  EXPECT_EQ(absent.From(0), std::string_view::npos);
  NextOfEither both("a[b(c", '(', '[');
  EXPECT_EQ(both.From(0), 1u);
  EXPECT_EQ(both.From(2), 3u);
  EXPECT_EQ(both.From(4), std::string_view::npos);
}

}  // namespace
}  // namespace breachscope::medical
