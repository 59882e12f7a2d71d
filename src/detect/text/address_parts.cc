#include "detect/text/address_parts.h"

#include <cctype>

#include "detect/text/lexicon.h"

namespace breachscope::text {
namespace {

bool IsNumberish(const Token& t) {
  return t.kind == TokenKind::kNumber || t.kind == TokenKind::kMixed;
}

// Unit designators worth reading next to a street line; libpostal's list
// also has farm, lot, site..., which mean other things in clinical text.
bool IsUnitWord(std::string_view folded) {
  std::string_view c = Lexicon::Find(GetLexicon().unit_types, folded);
  static constexpr std::string_view kKept[] = {
      "apartment", "appartement", "unit", "unite", "suite", "bureau",
      "penthouse", "building", "floor"};
  for (std::string_view k : kKept) {
    if (c == k) return true;
  }
  return false;
}

bool PostalLetter(char c, bool first) {
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (c < 'A' || c > 'Z') return false;
  if (std::string_view("DFIOQU").find(c) != std::string_view::npos) return false;
  return !first || (c != 'W' && c != 'Z');
}

bool Digit(char c) { return c >= '0' && c <= '9'; }

// "S4P" + "3Y2" halves of a Canadian postal code.
bool PostalHalves(std::string_view a, std::string_view b) {
  return a.size() == 3 && b.size() == 3 && PostalLetter(a[0], true) &&
         Digit(a[1]) && PostalLetter(a[2], false) && Digit(b[0]) &&
         PostalLetter(b[1], false) && Digit(b[2]);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

int AddressReader::SkipSeparator(int i, int breaks) const {
  if (i >= size()) return -1;
  int seen = tokens_[i].newlines_before;
  if (Punct(i, ',')) {
    ++i;
    if (i >= size()) return -1;
    seen += tokens_[i].newlines_before;
  }
  return seen <= breaks ? i : -1;
}

int AddressReader::ReadUnit(int from, std::string* unit) const {
  if (from < 0 || from >= size()) return from;
  int i = from;
  std::string word;
  if (tokens_[i].kind == TokenKind::kWord && IsUnitWord(tokens_[i].folded)) {
    word = std::string(Text(i));
    ++i;
    if (Punct(i, '.')) ++i;
  }
  if (Punct(i, '#')) {
    if (word.empty()) word = "#";
    ++i;
  }
  if (word.empty() || i >= size() || tokens_[i].newlines_before > 0) return from;
  bool number = IsNumberish(tokens_[i]) ||
                (tokens_[i].kind == TokenKind::kWord && tokens_[i].folded.size() == 1);
  if (!number) return from;
  *unit = word + (word == "#" ? "" : " ") + std::string(Text(i));
  return i + 1;
}

int AddressReader::ReadCity(int from, std::string* city) const {
  if (from < 0 || from >= size() || !tokens_[from].capitalised) return from;
  const Lexicon& lex = GetLexicon();
  // Longest known city of up to 3 words ("St. John's", "Moose Jaw").
  for (int words = 3; words >= 1; --words) {
    std::string key;
    int i = from, n = 0;
    for (; i < size() && n < words; ++i) {
      if (i > from && tokens_[i].newlines_before > 0) break;
      if (Punct(i, '.')) continue;
      if (tokens_[i].kind != TokenKind::kWord) break;
      AppendWord(&key, tokens_[i].folded);
      ++n;
    }
    if (n == words && lex.Contains(lex.cities, key)) {
      if (Punct(i, '.') && !tokens_[i].space_before) ++i;
      *city = std::string(text_.substr(tokens_[from].start,
                                       tokens_[i - 1].end - tokens_[from].start));
      return i;
    }
  }
  // An unknown town counts when a province or state follows it.
  for (int i = from; i < size() && i < from + 3; ++i) {
    if (!tokens_[i].capitalised || tokens_[i].kind != TokenKind::kWord ||
        (i > from && tokens_[i].newlines_before > 0)) {
      break;
    }
    int next = SkipSeparator(i + 1, 0);
    std::string code;
    if (next > 0 && ReadRegion(next, &code) != next) {
      *city = std::string(text_.substr(tokens_[from].start,
                                       tokens_[i].end - tokens_[from].start));
      return i + 1;
    }
  }
  return from;
}

int AddressReader::ReadRegion(int from, std::string* code) const {
  if (from < 0 || from >= size()) return from;
  const Lexicon& lex = GetLexicon();
  const Token& t = tokens_[from];
  if (t.kind != TokenKind::kWord || !t.capitalised) return from;
  if (t.all_caps && t.folded.size() == 2) {
    std::string_view c = Lexicon::Find(lex.regions, t.folded);
    if (c.empty()) return from;
    *code = std::string(c);
    return from + 1;
  }
  for (int words = 4; words >= 1; --words) {
    if (from + words > size()) continue;
    std::string key;
    for (int i = from; i < from + words; ++i) AppendWord(&key, tokens_[i].folded);
    std::string_view c = Lexicon::Find(lex.regions, key);
    if (!c.empty() && key.size() > 2) {
      *code = std::string(c);
      return from + words;
    }
  }
  return from;
}

int AddressReader::ReadPostal(int from, std::string* postal) const {
  if (from < 0 || from >= size()) return from;
  std::string_view a = Text(from);
  if (tokens_[from].kind == TokenKind::kMixed && a.size() == 6 &&
      PostalHalves(a.substr(0, 3), a.substr(3))) {
    *postal = Upper(a.substr(0, 3)) + " " + Upper(a.substr(3));
    return from + 1;
  }
  if (from + 1 < size() && tokens_[from + 1].newlines_before == 0 &&
      PostalHalves(a, Text(from + 1))) {
    *postal = Upper(a) + " " + Upper(Text(from + 1));
    return from + 2;
  }
  if (tokens_[from].kind == TokenKind::kNumber && a.size() == 5) {
    *postal = std::string(a);
    if (from + 2 < size() && Punct(from + 1, '-') && Text(from + 2).size() == 4 &&
        tokens_[from + 2].kind == TokenKind::kNumber && !tokens_[from + 1].space_before) {
      *postal += "-" + std::string(Text(from + 2));
      return from + 3;
    }
    return from + 1;
  }
  return from;
}

AddressTail AddressReader::ReadTail(int from) const {
  AddressTail tail;
  int i = from;
  int j = SkipSeparator(i, 0);
  if (j >= 0 && (j = ReadUnit(j, &tail.unit)) != SkipSeparator(i, 0)) i = j;
  j = SkipSeparator(i, 1);
  int k = j >= 0 ? ReadCity(j, &tail.city) : j;
  if (k != j) i = k;
  j = SkipSeparator(i, tail.city.empty() ? 1 : 0);
  k = j >= 0 ? ReadRegion(j, &tail.region) : j;
  if (k != j) i = k;
  j = SkipSeparator(i, tail.city.empty() && tail.region.empty() ? 1 : 0);
  std::string postal;
  k = j >= 0 ? ReadPostal(j, &postal) : j;
  if (k != j) {
    const Lexicon& lex = GetLexicon();
    std::string_view letters = Lexicon::Find(lex.postal_letters, tail.region);
    bool zip = postal.size() != 7;
    if (zip) {
      // A ZIP needs a US state before it: five digits alone are anything.
      if (!tail.region.empty() && letters.empty()) {
        tail.postal = postal;
        i = k;
      }
    } else {
      tail.postal_mismatch = !letters.empty() && letters.find(postal[0]) == std::string_view::npos;
      if (!tail.postal_mismatch) tail.postal = postal;
      i = k;
    }
  }
  tail.end = i;
  return tail;
}

int AddressReader::ReadNumberAfterWords(int from,
                                        const std::vector<std::string_view>& words,
                                        std::string* number) const {
  int i = from;
  for (std::string_view w : words) {
    if (i >= size() || tokens_[i].folded != w) return from;
    if (i > from && tokens_[i].newlines_before > 0) return from;
    ++i;
    if (Punct(i, '.')) ++i;
  }
  if (Punct(i, '#')) ++i;
  if (i >= size() || !IsNumberish(tokens_[i]) || tokens_[i].newlines_before > 0) return from;
  *number = std::string(Text(i));
  return i + 1;
}

int AddressReader::ReadRural(int from, std::string* normalized, bool* strong) const {
  struct Form {
    std::vector<std::string_view> words;
    const char* name;
    bool strong;
  };
  static const std::vector<Form> kForms = {
      {{"p", "o", "box"}, "PO Box", true}, {{"po", "box"}, "PO Box", true},
      {{"post", "office", "box"}, "PO Box", true}, {{"c", "p"}, "C.P.", true},
      {{"cp"}, "C.P.", true}, {{"case", "postale"}, "C.P.", true},
      {{"r", "r"}, "RR", true}, {{"rr"}, "RR", true},
      {{"rural", "route"}, "RR", true}, {{"site"}, "Site", false},
      {{"comp"}, "Comp", false}, {{"box"}, "Box", false}};
  int i = from, parts = 0;
  *strong = false;
  normalized->clear();
  while (i < size()) {
    if (parts > 0 && tokens_[i].newlines_before > 0) break;
    if (!tokens_[i].capitalised) break;
    // Every form's first word starts with one of these letters and most
    // capitalised words do not: one test instead of a pass over the forms.
    const std::string_view first = tokens_[i].folded;
    if (first.empty() || std::string_view("bcprs").find(first[0]) ==
                             std::string_view::npos) {
      break;
    }
    int next = i;
    for (const Form& form : kForms) {
      std::string number;
      next = ReadNumberAfterWords(i, form.words, &number);
      if (next == i) continue;
      *normalized += (normalized->empty() ? "" : " ") + std::string(form.name) + " " + number;
      *strong = *strong || form.strong;
      break;
    }
    if (next == i) break;
    ++parts;
    i = next;
    if (Punct(i, ',') && i + 1 < size() && tokens_[i + 1].capitalised) ++i;
  }
  if (parts >= 2) *strong = true;
  if (parts > 0 && Punct(i - 1, ',')) --i;
  return parts > 0 ? i : from;
}

}  // namespace breachscope::text
