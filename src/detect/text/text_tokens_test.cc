// Tokenize: token boundaries, kinds and case flags, and folded forms that
// view one per-unit buffer yet equal FoldLower of each token's text.
#include "detect/text/text_tokens.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace breachscope::text {
namespace {

// Every token's folded form is FoldLower of its text (empty for
// punctuation) and lies inside the buffer of `tt`.
void ExpectFoldedConsistent(std::string_view text, const TokenizedText& tt) {
  for (const Token& t : tt.tokens) {
    std::string want = t.kind == TokenKind::kPunct
                           ? std::string()
                           : FoldLower(TokenText(text, t));
    EXPECT_EQ(t.folded, want) << "token at " << t.start;
    if (!t.folded.empty()) {
      EXPECT_GE(t.folded.data(), tt.folded.data());
      EXPECT_LE(t.folded.data() + t.folded.size(),
                tt.folded.data() + tt.folded.size());
    }
  }
}

TEST(TokenizeTest, KindsCaseAndFolding) {
  const std::string text =
      "Mme CÔTÉ-TREMBLAY, O\xE2\x80\x99" "Brien's 21st S4P 3Y2\n\n  apt 4B\xC2\xA0Stra\xC3\x9F" "e!";
  TokenizedText tt;
  Tokenize(text, &tt);
  std::vector<std::string> folded;
  std::vector<TokenKind> kinds;
  for (const Token& t : tt.tokens) {
    folded.emplace_back(t.folded);
    kinds.push_back(t.kind);
  }
  EXPECT_EQ(folded, (std::vector<std::string>{
                        "mme", "cote-tremblay", "", "o'brien's", "21st", "s4p",
                        "3y2", "apt", "4b", "strasse", ""}));
  EXPECT_EQ(kinds[0], TokenKind::kWord);
  EXPECT_EQ(kinds[2], TokenKind::kPunct);
  EXPECT_EQ(kinds[4], TokenKind::kMixed);
  EXPECT_EQ(kinds[6], TokenKind::kMixed);
  const std::vector<Token>& t = tt.tokens;
  EXPECT_TRUE(t[0].capitalised);
  EXPECT_FALSE(t[0].all_caps);
  EXPECT_TRUE(t[1].capitalised && t[1].all_caps);
  EXPECT_FALSE(t[2].space_before);  // the comma
  EXPECT_TRUE(t[3].space_before);
  EXPECT_EQ(t[7].newlines_before, 2);  // "apt" after a blank line
  EXPECT_TRUE(t[9].space_before);      // no-break space
  EXPECT_EQ(TokenText(text, t[3]), "O\xE2\x80\x99" "Brien's");
  ExpectFoldedConsistent(text, tt);
}

TEST(TokenizeTest, NumbersAndPunctuation) {
  TokenizedText tt;
  Tokenize("12-34 ab- -cd", &tt);
  std::vector<std::string> folded;
  for (const Token& t : tt.tokens) folded.emplace_back(t.folded);
  // A hyphen joins only between a letter and a letter.
  EXPECT_EQ(folded, (std::vector<std::string>{"12", "", "34", "ab", "", "", "cd"}));
  EXPECT_EQ(tt.tokens[0].kind, TokenKind::kNumber);
}

TEST(TokenizeTest, ReuseKeepsNoStaleTokens) {
  TokenizedText tt;
  Tokenize("Alpha Beta Gamma Delta", &tt);
  Tokenize("Zed", &tt);
  ASSERT_EQ(tt.tokens.size(), 1u);
  EXPECT_EQ(tt.tokens[0].folded, "zed");
  Tokenize("", &tt);
  EXPECT_TRUE(tt.tokens.empty());
}

// A Latin-1 lead byte cut off at the end folds longer than it is written
// ("\xDF" alone is the code point of "ß": "ss"); the views stay right.
TEST(TokenizeTest, CutSequenceAtTheEnd) {
  for (std::string text : {std::string("ab\xDF"), std::string("\xDE"),
                           std::string("x \xC6"), std::string("y\xE2\x80")}) {
    TokenizedText tt;
    Tokenize(text, &tt);
    ExpectFoldedConsistent(text, tt);
  }
}

// Random bytes, mostly ASCII with accents, quotes and broken sequences:
// every token folds as FoldLower folds its text.
TEST(TokenizeTest, RandomTextFoldsLikeFoldLower) {
  const std::vector<std::string> pieces = {
      "a", "Z", "7", " ", "\n", "-", "'", ".", ",", "\xC3\x89", "\xC3\xA9",
      "\xC3\x9F", "\xC3\x9E", "\xC3\x86", "\xC5\x92", "\xE2\x80\x99",
      "\xE2\x80\x94", "\xC2\xA0", "\xC3", "\x80", "\xFF", "\xC1\x81",
      "\xD0\x96", "\xE3\x80\x80", "\xF0\x9F\x98\x80"};
  std::mt19937 rng(7);
  TokenizedText tt;  // reused across texts, as a scratch is
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    Tokenize(text, &tt);
    ExpectFoldedConsistent(text, tt);
    // Tokens cover the text in order without overlap.
    uint32_t at = 0;
    for (const Token& t : tt.tokens) {
      EXPECT_GE(t.start, at);
      EXPECT_GT(t.end, t.start);
      at = t.end;
    }
    EXPECT_LE(at, text.size());
  }
}

}  // namespace
}  // namespace breachscope::text
