// Tokens of free text for the dictionary analyzers (names, addresses).
//
// A unit is tokenised once (the engine's UnitCache shares one TokenizedText
// among all free-text analyzers); every analyzer then works on tokens and
// looks words up in hash sets by their folded form (lower case, Latin-1
// accents removed: "Côté" -> "cote"), so no regular expression runs per
// token. The folded forms of a unit's tokens sit back to back in one buffer
// and each token views its own: tokenising allocates nothing per token.
#ifndef BREACHSCOPE_DETECT_TEXT_TEXT_TOKENS_H_
#define BREACHSCOPE_DETECT_TEXT_TEXT_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/text_unit.h"
#include "detect/unit_analyzer.h"

namespace breachscope::text {

enum class TokenKind : uint8_t {
  kWord,    // letters, with inner hyphens and apostrophes: O'Brien, Côté-Tremblay
  kNumber,  // ASCII digits only
  kMixed,   // letters and digits: S4P, 3Y2, 21st, 4B
  kPunct,   // any other single character (UTF-8 sequence)
};

struct Token {
  uint32_t start = 0;       // byte offsets into the unit text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool capitalised = false;  // first letter upper case
  bool all_caps = false;     // has letters, none lower case
  bool space_before = false; // whitespace between this and the previous token
  uint8_t newlines_before = 0;  // line breaks since the previous token (max 255)
  // FoldLower(text) for words, numbers and mixed tokens; empty for
  // punctuation. Views the TokenizedText's buffer: valid until that is
  // tokenised again or destroyed.
  std::string_view folded;
};

// A unit's tokens and the buffer their folded forms view. Reusable: keeps
// its capacity from unit to unit. Copying or moving it would leave the
// copy's tokens viewing the original's buffer, so it is neither.
struct TokenizedText {
  TokenizedText() = default;
  TokenizedText(const TokenizedText&) = delete;
  TokenizedText& operator=(const TokenizedText&) = delete;

  std::vector<Token> tokens;
  std::string folded;  // every token's folded form, in token order
};

// Lower case with Latin-1 accents folded to their base letter ("É" -> "e",
// "ç" -> "c", "ß" -> "ss", "œ" -> "oe"); other bytes are copied as is.
std::string FoldLower(std::string_view s);

// Splits `text` into tokens and folds each word. Spaces are not tokens;
// `out` is cleared first.
void Tokenize(std::string_view text, TokenizedText* out);

// Title Case for a name token written in capitals ("O'BRIEN" -> "O'Brien",
// "CÔTÉ-TREMBLAY" -> "Côté-Tremblay", "MCDONALD" -> "McDonald"). Tokens
// already in mixed case are returned unchanged: their writer chose.
std::string TitleCaseName(std::string_view token);

// Per-thread token buffer of a free-text analyzer, used only when no
// UnitCache tokenised the unit for it (an analyzer called directly, as in
// unit tests); reused unit after unit.
class TokenScratch final : public AnalyzerScratch {
 public:
  TokenizedText tokens;
};

// Whether the free-text analyzers read `unit`: free text, or a cell or
// field of at least 4 whitespace-separated words. A cheap byte scan, so
// the many short cells of a table cost almost nothing.
bool IsFreeTextUnit(const TextUnit& unit);

// Number of word tokens (kWord or kMixed).
int CountWords(const std::vector<Token>& tokens);

// Appends `word` to a multi-word look-up key, after one space unless the
// key is empty (lexicon.h joins the words of its keys so).
inline void AppendWord(std::string* key, std::string_view word) {
  if (!key->empty()) key->push_back(' ');
  key->append(word);
}

// a == b, turning most words away on their length and first byte before
// comparing the rest: the analyzers test tokens against lists of words,
// many of a token's length, and a call to compare each was a visible part
// of the name analyzer's time.
inline bool SameWord(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || a[0] == b[0]) && a == b;
}

// The token's text.
inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

// True for a punctuation token equal to `c`.
inline bool IsPunct(std::string_view text, const Token& t, char c) {
  return t.kind == TokenKind::kPunct && t.end == t.start + 1 &&
         text[t.start] == c;
}

}  // namespace breachscope::text

#endif  // BREACHSCOPE_DETECT_TEXT_TEXT_TOKENS_H_
