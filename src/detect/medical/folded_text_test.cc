// FoldedText and FoldPhrase: tokens, folding, and FoldPhrase equal to the
// joined tokens of FoldedText on any text.
#include "detect/medical/folded_text.h"

#include <gtest/gtest.h>

#include <cctype>
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

// The folding rules applied one character at a time, the plain way:
// FoldedText must give these tokens whatever shortcuts it takes.
struct ModelToken {
  std::string folded;
  uint32_t start, end;
};

std::vector<ModelToken> ModelTokens(std::string_view text) {
  static const std::string kBase =
      std::string("aaaaaaaceeeeiiiidnooooo\0ouuuuyts", 32) +
      std::string("aaaaaaaceeeeiiiidnooooo\0ouuuuyty", 32);
  std::vector<ModelToken> tokens;
  bool in_token = false;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = static_cast<unsigned char>(
        i + 1 < text.size() ? text[i + 1] : 0);
    std::string folded;  // empty: a separator
    size_t len = 1;
    if (c < 0x80) {
      if (std::isalnum(c)) folded = static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && next >= 0x80 && next <= 0xBF) {
      len = 2;
      if (kBase[next - 0x80] != '\0') folded = kBase[next - 0x80];
      if (next == 0x86 || next == 0xA6) folded += 'e';
    } else if (c == 0xC5 && (next == 0x92 || next == 0x93)) {
      len = 2;
      folded = "oe";
    } else if (c == 0xC2) {
      len = next != 0 ? 2 : 1;
    } else {
      folded = static_cast<char>(c);
    }
    if (folded.empty()) {
      in_token = false;
    } else {
      if (!in_token) tokens.push_back({"", static_cast<uint32_t>(i), 0});
      tokens.back().folded += folded;
      tokens.back().end = static_cast<uint32_t>(i + len);
      in_token = true;
    }
    i += len;
  }
  return tokens;
}

void ExpectModelTokens(std::string_view text, const FoldedText& t) {
  const std::vector<ModelToken> want = ModelTokens(text);
  ASSERT_EQ(t.size(), want.size()) << text;
  for (size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(t.Phrase(k, k), want[k].folded) << text;
    EXPECT_EQ(t.Start(k), want[k].start) << text;
    EXPECT_EQ(t.End(k), want[k].end) << text;
    EXPECT_EQ(t.Hash(k), HashToken(want[k].folded)) << text;
  }
}

TEST(FoldedTextTest, TokensAreTheModelsOnAnyBytes) {
  const std::vector<std::string> pieces = {
      "a", "Z", "0", "9", " ", "-", "_", "\t", "\n", std::string(1, '\0'),
      "\x7F", "\xC3\x89", "\xC3\xA6", "\xC3\x97", "\xC3\xB7", "\xC3\xBF",
      "\xC3\x9F", "\xC5\x92", "\xC5\x93", "\xC5", "\xC2\xA0", "\xC2",
      "\xC3", "\xE2\x80\x99", "\xD0\x96", "\x80", "\xFF", "Diabetes"};
  std::mt19937 rng(5);
  FoldedText t;  // reused, as the engine's cache reuses it
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    t.Reset(text);
    ExpectModelTokens(text, t);
  }
  // Every byte value, alone and between letters.
  for (int c = 0; c < 256; ++c) {
    const std::string one(1, static_cast<char>(c));
    t.Reset(one);
    ExpectModelTokens(one, t);
    const std::string mid = "ab" + one + "Cd";
    t.Reset(mid);
    ExpectModelTokens(mid, t);
  }
}

}  // namespace
}  // namespace breachscope::medical
