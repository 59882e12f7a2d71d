#include "store/string_id_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace breachscope::sqlite {
namespace {

TEST(StringIdCache, FindsWhatWasAddedAndNothingElse) {
  StringIdCache cache;
  EXPECT_EQ(cache.Find("name"), 0);
  cache.Add("name", 7);
  cache.Add("phone", 9);
  EXPECT_EQ(cache.Find("name"), 7);
  EXPECT_EQ(cache.Find("phone"), 9);
  EXPECT_EQ(cache.Find("nam"), 0);
  EXPECT_EQ(cache.Find("names"), 0);
  EXPECT_EQ(cache.size(), 2u);
}

// Field paths and labels of equal length that differ in one byte, across
// the 8-byte words of the hash and past many table growths.
TEST(StringIdCache, KeepsManySimilarStringsApart) {
  StringIdCache cache;
  const int n = 20'000;
  auto text = [](int i) {
    return "entry[" + std::to_string(i) + "].resource.code.coding[0].code";
  };
  for (int i = 0; i < n; ++i) cache.Add(text(i), i + 1);
  for (int i = 0; i < n; ++i) ASSERT_EQ(cache.Find(text(i)), i + 1) << i;
  EXPECT_EQ(cache.Find("entry[20000].resource.code.coding[0].code"), 0);
  EXPECT_EQ(cache.size(), static_cast<size_t>(n));
}

TEST(StringIdCache, HashSeesEveryByteAndTheLength) {
  const std::string base = "PID-3[1].1 and a tail past one word";
  for (size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] ^= 1;
    EXPECT_NE(StringIdCache::Hash(changed), StringIdCache::Hash(base)) << i;
  }
  // Zero bytes pad the last word: a shorter text must still differ.
  EXPECT_NE(StringIdCache::Hash(std::string("ab\0", 3)),
            StringIdCache::Hash("ab"));
}

TEST(StringIdCache, StartsAgainWhenFull) {
  StringIdCache cache;
  for (size_t i = 0; i < StringIdCache::kMaxEntries; ++i) {
    cache.Add("path " + std::to_string(i), static_cast<int64_t>(i) + 1);
  }
  EXPECT_EQ(cache.size(), StringIdCache::kMaxEntries);
  EXPECT_EQ(cache.Find("path 0"), 1);
  cache.Add("one more", 123456);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.Find("path 0"), 0);
  EXPECT_EQ(cache.Find("one more"), 123456);
}

TEST(StringIdCache, ClearForgetsEverything) {
  StringIdCache cache;
  cache.Add("label", 3);
  cache.Clear();
  EXPECT_EQ(cache.Find("label"), 0);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace breachscope::sqlite
