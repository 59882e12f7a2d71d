// FoldedText and FoldPhrase: tokens, folding, and FoldPhrase equal to the
// joined tokens of FoldedText on any text.
#include "detect/medical/folded_text.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace breachscope::medical {
namespace {

TEST(FoldedTextTest, TokensAndPhrases) {
  FoldedText t;
  t.Reset("  Alzheimer\xE2\x80\x99s-type  D\xC3\x89MENCE \xC5\x93" "dema\xC2\xB0" "5 \xC3\x97 x");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t.Phrase(0, 0), "alzheimer\xE2\x80\x99s");  // other scripts kept
  EXPECT_EQ(t.Phrase(1, 2), "type demence");
  EXPECT_EQ(t.Phrase(3, 3), "oedema");
  EXPECT_EQ(t.Phrase(4, 5), "5 x");  // degree and times signs separate
  EXPECT_EQ(t.Raw(2), "D\xC3\x89MENCE");
  EXPECT_EQ(FoldPhrase("Alzheimer's  Disease"), "alzheimer s disease");
  EXPECT_EQ(FoldPhrase(" -- "), "");
}

TEST(FoldedTextTest, FoldPhraseIsTheJoinedTokens) {
  const std::vector<std::string> pieces = {
      "a", "Q", "9", " ", "-", "'", ":", "\n", "\xC3\x89", "\xC3\x86",
      "\xC3\x97", "\xC3\x9F", "\xC5\x92", "\xC5\x93", "\xC2\xA0", "\xC2",
      "\xC3", "\xE2\x80\x99", "\xD0\x96", "\x80"};
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    FoldedText t;
    t.Reset(text);
    const std::string want =
        t.size() == 0 ? std::string() : std::string(t.Phrase(0, t.size() - 1));
    EXPECT_EQ(FoldPhrase(text), want);
    // Tokens are the maximal runs that fold to a word: each token's bytes
    // fold to its phrase, and what lies between tokens folds to nothing.
    uint32_t gap_start = 0;
    for (size_t k = 0; k < t.size(); ++k) {
      EXPECT_EQ(FoldPhrase(t.Raw(k)), t.Phrase(k, k)) << text;
      EXPECT_EQ(t.Phrase(k, k).find(' '), std::string_view::npos) << text;
      EXPECT_EQ(t.Hash(k), HashToken(t.Phrase(k, k))) << text;
      ASSERT_GE(t.Start(k), gap_start);
      if (k > 0) EXPECT_GT(t.Start(k), gap_start) << text;
      EXPECT_EQ(FoldPhrase(std::string_view(text).substr(
                    gap_start, t.Start(k) - gap_start)),
                "")
          << text;
      gap_start = t.End(k);
    }
    EXPECT_EQ(FoldPhrase(std::string_view(text).substr(gap_start)), "") << text;
  }
}

}  // namespace
}  // namespace breachscope::medical
