#include "resolve/nysiis.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(NysiisTest, KnownCodes) {
  // Reference codes of the original algorithm (max length 6).
  struct Case {
    const char* name;
    const char* code;
  } cases[] = {
      {"macintosh", "MCANT"}, {"knuth", "NAT"},    {"knight", "NAGT"},  {"schmidt", "SNAD"},
      {"phillipson", "FALAPS"}, {"smith", "SNAT"}, {"smyth", "SNYT"},  {"brown", "BRAN"},
      {"browne", "BRAN"},     {"jones", "JAN"},    {"johnson", "JANSAN"}, {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Nysiis(c.name), c.code) << c.name;
}

TEST(NysiisTest, SoundAlikesShareACode) {
  EXPECT_EQ(Nysiis("knight"), Nysiis("night"));
  EXPECT_EQ(Nysiis("thompson"), Nysiis("tompson"));
  EXPECT_NE(Nysiis("smith"), Nysiis("jones"));
}

TEST(NysiisTest, IgnoresNonLettersAndHonoursMaxLength) {
  EXPECT_EQ(Nysiis("o'brien"), Nysiis("obrien"));
  EXPECT_EQ(Nysiis("phillipson", 0), "FALAPSAN");
}

}  // namespace
}  // namespace breachscope
