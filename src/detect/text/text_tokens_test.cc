// Tokenize: token boundaries, kinds and case flags, and folded forms that
// view one per-unit buffer yet equal FoldLower of each token's text.
#include "detect/text/text_tokens.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
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

// Tokenize's rules read one code point at a time, the plain way, with
// FoldLower for the folded forms: Tokenize must give exactly these tokens
// whatever shortcuts it takes (the name, address and location analyzers
// rely on every field).
uint32_t ModelCodePoint(std::string_view text, size_t at, size_t* len) {
  const auto lead = static_cast<unsigned char>(text[at]);
  size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  *len = std::min(n, text.size() - at);
  if (*len == 1) return lead;
  // A sequence cut by the end of the text decodes as one of its length.
  uint32_t cp = lead & (0xFFu >> (*len + 1));
  for (size_t k = 1; k < *len; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3Fu);
  }
  return cp;
}

bool ModelSpace(uint32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 ||
         cp == 0x202F || cp == 0x2009 || cp == 0x2007 || cp == 0x3000;
}

bool ModelLetter(uint32_t cp) {
  if (cp < 0x80) return std::isalpha(static_cast<int>(cp)) != 0;
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) return false;
  return !(cp >= 0x2000 && cp < 0x2C00) && !(cp >= 0x3000 && cp < 0x3040);
}

bool ModelUpper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x139 && cp < 0x149) return cp % 2 == 1;
  if (cp >= 0x100 && cp < 0x180) return cp % 2 == 0;
  return false;
}

std::vector<Token> ModelTokens(std::string_view text,
                               std::vector<std::string>* folded) {
  std::vector<Token> tokens;
  folded->clear();
  bool space = false;
  int newlines = 0;
  size_t len = 0, next_len = 0;
  for (size_t at = 0; at < text.size();) {
    const uint32_t cp = ModelCodePoint(text, at, &len);
    if (ModelSpace(cp)) {
      space = true;
      newlines += cp == '\n';
      at += len;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(at);
    t.space_before = space;
    t.newlines_before = static_cast<uint8_t>(std::min(newlines, 255));
    space = false;
    newlines = 0;
    at += len;
    const bool digit = cp >= '0' && cp <= '9';
    if (!ModelLetter(cp) && !digit) {
      t.end = static_cast<uint32_t>(at);
      tokens.push_back(t);
      folded->emplace_back();
      continue;
    }
    t.capitalised = ModelUpper(cp);
    bool letters = ModelLetter(cp), digits = digit,
         lower = letters && !ModelUpper(cp);
    while (at < text.size()) {
      const uint32_t c = ModelCodePoint(text, at, &len);
      if (ModelLetter(c)) {
        letters = true;
        lower = lower || !ModelUpper(c);
      } else if (c >= '0' && c <= '9') {
        digits = true;
      } else if (!((c == '-' || c == '\'' || c == 0x2019) && letters &&
                   at + len < text.size() &&
                   ModelLetter(ModelCodePoint(text, at + len, &next_len)))) {
        break;
      }
      at += len;
    }
    t.end = static_cast<uint32_t>(at);
    t.kind = letters ? (digits ? TokenKind::kMixed : TokenKind::kWord)
                     : TokenKind::kNumber;
    t.all_caps = letters && !lower;
    tokens.push_back(t);
    folded->push_back(FoldLower(TokenText(text, t)));
  }
  return tokens;
}

void ExpectModelTokens(std::string_view text, const TokenizedText& tt) {
  std::vector<std::string> folded;
  const std::vector<Token> want = ModelTokens(text, &folded);
  ASSERT_EQ(tt.tokens.size(), want.size()) << text;
  for (size_t k = 0; k < want.size(); ++k) {
    const Token& got = tt.tokens[k];
    EXPECT_EQ(got.start, want[k].start) << text << " token " << k;
    EXPECT_EQ(got.end, want[k].end) << text << " token " << k;
    EXPECT_EQ(got.kind, want[k].kind) << text << " token " << k;
    EXPECT_EQ(got.capitalised, want[k].capitalised) << text << " token " << k;
    EXPECT_EQ(got.all_caps, want[k].all_caps) << text << " token " << k;
    EXPECT_EQ(got.space_before, want[k].space_before) << text << " token " << k;
    EXPECT_EQ(got.newlines_before, want[k].newlines_before) << text;
    EXPECT_EQ(got.folded, folded[k]) << text << " token " << k;
  }
}

TEST(TokenizeTest, TokensAreTheModelsOnAnyBytes) {
  // ASCII of every class, Latin-1 and Latin Extended-A letters of both
  // cases, spaces and joiners beyond ASCII, overlong forms of ASCII
  // ("\xC0\xAD" is '-', "\xC0\x8A" a line break, "\xC1\x81" 'A',
  // "\xC0\xB0" '0'), broken and cut sequences, other scripts.
  const std::vector<std::string> pieces = {
      "a", "Z", "7", " ", "\n", "\t", "\r", "-", "'", ".", "_", "@",
      std::string(1, '\0'), "\x7F", "\xC3\x89", "\xC3\xA9", "\xC3\x9F",
      "\xC3\x97", "\xC2\xAA", "\xC2\xA0", "\xC4\x80", "\xC4\x81",
      "\xC4\xB9", "\xC5\x92", "\xC5\x93", "\xE2\x80\x99", "\xE2\x80\x94",
      "\xE2\x80\xAF", "\xE3\x80\x80", "\xC0\xAD", "\xC0\x8A", "\xC1\x81",
      "\xC0\xB0", "\xC3", "\xE2\x80", "\x80", "\xBF", "\xFF", "\xD0\x96",
      "\xF0\x9F\x98\x80", "\xEF\xBF\xBD", "Smith", "O'Brien", "x-ray"};
  std::mt19937 rng(13);
  TokenizedText tt;  // reused across texts, as a scratch is
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    Tokenize(text, &tt);
    ExpectModelTokens(text, tt);
  }
  // Every byte value alone, between letters and after a letter and a joiner.
  for (int c = 0; c < 256; ++c) {
    const std::string one(1, static_cast<char>(c));
    for (const std::string& text : {one, "ab" + one + "Cd", "A-" + one}) {
      Tokenize(text, &tt);
      ExpectModelTokens(text, tt);
    }
  }
  const std::string many_lines(300, '\n');
  Tokenize(many_lines + "x", &tt);
  ExpectModelTokens(many_lines + "x", tt);
}

}  // namespace
}  // namespace breachscope::text
