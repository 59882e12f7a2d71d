#include "detect/text/location_analyzer.h"

#include <cstdint>
#include <span>
#include <string>

#include "detect/text/free_text_analyzer.h"

namespace breachscope {
namespace {

using text::Token;
using text::TokenKind;

constexpr double kConfidence = 0.70;

bool In(std::string_view folded, std::span<const std::string_view> set) {
  for (std::string_view w : set) {
    if (text::SameWord(folded, w)) return true;
  }
  return false;
}

bool In(std::string_view folded, std::initializer_list<std::string_view> set) {
  return In(folded, std::span<const std::string_view>(set.begin(), set.size()));
}

// Facility words that end an English name, "services" (which does after
// what is served) and those that start a French one.
constexpr std::string_view kEnglishEnds[] = {
    "clinic", "centre", "center", "hospital", "laboratory", "laboratories",
    "lab", "labs", "pharmacy", "infirmary"};
constexpr std::string_view kServices = "services";
constexpr std::string_view kFrenchStarts[] = {
    "clinique", "hopital", "centre", "laboratoire", "pharmacie", "clsc", "chu",
    "polyclinique"};

// The first letters of all those words, a bit each ('a' is bit 0).
constexpr uint32_t FacilityFirstLetters() {
  uint32_t mask = uint32_t{1} << (kServices[0] - 'a');
  for (std::string_view w : kEnglishEnds) mask |= uint32_t{1} << (w[0] - 'a');
  for (std::string_view w : kFrenchStarts) mask |= uint32_t{1} << (w[0] - 'a');
  return mask;
}
constexpr uint32_t kFacilityFirstLetters = FacilityFirstLetters();

// False when the token's first letter is no facility word's: such a word
// can neither end nor start a name (most capitalised words of a text).
bool MayBeFacilityWord(const Token& t) {
  const unsigned char c = t.folded.empty() ? 0 : static_cast<unsigned char>(t.folded[0]);
  return c >= 'a' && c <= 'z' && ((kFacilityFirstLetters >> (c - 'a')) & 1) != 0;
}

bool IsCapWord(const Token& t) {
  return t.kind == TokenKind::kWord && (t.capitalised || t.all_caps);
}

// True when tokens a and b stand on one line.
bool SameLine(const Token& b) { return b.newlines_before == 0; }

// The facility word that ends an English name.
bool EndsEnglishName(const std::vector<Token>& t, size_t i) {
  if (!IsCapWord(t[i])) return false;
  if (In(t[i].folded, kEnglishEnds)) return true;
  // "Services" names a facility only after what is served.
  return t[i].folded == kServices && i > 0 &&
         In(t[i - 1].folded, {"lab", "laboratory", "health", "medical",
                              "diagnostic", "imaging", "radiology"});
}

bool StartsFrenchName(const Token& t) {
  return IsCapWord(t) && In(t.folded, kFrenchStarts);
}

// Where a place is expected: after one of these words on the same line.
bool PlaceWordBefore(const std::vector<Token>& t, size_t start) {
  if (start == 0 || !SameLine(t[start])) return false;
  return In(t[start - 1].folded, {"at", "to", "from", "in", "a", "au"});
}

// The name is a line of its own.
bool WholeLine(const std::vector<Token>& t, size_t start, size_t last) {
  bool first = start == 0 || t[start].newlines_before > 0;
  bool ends = last + 1 == t.size() || t[last + 1].newlines_before > 0;
  return first && ends;
}

// Capitalised words before the facility word at `i`; returns the first
// token of the name, or i when there is none. "The" is not part of it.
size_t EnglishStart(const std::vector<Token>& t, size_t i) {
  size_t start = i;
  while (start > 0 && SameLine(t[start]) && IsCapWord(t[start - 1]) &&
         !In(t[start - 1].folded, {"at", "to", "from", "in"})) {
    --start;
  }
  if (start < i && t[start].folded == "the") ++start;
  return start;
}

// A site after a dash: "Wascana Family Clinic - East". Returns the last
// token of the name.
size_t WithSite(std::string_view s, const std::vector<Token>& t, size_t last) {
  if (last + 2 < t.size() && text::IsPunct(s, t[last + 1], '-') &&
      SameLine(t[last + 1]) && SameLine(t[last + 2]) &&
      IsCapWord(t[last + 2])) {
    return last + 2;
  }
  return last;
}

// The last token of a French name that starts at `i`, or i when none.
size_t FrenchLast(const std::vector<Token>& t, size_t i) {
  size_t last = i;
  for (size_t k = i + 1; k < t.size() && SameLine(t[k]); ++k) {
    if (t[k].kind != TokenKind::kWord) break;
    if (t[k].capitalised || t[k].all_caps) {
      last = k;
      continue;
    }
    if (!In(t[k].folded, {"medicale", "medical", "general", "generale",
                          "hospitalier", "universitaire", "familiale",
                          "dentaire", "regional", "regionale", "de", "du",
                          "des", "la", "le", "sante", "d"})) {
      break;
    }
  }
  return last;
}

// The facility's street address on the line right under its heading
// ("1880 Albert St, Regina SK  S4P 2S9"): a number first, a comma, and a
// two-letter province or state code, where the address ends. Returns the
// last token, or 0 when the line is no such address.
size_t AddressUnder(std::string_view s, const std::vector<Token>& t,
                    size_t first) {
  if (first >= t.size() || t[first].newlines_before != 1 ||
      t[first].kind != TokenKind::kNumber) {
    return 0;
  }
  size_t last = 0;
  bool comma = false;
  for (size_t k = first + 1; k < t.size() && SameLine(t[k]); ++k) {
    comma = comma || text::IsPunct(s, t[k], ',');
    if (comma && t[k].kind == TokenKind::kWord && t[k].all_caps &&
        t[k].end - t[k].start == 2) {
      last = k;
    }
  }
  return last;
}

class LocationTextAnalyzer : public FreeTextAnalyzer {
 public:
  LocationTextAnalyzer() : FreeTextAnalyzer("service_location") {}

  std::vector<DetectorInfo> Describe() const override {
    return {{"location_text", "service_location",
             "clinic, laboratory and hospital names in free text, by "
             "structure, after 'at'/'à' or as a heading"}};
  }

 protected:
  void Run(const TextUnit& unit, std::span<const PriorFinding> prior,
           const std::vector<Token>& tokens,
           std::vector<ProposedFinding>* out) const override {
    (void)prior;
    const std::vector<Token>& t = tokens;
    size_t next = 0;  // names do not overlap
    for (size_t i = 0; i < t.size(); ++i) {
      // Both kinds of name turn on a capitalised facility word
      // (EndsEnglishName, StartsFrenchName): the other tokens, nearly all
      // of a log or of source code, are passed over here on their flags
      // and first letter.
      if (!IsCapWord(t[i]) || !MayBeFacilityWord(t[i])) continue;
      size_t start = i, last = i;
      if (EndsEnglishName(t, i)) {
        // "Lab Services": the name ends at the later facility word.
        if (i + 1 < t.size() && SameLine(t[i + 1]) &&
            EndsEnglishName(t, i + 1)) {
          continue;
        }
        start = EnglishStart(t, i);
        if (start == i || start < next) continue;
        last = WithSite(unit.text, t, i);
      } else if (StartsFrenchName(t[i]) && i >= next) {
        last = FrenchLast(t, i);
        if (last == i) continue;
      } else {
        continue;
      }
      bool after_word = PlaceWordBefore(t, start);
      if (!after_word && !WholeLine(t, start, last)) continue;
      Propose(unit.text, t[start].start, t[last].end,
              after_word ? "facility name after a place word"
                         : "facility name as a heading",
              out);
      next = last + 1;
      if (!after_word) {
        if (size_t end = AddressUnder(unit.text, t, last + 1); end > 0) {
          Propose(unit.text, t[last + 1].start, t[end].end,
                  "facility address under its heading", out);
          next = end + 1;
        }
      }
      i = next - 1;
    }
  }

 private:
  static void Propose(std::string_view s, uint32_t begin, uint32_t end,
                      std::string_view why, std::vector<ProposedFinding>* out) {
    std::string normalized;
    for (char c : s.substr(begin, end - begin)) {
      bool space = c == ' ' || c == '\t';
      if (space && (normalized.empty() || normalized.back() == ' ')) continue;
      normalized.push_back(space ? ' ' : c);
    }
    out->push_back({begin, end, "location_text", "service_location",
                    std::move(normalized), kConfidence, std::string(why)});
  }
};

}  // namespace

const UnitAnalyzer& LocationTextAnalyzerInstance() {
  static const auto* const kAnalyzer = new LocationTextAnalyzer();
  return *kAnalyzer;
}

}  // namespace breachscope
