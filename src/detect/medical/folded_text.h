// FoldedText: a unit's text as a sequence of folded word tokens, for
// dictionary look-ups that are whole-word, case-insensitive and
// accent-insensitive.
//
// Folding lower-cases ASCII, maps Latin-1 accented letters to their base
// letter ("é" -> "e", "Œ"/"œ" -> "oe") and keeps other non-ASCII bytes as
// letters. A token is a maximal run of letters and digits; everything else
// separates tokens. The tokens are joined by single spaces, so a phrase of
// consecutive tokens is one substring of joined() and can be looked up in a
// hash table of phrases folded the same way (FoldPhrase).
//
// A FoldedText is reusable scratch: Reset() keeps buffer capacity.
#ifndef BREACHSCOPE_DETECT_MEDICAL_FOLDED_TEXT_H_
#define BREACHSCOPE_DETECT_MEDICAL_FOLDED_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace breachscope::medical {

class FoldedText {
 public:
  void Reset(std::string_view text);

  size_t size() const { return tokens_.size(); }
  // Byte range of token i in the original text.
  uint32_t Start(size_t i) const { return tokens_[i].start; }
  uint32_t End(size_t i) const { return tokens_[i].end; }
  // Tokens [first, last] joined by single spaces, folded. REQUIRES:
  // first <= last < size().
  std::string_view Phrase(size_t first, size_t last) const;
  // The original bytes of token i.
  std::string_view Raw(size_t i) const;
  // HashToken(Phrase(i, i)), worked out once here for every dictionary
  // that looks the token up.
  uint32_t Hash(size_t i) const { return tokens_[i].hash; }

 private:
  struct Token {
    uint32_t start, end;           // in the original text
    uint32_t joined_start, joined_end;  // in joined_
    uint32_t hash;                 // HashToken of the folded token
  };
  std::string_view text_;
  std::string joined_;
  std::vector<Token> tokens_;
};

// FNV-1a of a folded token: cheap on short words, and any spread will do
// for the PhraseDictionary's filter of first words.
inline uint32_t HashToken(std::string_view token) {
  uint32_t h = 2166136261u;
  for (unsigned char c : token) h = (h ^ c) * 16777619u;
  return h;
}

// `phrase` folded and tokenised like FoldedText, tokens joined by one space:
// "Alzheimer's  Disease" -> "alzheimer s disease".
std::string FoldPhrase(std::string_view phrase);
// The same into `out`, which keeps its capacity: for callers that fold
// many phrases one after the other.
void FoldPhrase(std::string_view phrase, std::string* out);

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_FOLDED_TEXT_H_
