#include "detect/medical/folded_text.h"

namespace breachscope::medical {
namespace {

// Base letters of Latin-1 U+00C0..U+00FF; '\0' marks the two symbols
// (multiplication and division signs) that separate words.
constexpr char kLatin1Base[65] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

bool IsAsciiWord(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Appends the folded form of the character at text[*i] to *out (nothing for
// a separator) and advances *i past it. Returns false for a separator.
bool FoldChar(std::string_view text, size_t* i, std::string* out) {
  unsigned char c = text[*i];
  if (c < 0x80) {
    ++*i;
    if (!IsAsciiWord(c)) return false;
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
    return true;
  }
  unsigned char next = *i + 1 < text.size() ? text[*i + 1] : 0;
  if (c == 0xC3 && next >= 0x80 && next <= 0xBF) {
    *i += 2;
    char base = kLatin1Base[next - 0x80];
    if (base == '\0') return false;
    out->push_back(base);
    if (next == 0x86 || next == 0xA6) out->push_back('e');  // Æ æ
    return true;
  }
  if (c == 0xC5 && (next == 0x92 || next == 0x93)) {  // Œ œ
    *i += 2;
    out->append("oe");
    return true;
  }
  if (c == 0xC2) {  // Latin-1 symbols (nbsp, degree, micro sign): separators
    *i += next ? 2 : 1;
    return false;
  }
  out->push_back(static_cast<char>(c));  // other scripts: kept as letters
  ++*i;
  return true;
}

}  // namespace

void FoldedText::Reset(std::string_view text) {
  text_ = text;
  joined_.clear();
  tokens_.clear();
  size_t i = 0;
  while (i < text.size()) {
    // Between tokens: a separator is consumed and gives nothing.
    if (static_cast<unsigned char>(text[i]) < 0x80 && !IsAsciiWord(text[i])) {
      ++i;
      continue;
    }
    const size_t at = i;
    const size_t before = joined_.size();
    if (before > 0) joined_.push_back(' ');
    const uint32_t mark = static_cast<uint32_t>(joined_.size());
    if (!FoldChar(text, &i, &joined_)) {
      joined_.resize(before);
      continue;
    }
    // In a token: fold up to the separator that ends it (consumed too).
    Token token{static_cast<uint32_t>(at), static_cast<uint32_t>(i), mark, 0, 0};
    while (i < text.size()) {
      const unsigned char c = text[i];
      if (c < 0x80) {  // ASCII, most of any text: no call
        ++i;
        if (!IsAsciiWord(c)) break;
        joined_.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
      } else if (!FoldChar(text, &i, &joined_)) {
        break;
      }
      token.end = static_cast<uint32_t>(i);
    }
    token.joined_end = static_cast<uint32_t>(joined_.size());
    token.hash = HashToken(std::string_view(joined_).substr(mark));
    tokens_.push_back(token);
  }
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
  bool in_token = false;
  for (size_t i = 0; i < phrase.size();) {
    const size_t before = out.size();
    if (!in_token && !out.empty()) out.push_back(' ');
    if (FoldChar(phrase, &i, &out)) {
      in_token = true;
    } else {
      out.resize(before);
      in_token = false;
    }
  }
  return out;
}

}  // namespace breachscope::medical
