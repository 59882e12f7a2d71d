#include "detect/text/text_tokens.h"

#include <algorithm>
#include <array>

namespace breachscope::text {
namespace {

// Folded forms of U+00C0..U+00FF (second byte 0x80..0xBF after 0xC3),
// upper and lower case share one row of 32: "" keeps the original bytes.
constexpr const char* kLatin1Fold[32] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss"};

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes).
inline int SeqLen(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Code point of the sequence at text[i..i+len), or 0xFFFD when cut short.
inline uint32_t CodePoint(std::string_view text, size_t i, int len) {
  if (i + len > text.size()) return 0xFFFD;
  auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  switch (len) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    case 3: return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    default:
      return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) |
             ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
  }
}

// The code point at text[at] and its length in bytes (cut at the end of
// `text`). ASCII, nearly every byte of real text, takes the first branch.
inline uint32_t PeekAt(std::string_view text, size_t at, int* len) {
  const unsigned char c = text[at];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  *len = std::min<int>(SeqLen(c), static_cast<int>(text.size() - at));
  return CodePoint(text, at, *len);
}

// The folded form of a non-ASCII sequence with code point `cp`, or nullptr
// when the sequence is kept as it is.
inline const char* FoldOf(uint32_t cp) {
  const char* fold = nullptr;
  if (cp >= 0xC0 && cp <= 0xFF) fold = kLatin1Fold[cp & 0x1F];
  if (cp == 0xFF) fold = "y";
  if (cp == 0x152 || cp == 0x153) fold = "oe";
  if (cp == 0x2019) fold = "'";
  return fold != nullptr && *fold != '\0' ? fold : nullptr;
}

// Writes the folded form of the sequence text[at, at + len) with code
// point `cp` at `out` and returns the end of what it wrote. FoldLower and
// Tokenize both fold through here, so a token's folded form is FoldLower
// of its text by construction. The form is never longer than the
// sequence, except a lead byte cut off at the end of the text that reads
// as a Latin-1 letter folding to two ("\xDF" alone: "ss"), one byte more;
// so text.size() + 1 bytes always hold the folded forms of a whole text.
inline char* WriteFolded(std::string_view text, size_t at, int len,
                         uint32_t cp, char* out) {
  const unsigned char c = text[at];
  if (c < 0x80) {  // by the lead byte: an overlong sequence is kept as is
    *out++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32)
                                  : static_cast<char>(c);
  } else if (const char* fold = FoldOf(cp)) {
    while (*fold != '\0') *out++ = *fold++;
  } else {
    out = std::copy_n(text.data() + at, len, out);
  }
  return out;
}

constexpr bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 ||
         cp == 0x2007 || cp == 0x3000;
}

inline bool IsDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

// Letters: ASCII, Latin-1 letters, and every code point from U+0100 up
// except general punctuation, symbols and spaces (names in other scripts
// are kept whole rather than split).
inline bool IsLetter(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp < 0x2C00) return false;  // punctuation, symbols
  if (cp >= 0x3000 && cp < 0x3040) return false;
  return cp != 0xFFFD;
}

inline bool IsUpper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  // Latin Extended-A alternates capital/small; capitals are mostly even.
  if (cp >= 0x100 && cp < 0x180) return (cp & 1) == ((cp >= 0x139 && cp < 0x149) ? 1 : 0);
  return false;
}

inline bool IsLower(uint32_t cp) { return IsLetter(cp) && !IsUpper(cp); }

inline bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

}  // namespace

std::string FoldLower(std::string_view s) {
  std::string out(s.size() + 1, '\0');  // the most WriteFolded can write
  char* end = out.data();
  for (size_t i = 0; i < s.size();) {
    int len;
    const uint32_t cp = PeekAt(s, i, &len);
    end = WriteFolded(s, i, len, cp, end);
    i += len;
  }
  out.resize(static_cast<size_t>(end - out.data()));
  return out;
}

namespace {

// What Tokenize needs to know of a byte, in one load: nearly every byte
// of real text is ASCII, and the general code-point tests (PeekAt,
// IsSpace, IsLetter) on each one were most of Tokenize's time on logs and
// code. kLetter is 0x20 so that `c | (info & kLetter)` lower-cases an
// ASCII letter and leaves a digit as it is.
enum ByteInfo : uint8_t {
  kDigit = 0x01,
  kLowerCase = 0x02,
  kSpaceByte = 0x04,
  kNewline = 0x08,
  kNotAscii = 0x10,  // a byte of a multi-byte sequence: the general path
  kLetter = 0x20,
};
constexpr auto kByteInfo = [] {
  std::array<uint8_t, 256> info{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      info[c] = kNotAscii;
    } else if (c >= '0' && c <= '9') {
      info[c] = kDigit;
    } else if (c >= 'a' && c <= 'z') {
      info[c] = kLetter | kLowerCase;
    } else if (c >= 'A' && c <= 'Z') {
      info[c] = kLetter;
    } else if (IsSpace(static_cast<uint32_t>(c))) {
      info[c] = c == '\n' ? kSpaceByte | kNewline : kSpaceByte;
    }
  }
  return info;
}();

struct Scanner {
  std::string_view text;
  char* folded;  // where the next folded byte goes
  size_t pos = 0;

  // Extends a word or number from `pos`; sets the token's end, kind and
  // case and writes its folded form (inner joiners included) at `folded`.
  // ASCII letters and digits take the first branch; every other byte the
  // general one (ScanOther).
  void ScanWordish(Token* t) {
    uint8_t seen = 0;  // kDigit, kLetter, kLowerCase of what was read
    const char* const p = text.data();
    while (pos < text.size()) {
      const auto c = static_cast<unsigned char>(p[pos]);
      const uint8_t info = kByteInfo[c];
      if (info & (kDigit | kLetter)) {
        seen |= info;
        *folded++ = static_cast<char>(c | (info & kLetter));
        ++pos;
        continue;
      }
      if (info & kNotAscii) {
        if (!ScanOther(&seen)) break;
        continue;
      }
      // Inner hyphen or apostrophe between letters joins: O'Brien, Côté-Roy.
      if ((c == '-' || c == '\'') && (seen & kLetter) &&
          pos + 1 < text.size() && LetterAt(pos + 1)) {
        *folded++ = static_cast<char>(c);
        ++pos;
        continue;
      }
      break;
    }
    t->end = static_cast<uint32_t>(pos);
    const bool letters = (seen & kLetter) != 0;
    t->kind = letters ? ((seen & kDigit) ? TokenKind::kMixed : TokenKind::kWord)
                      : TokenKind::kNumber;
    t->all_caps = letters && (seen & kLowerCase) == 0;
  }

  // Reads the character at `pos`, a byte >= 0x80, as part of a word when
  // it is one (a letter, a digit written overlong, or a joiner between
  // letters), folding it and adding what it is to `seen`. False when it
  // ends the word, with nothing read.
  bool ScanOther(uint8_t* seen) {
    int len;
    const uint32_t cp = PeekAt(text, pos, &len);
    if (IsLetter(cp)) {
      *seen |= IsLower(cp) ? kLetter | kLowerCase : kLetter;
    } else if (IsDigit(cp)) {
      *seen |= kDigit;
    } else if ((cp == '-' || IsApostrophe(cp)) && (*seen & kLetter) &&
               pos + len < text.size() && LetterAt(pos + len)) {
      // an inner joiner, as in ScanWordish
    } else {
      return false;
    }
    folded = WriteFolded(text, pos, len, cp, folded);
    pos += len;
    return true;
  }

  // True when the character at text[at] is a letter.
  bool LetterAt(size_t at) const {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) return (kByteInfo[c] & kLetter) != 0;
    int len;
    return IsLetter(PeekAt(text, at, &len));
  }
};

}  // namespace

void Tokenize(std::string_view text, TokenizedText* out) {
  std::vector<Token>& tokens = out->tokens;
  std::string& folded = out->folded;
  tokens.clear();
  folded.clear();
  // Sized once for the most folding can give (WriteFolded), so the
  // buffer never moves while the views into it are made.
  folded.resize(text.size() + 1);
  char* const base = folded.data();
  Scanner s{text, base};
  bool space = false;
  int newlines = 0;
  while (s.pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[s.pos]);
    const uint8_t info = kByteInfo[c];
    if (info & kSpaceByte) {
      space = true;
      newlines += (info & kNewline) != 0;
      ++s.pos;
      continue;
    }
    int len = 1;
    uint32_t cp = c;
    if (info & kNotAscii) {
      cp = PeekAt(text, s.pos, &len);
      if (IsSpace(cp)) {
        space = true;
        if (cp == '\n') ++newlines;
        s.pos += len;
        continue;
      }
    }
    // Built in place: a Token assembled field by field on the stack and
    // then copied stalled on store forwarding (a third of Tokenize's time).
    Token& t = tokens.emplace_back();
    t.start = static_cast<uint32_t>(s.pos);
    t.space_before = space;
    t.newlines_before = static_cast<uint8_t>(std::min(newlines, 255));
    if ((info & (kDigit | kLetter)) ||
        ((info & kNotAscii) && (IsLetter(cp) || IsDigit(cp)))) {
      t.capitalised = IsUpper(cp);  // of the first letter, if it is one
      char* const from = s.folded;
      s.ScanWordish(&t);
      t.folded = std::string_view(from, static_cast<size_t>(s.folded - from));
    } else {
      s.pos += len;
      t.end = static_cast<uint32_t>(s.pos);
    }
    space = false;
    newlines = 0;
  }
  folded.resize(static_cast<size_t>(s.folded - base));  // shrinks in place
}

namespace {

// Appends the lower-case form of one UTF-8 letter (Latin-1 capitals only).
void AppendLower(std::string_view seq, uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
  } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
    out->push_back(seq[0]);
    out->push_back(static_cast<char>(seq[1] + 0x20));
  } else {
    out->append(seq);
  }
}

}  // namespace

std::string TitleCaseName(std::string_view token) {
  bool has_lower = false;
  for (size_t i = 0; i < token.size();) {
    int len = std::min<int>(SeqLen(token[i]), static_cast<int>(token.size() - i));
    if (IsLower(CodePoint(token, i, len))) has_lower = true;
    i += len;
  }
  if (has_lower) return std::string(token);
  std::string out;
  bool upper_next = true;
  for (size_t i = 0; i < token.size();) {
    int len = std::min<int>(SeqLen(token[i]), static_cast<int>(token.size() - i));
    uint32_t cp = CodePoint(token, i, len);
    std::string_view seq = token.substr(i, len);
    if (upper_next || !IsLetter(cp)) {
      out.append(seq);
    } else {
      AppendLower(seq, cp, &out);
    }
    upper_next = !IsLetter(cp);
    i += len;
  }
  // MCDONALD -> McDonald: the Mc prefix keeps the next letter capital.
  if (out.size() > 3 && out[0] == 'M' && out[1] == 'c' && out[2] >= 'a' &&
      out[2] <= 'z') {
    out[2] = static_cast<char>(out[2] - 32);
  }
  return out;
}

bool IsFreeTextUnit(const TextUnit& unit) {
  if (unit.kind == UnitKind::kText) return true;
  int words = 0;
  bool in_word = false;
  for (char c : unit.text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word && ++words >= 4) return true;
    in_word = !space;
  }
  return false;
}

int CountWords(const std::vector<Token>& tokens) {
  int n = 0;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kMixed) ++n;
  }
  return n;
}

}  // namespace breachscope::text
