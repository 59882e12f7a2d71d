#include "detect/medical/folded_text.h"

#include <array>

namespace breachscope::medical {
namespace {

// Base letters of Latin-1 U+00C0..U+00FF; '\0' marks the two symbols
// (multiplication and division signs) that separate words.
constexpr char kLatin1Base[65] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

constexpr bool IsAsciiWord(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Per byte: the folded form of an ASCII letter or digit, 0 for an ASCII
// separator, kNotAscii for a byte of a multi-byte sequence (FoldChar's
// case). One load tells the three apart; the folding loop runs over every
// byte of every unit, and its range tests were a visible part of its time.
constexpr unsigned char kNotAscii = 0xFF;
constexpr auto kByteFold = [] {
  std::array<unsigned char, 256> fold{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      fold[c] = kNotAscii;
    } else if (IsAsciiWord(static_cast<unsigned char>(c))) {
      fold[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
  }
  return fold;
}();

// One step of HashToken.
inline uint32_t HashStep(uint32_t h, unsigned char c) {
  return (h ^ c) * 16777619u;
}

// Writes the folded form of the character at text[*i] at *out (nothing
// for a separator), advancing *out past it and *i past the character.
// Returns false for a separator. A character never folds longer than it
// is written ("Æ" -> "ae", "œ" -> "oe"), so text.size() bytes hold the
// folded form of any text, one space between tokens included (a token
// after the first follows at least one separator byte that gives nothing).
bool FoldChar(std::string_view text, size_t* i, char** out) {
  unsigned char c = text[*i];
  if (c < 0x80) {
    ++*i;
    if (!IsAsciiWord(c)) return false;
    *(*out)++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    return true;
  }
  unsigned char next = *i + 1 < text.size() ? text[*i + 1] : 0;
  if (c == 0xC3 && next >= 0x80 && next <= 0xBF) {
    *i += 2;
    char base = kLatin1Base[next - 0x80];
    if (base == '\0') return false;
    *(*out)++ = base;
    if (next == 0x86 || next == 0xA6) *(*out)++ = 'e';  // Æ æ
    return true;
  }
  if (c == 0xC5 && (next == 0x92 || next == 0x93)) {  // Œ œ
    *i += 2;
    *(*out)++ = 'o';
    *(*out)++ = 'e';
    return true;
  }
  if (c == 0xC2) {  // Latin-1 symbols (nbsp, degree, micro sign): separators
    *i += next ? 2 : 1;
    return false;
  }
  *(*out)++ = static_cast<char>(c);  // other scripts: kept as letters
  ++*i;
  return true;
}

// Folds `text` into `buffer` as FoldedText joins it: tokens folded and
// separated by one space. Calls on_token(start, end, joined_start,
// joined_end, hash) for each token, offsets into `text` and `buffer`, with
// the token's HashToken worked out as its bytes are written (a second pass
// over the buffer cost as much again).
template <typename OnToken>
void FoldInto(std::string_view text, std::string* buffer, OnToken on_token) {
  buffer->resize(text.size());  // the most FoldChar can write
  char* const base = buffer->data();
  char* out = base;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char first = kByteFold[static_cast<unsigned char>(text[i])];
    // Between tokens: a separator is consumed and gives nothing.
    if (first == 0) {
      ++i;
      continue;
    }
    const size_t at = i;
    char* const before = out;
    if (out != base) *out++ = ' ';
    char* const mark = out;
    if (first != kNotAscii) {
      *out++ = static_cast<char>(first);
      ++i;
    } else if (!FoldChar(text, &i, &out)) {
      out = before;
      continue;
    }
    uint32_t hash = 2166136261u;
    for (const char* p = mark; p < out; ++p) hash = HashStep(hash, *p);
    // In a token: fold up to the separator that ends it (consumed too).
    size_t end = i;
    while (i < text.size()) {
      const unsigned char f = kByteFold[static_cast<unsigned char>(text[i])];
      if (f == 0) {  // ASCII separator
        ++i;
        break;
      }
      if (f != kNotAscii) {  // ASCII, most of any text: no call
        ++i;
        *out++ = static_cast<char>(f);
        hash = HashStep(hash, f);
      } else {
        char* const from = out;
        if (!FoldChar(text, &i, &out)) break;
        for (const char* p = from; p < out; ++p) hash = HashStep(hash, *p);
      }
      end = i;
    }
    on_token(at, end, static_cast<size_t>(mark - base),
             static_cast<size_t>(out - base), hash);
  }
  buffer->resize(static_cast<size_t>(out - base));  // shrinks in place
}

}  // namespace

void FoldedText::Reset(std::string_view text) {
  text_ = text;
  tokens_.clear();
  FoldInto(text, &joined_, [this](size_t start, size_t end, size_t jstart,
                                  size_t jend, uint32_t hash) {
    tokens_.push_back({static_cast<uint32_t>(start),
                       static_cast<uint32_t>(end),
                       static_cast<uint32_t>(jstart),
                       static_cast<uint32_t>(jend), hash});
  });
}

std::string_view FoldedText::Phrase(size_t first, size_t last) const {
  uint32_t begin = tokens_[first].joined_start;
  return std::string_view(joined_).substr(begin,
                                          tokens_[last].joined_end - begin);
}

std::string_view FoldedText::Raw(size_t i) const {
  return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
}

std::string FoldPhrase(std::string_view phrase) {
  // What Reset builds as joined_, without its token table: the history
  // analyzer folds the start of every line through here.
  std::string out;
  FoldPhrase(phrase, &out);
  return out;
}

void FoldPhrase(std::string_view phrase, std::string* out) {
  FoldInto(phrase, out, [](size_t, size_t, size_t, size_t, uint32_t) {});
}

}  // namespace breachscope::medical
