#include "detect/text/address_analyzer.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "detect/text/address_parts.h"
#include "detect/text/lexicon.h"
#include "detect/text/text_tokens.h"

namespace breachscope {
namespace {

using text::Lexicon;
using text::Token;
using text::TokenKind;

constexpr int kMaxStreetWords = 5;

// Canonical street types that are written before the name: French types,
// and English numbered roads ("Highway 16", "Range Road 2034").
bool IsTypeFirst(std::string_view canonical) {
  static constexpr std::string_view kTypes[] = {
      "rue", "chemin", "boulevard", "avenue", "route", "rang", "montee",
      "place", "impasse", "allee", "promenade", "terrasse", "cote", "ruelle",
      "highway", "range road", "township road", "concession", "carre",
      "croissant", "autoroute", "sentier", "rond point", "grand rue"};
  for (std::string_view t : kTypes) {
    if (text::SameWord(canonical, t)) return true;
  }
  return false;
}

// Words a number is followed by in clinical text, never street names.
bool IsStopWord(std::string_view folded) {
  static constexpr std::string_view kStop[] = {
      "in", "a", "an", "the", "of", "to", "at", "for", "on", "per", "and",
      "or", "by", "with", "from", "mg", "ml", "mcg", "g", "kg", "lb", "lbs",
      "cm", "mm", "days", "day", "weeks", "week", "months", "years", "hours",
      "hrs", "minutes", "min", "times", "x", "tablets", "tablet", "tabs",
      "pills", "capsules", "units", "doses", "puffs", "drops", "mmol", "bpm",
      "am", "pm", "is", "was", "are", "were", "has", "had", "patients"};
  for (std::string_view s : kStop) {
    if (text::SameWord(folded, s)) return true;
  }
  return false;
}

bool IsParticle(std::string_view folded) {
  static constexpr std::string_view kParticles[] = {
      "de", "du", "des", "la", "le", "les", "d'", "l'", "of", "st", "ste"};
  for (std::string_view p : kParticles) {
    if (text::SameWord(folded, p)) return true;
  }
  return false;
}

bool IsOrdinal(const Token& t) {
  if (t.kind != TokenKind::kMixed) return false;
  size_t d = 0;
  while (d < t.folded.size() && t.folded[d] >= '0' && t.folded[d] <= '9') ++d;
  std::string_view suffix = std::string_view(t.folded).substr(d);
  return d > 0 && (suffix == "st" || suffix == "nd" || suffix == "rd" ||
                   suffix == "th" || suffix == "e" || suffix == "er" ||
                   suffix == "eme");
}

struct Street {
  int start = 0;   // first token (unit or civic number)
  int end = 0;     // first token after the street line
  std::string normalized;
};

class Analysis {
 public:
  Analysis(const TextUnit& unit, std::span<const PriorFinding> prior,
           const std::vector<Token>& tokens)
      : text_(unit.text), lex_(text::GetLexicon()), tokens_(tokens) {
    int words = 0, caps = 0;
    for (const Token& t : tokens_) {
      if (t.kind != TokenKind::kWord) continue;
      ++words;
      caps += t.capitalised;
    }
    lower_document_ = words > 0 && caps * 5 < words;
    applies_ = unit.kind == UnitKind::kText || words >= 4;
  }

  void Run(std::vector<ProposedFinding>* out) const {
    if (!applies_) return;
    text::AddressReader reader(text_, tokens_);
    int n = static_cast<int>(tokens_.size());
    // Made once, not at every token: a reading that succeeds sets all of
    // the street, and `why` is set before each use.
    Street street;
    std::string why;
    for (int i = 0; i < n;) {
      if (!MayStartLine(tokens_[i])) {
        ++i;
        continue;
      }
      double base = 0.0;
      if (ReadStreet(i, &street)) {
        base = 0.6;
        why = "street line";
      } else if (ReadRuralLine(reader, i, &street, &base)) {
        why = "rural address";
      } else {
        ++i;
        continue;
      }
      i = Emit(reader, street, base, why, out);
    }
  }

  // False for a token that starts neither a street line (its civic number
  // or unit is a number or a mixed token, Civic) nor a rural line (a
  // capitalised word, ReadRuralLine): punctuation and words in lower case,
  // most tokens of a log or of source code, turned away on two bytes.
  static bool MayStartLine(const Token& t) {
    return t.kind == TokenKind::kNumber || t.kind == TokenKind::kMixed ||
           t.capitalised;
  }

 private:
  bool NameWord(const Token& t) const {
    if (t.kind == TokenKind::kMixed) return IsOrdinal(t);
    if (t.kind != TokenKind::kWord || IsStopWord(t.folded)) return false;
    return t.capitalised || lower_document_ || IsParticle(t.folded);
  }

  bool Civic(int i) const {
    if (i >= static_cast<int>(tokens_.size())) return false;
    const Token& t = tokens_[i];
    std::string_view s = text::TokenText(text_, t);
    if (s.empty() || s[0] == '0' || s.size() > 6) return false;
    if (t.kind == TokenKind::kNumber) return true;
    // "123A": digits and one letter.
    return t.kind == TokenKind::kMixed && s.size() >= 2 &&
           !(s.back() >= '0' && s.back() <= '9') && s[s.size() - 2] >= '0' &&
           s[s.size() - 2] <= '9';
  }

  bool Punct(int i, char c) const {
    return i < static_cast<int>(tokens_.size()) && text::IsPunct(text_, tokens_[i], c);
  }
  bool SameLine(int i) const {
    return i < static_cast<int>(tokens_.size()) && tokens_[i].newlines_before == 0;
  }

  // Street type starting at token i (one or two words); returns the number
  // of tokens used (0 when none) and the canonical form.
  int TypeAt(int i, std::string_view* canonical) const {
    int n = static_cast<int>(tokens_.size());
    if (i >= n || tokens_[i].kind != TokenKind::kWord) return 0;
    if (i + 1 < n && SameLine(i + 1) && tokens_[i + 1].kind == TokenKind::kWord) {
      std::string two(tokens_[i].folded);
      text::AppendWord(&two, tokens_[i + 1].folded);
      *canonical = Lexicon::Find(lex_.street_types, two);
      if (!canonical->empty()) return 2;
    }
    *canonical = Lexicon::Find(lex_.street_types, tokens_[i].folded);
    return canonical->empty() ? 0 : 1;
  }

  int Directional(int i) const {
    if (!SameLine(i) || tokens_[i].kind != TokenKind::kWord || !tokens_[i].capitalised) return i;
    if (Lexicon::Find(lex_.directionals, tokens_[i].folded).empty()) return i;
    if (tokens_[i].folded.size() <= 2 && !tokens_[i].all_caps) return i;
    return Punct(i + 1, '.') ? i + 2 : i + 1;
  }

  // English order: name words, then the last street type among them.
  int EnglishStreet(int k) const {
    int best = -1, words = 0;
    for (int i = k; i < static_cast<int>(tokens_.size()) && words < kMaxStreetWords + 1; ++i) {
      if (!SameLine(i)) break;
      if (Punct(i, '.') && !tokens_[i].space_before) continue;
      std::string_view canonical;
      int used = TypeAt(i, &canonical);
      if (used > 0 && words > 0 && (tokens_[i].capitalised || lower_document_ ||
                                    tokens_[i - 1].capitalised)) {
        best = i + used;
      }
      if (!NameWord(tokens_[i]) && used == 0) break;
      ++words;
    }
    if (best < 0) return -1;
    if (Punct(best, '.') && !tokens_[best].space_before) ++best;
    return Directional(best);
  }

  // Type first: "rue Principale", "chemin du Lac", "rang 5", "Highway 16".
  int TypeFirstStreet(int k) const {
    std::string_view canonical;
    int used = TypeAt(k, &canonical);
    if (used == 0 || !IsTypeFirst(canonical) || !SameLine(k)) return -1;
    int i = k + used, last = -1;
    if (Punct(i, '.')) ++i;
    for (int words = 0; i < static_cast<int>(tokens_.size()) && words < kMaxStreetWords; ++i, ++words) {
      const Token& t = tokens_[i];
      if (!SameLine(i)) break;
      bool number = t.kind == TokenKind::kNumber && t.end - t.start <= 5;
      if (!number && !(t.kind == TokenKind::kWord && (t.capitalised || IsParticle(t.folded)))) break;
      if (IsStopWord(t.folded)) break;
      if (!IsParticle(t.folded)) last = i;
    }
    return last < 0 ? -1 : Directional(last + 1);
  }

  bool ReadStreet(int i, Street* street) const {
    int civic = i;
    // "4-123 Main St": unit, hyphen, civic number, no spaces.
    if (Civic(i) && Punct(i + 1, '-') && Civic(i + 2) &&
        !tokens_[i + 1].space_before && !tokens_[i + 2].space_before) {
      civic = i + 2;
    }
    if (!Civic(civic) || !SameLine(civic + 1)) return false;
    int k = civic + 1;
    // Type first wins: "Range Road 234" is not the street "Range" + "Road".
    int end = TypeFirstStreet(Punct(k, ',') ? k + 1 : k);
    if (end < 0) end = EnglishStreet(k);
    if (end < 0) return false;
    street->start = UnitBefore(i);
    street->end = end;
    street->normalized = Join(street->start, end);
    return true;
  }

  // "Apt 4, 123 Main St", "Unit 12 - 123 Main St", "#4 123 Main St".
  int UnitBefore(int civic) const {
    int j = civic - 1;
    if (j >= 0 && (Punct(j, ',') || Punct(j, '-'))) --j;
    if (j < 1 || !(tokens_[j].kind == TokenKind::kNumber || tokens_[j].kind == TokenKind::kMixed)) {
      return civic;
    }
    text::AddressReader reader(text_, tokens_);
    for (int from = std::max(0, j - 3); from < j; ++from) {
      std::string unit;
      if (reader.ReadUnit(from, &unit) == j + 1) return from;
    }
    return civic;
  }

  bool ReadRuralLine(const text::AddressReader& reader, int i, Street* street,
                     double* base) const {
    // ReadRural reads nothing from a word in lower case; most are.
    if (!tokens_[i].capitalised) return false;
    bool strong = false;
    int end = reader.ReadRural(i, &street->normalized, &strong);
    if (end == i) return false;
    street->start = i;
    street->end = end;
    *base = strong ? 0.5 : 0.3;  // a lone "Box 12" needs a place after it
    return true;
  }

  // Token texts from `from` to `to` (exclusive) on one line: single
  // spaces, periods kept on their word, commas dropped.
  std::string Join(int from, int to) const {
    std::string out;
    for (int i = from; i < to; ++i) {
      if (Punct(i, ',')) continue;
      std::string_view t = text::TokenText(text_, tokens_[i]);
      if (!out.empty() && tokens_[i].space_before && !(t == "-" && !tokens_[i].space_before)) out.push_back(' ');
      out.append(t);
    }
    return out;
  }

  int Emit(const text::AddressReader& reader, const Street& street, double base,
           std::string why, std::vector<ProposedFinding>* out) const;

  std::string_view text_;
  const Lexicon& lex_;
  const std::vector<Token>& tokens_;  // of the whole unit
  bool lower_document_ = false;
  bool applies_ = false;
};

int Analysis::Emit(const text::AddressReader& reader, const Street& street,
                   double base, std::string why,
                   std::vector<ProposedFinding>* out) const {
  text::AddressTail tail = reader.ReadTail(street.end);
  double score = base;
  std::string normalized = street.normalized;
  if (!tail.unit.empty()) normalized += ", " + tail.unit;
  if (!tail.city.empty()) {
    score += 0.1;
    why += "; city";
    normalized += ", " + tail.city;
  }
  std::string place = tail.region;
  if (!tail.region.empty()) {
    score += 0.1;
    why += "; province/state";
  }
  if (!tail.postal.empty()) {
    score += 0.15;
    why += "; postal code";
    place += (place.empty() ? "" : " ") + tail.postal;
  }
  if (tail.postal_mismatch) {
    score -= 0.1;
    why += "; postal code of another province left out";
  }
  if (!place.empty()) normalized += ", " + place;
  if (score < 0.5) return street.start + 1;
  ProposedFinding f;
  f.start = tokens_[street.start].start;
  f.end = tokens_[tail.end - 1].end;
  f.detector = "address_text";
  f.category = "address";
  f.normalized = std::move(normalized);
  f.confidence = std::min(score, 0.97);
  char buf[32];
  std::snprintf(buf, sizeof buf, "; score %.2f", f.confidence);
  f.explanation = why + buf;
  out->push_back(std::move(f));
  return tail.end;
}

}  // namespace

AddressTextAnalyzer::AddressTextAnalyzer() : FreeTextAnalyzer("address") {
  text::GetLexicon();
}

std::vector<DetectorInfo> AddressTextAnalyzer::Describe() const {
  return {{"address_text", "address",
           "street and rural addresses in free text, with city, province and "
           "postal code"}};
}

void AddressTextAnalyzer::Run(const TextUnit& unit,
                   std::span<const PriorFinding> prior,
                   const std::vector<text::Token>& tokens,
                   std::vector<ProposedFinding>* out) const {
  Analysis(unit, prior, tokens).Run(out);
}

const UnitAnalyzer& AddressTextAnalyzerInstance() {
  static const AddressTextAnalyzer* const kInstance = new AddressTextAnalyzer();
  return *kInstance;
}

}  // namespace breachscope
