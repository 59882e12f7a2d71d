#include "detect/text/name_context.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "detect/text/lexicon.h"

namespace breachscope::text {
namespace {

using std::string_view_literals::operator""sv;

constexpr std::array kClinicianTitles = {
    "dr"sv, "dre"sv, "drs"sv, "doctor"sv, "docteur"sv, "docteure"sv, "pr"sv,
    "prof"sv, "professor"sv, "professeur"sv, "professeure"sv};
constexpr std::array kPersonalTitles = {
    "mr"sv, "mrs"sv, "ms"sv, "miss"sv, "mx"sv, "mister"sv, "mme"sv, "mlle"sv,
    "madame"sv, "monsieur"sv, "mademoiselle"sv, "sir"sv, "rev"sv, "m"sv};
constexpr std::array kParticles = {
    "de"sv, "du"sv, "des"sv, "la"sv, "le"sv, "van"sv, "von"sv, "der"sv,
    "den"sv, "da"sv, "di"sv, "do"sv, "dos"sv, "das"sv, "del"sv, "della"sv,
    "dela"sv, "st"sv, "ste"sv, "y"sv, "ten"sv, "ter"sv, "bin"sv, "al"sv,
    "el"sv, "d'"sv};
constexpr std::array kCredentials = {
    "md"sv, "rn"sv, "np"sv, "lpn"sv, "rpn"sv, "phd"sv, "rph"sv, "pharmd"sv,
    "mlt"sv, "clxt"sv, "bscn"sv, "frcpc"sv, "ccfp"sv, "msw"sv, "rsw"sv,
    "dds"sv, "dmd"sv, "inf"sv, "ra"sv, "rrt"sv, "mrt"sv, "crna"sv, "pa-c"sv,
    "facp"sv, "frcsc"sv, "mdcm"sv};
constexpr std::array kPatientWords = {
    "patient"sv, "pt"sv, "patiente"sv, "name"sv, "nom"sv, "prenom"sv,
    "client"sv, "cliente"sv, "re"sv, "dear"sv, "cher"sv, "chere"sv,
    "beneficiaire"sv, "member"sv, "insured"sv, "subscriber"sv};
constexpr std::array kRelatedWords = {
    "mother"sv, "father"sv, "mom"sv, "mum"sv, "dad"sv, "son"sv,
    "daughter"sv, "wife"sv, "husband"sv, "spouse"sv, "partner"sv,
    "sister"sv, "brother"sv, "sibling"sv, "aunt"sv, "uncle"sv,
    "grandmother"sv, "grandfather"sv, "grandson"sv, "granddaughter"sv,
    "guardian"sv, "caregiver"sv, "niece"sv, "nephew"sv, "cousin"sv,
    "kin"sv, "nok"sv, "contact"sv, "mere"sv, "pere"sv, "fille"sv,
    "fils"sv, "epouse"sv, "epoux"sv, "conjoint"sv, "conjointe"sv,
    "soeur"sv, "frere"sv, "tuteur"sv, "tutrice"sv, "parent"sv,
    "parents"sv, "friend"sv, "neighbour"sv, "neighbor"sv, "fiance"sv,
    "fiancee"sv, "boyfriend"sv, "girlfriend"sv, "stepmother"sv,
    "stepfather"sv, "grand-mere"sv, "grand-pere"sv};
constexpr std::array kStaffWords = {
    "physician"sv, "doctor"sv, "nurse"sv, "provider"sv, "attending"sv,
    "ordering"sv, "referring"sv, "signed"sv, "dictated"sv, "reviewed"sv,
    "verified"sv, "approved"sv, "authenticated"sv, "transcribed"sv,
    "technologist"sv, "tech"sv, "pharmacist"sv, "resident"sv, "surgeon"sv,
    "specialist"sv, "cc"sv, "therapist"sv, "counsellor"sv, "counselor"sv,
    "midwife"sv, "practitioner"sv, "clinician"sv, "radiologist"sv,
    "pathologist"sv, "medecin"sv, "infirmiere"sv, "infirmier"sv,
    "pharmacien"sv, "pharmacienne"sv, "signe"sv, "signee"sv,
    "sincerely"sv, "regards"sv, "cordialement"sv, "author"sv, "gp"sv,
    "dietitian"sv, "paramedic"sv, "phlebotomist"sv, "examined"sv,
    "consultant"sv, "interpreted"sv, "collected"sv, "performed"sv,
    "prescriber"sv, "prescribed"sv};
constexpr std::array kMentionWords = {
    "spoke"sv, "called"sv, "seen"sv, "met"sv, "visited"sv, "informed"sv,
    "told"sv, "asked"sv, "accompanied"sv, "per"sv, "referred"sv,
    "discussed"sv, "phoned"sv, "notified"sv, "advised"sv, "says"sv,
    "said"sv, "according"sv};
// Verbs of a person's doing right after a name ("Delvis spent",
// "Morishita began"); copulas and auxiliaries are left out ("Tylenol is",
// "Allegra has").
constexpr std::array kPersonVerbs = {
    "said"sv, "says"sv, "told"sv, "asked"sv, "replied"sv, "shouted"sv,
    "explained"sv, "wrote"sv, "lives"sv, "lived"sv, "spent"sv, "began"sv,
    "works"sv, "worked"sv, "went"sv, "came"sv, "walked"sv, "returned"sv,
    "arrived"sv, "called"sv, "visited"sv, "feels"sv, "felt"sv, "wants"sv,
    "wanted"sv, "agreed"sv, "declined"sv, "refused"sv, "understands"sv,
    "thinks"sv, "knows"sv, "believes"sv, "smokes"sv, "drinks"sv};
constexpr std::array kPatientAfter = {
    "dob"sv, "ddn"sv, "born"sv, "nee"sv, "ne"sv, "age"sv, "aged"sv,
    "yo"sv, "presents"sv, "presented"sv, "reports"sv, "states"sv,
    "denies"sv, "complains"sv, "admitted"sv, "discharged"sv, "mrn"sv,
    "hcn"sv, "hsn"sv, "phn"sv};

// A word list with a filter in front: one bit per (length, first byte) of
// its words. The name analyzer tests every lower-case word (particles),
// every capitalised one (titles) and the words around every candidate
// (context lists, some 140 words) against these lists; in logs and code
// almost none is in any, and one bit test turns most away before the list
// is walked.
template <size_t N>
class WordList {
 public:
  constexpr explicit WordList(const std::array<std::string_view, N>& words)
      : words_(words) {
    for (std::string_view w : words_) {
      masks_[w.size() % kLengths] |= Bit(w);
    }
  }
  bool Has(std::string_view w) const {
    if (w.empty() || w.size() >= kLengths || (masks_[w.size()] & Bit(w)) == 0) {
      return false;
    }
    for (std::string_view x : words_) {
      if (SameWord(x, w)) return true;
    }
    return false;
  }

 private:
  static constexpr size_t kLengths = 32;  // longer than any listed word
  static constexpr uint64_t Bit(std::string_view w) {
    return uint64_t{1} << (static_cast<unsigned char>(w[0]) % 64);
  }
  std::array<std::string_view, N> words_;
  std::array<uint64_t, kLengths> masks_{};
};

constexpr WordList kClinicianTitleList(kClinicianTitles);
constexpr WordList kPersonalTitleList(kPersonalTitles);
constexpr WordList kParticleList(kParticles);
constexpr WordList kCredentialList(kCredentials);

// The context lists by bit, for ContextWordBits' table.
struct ListOfBit {
  ContextWordBit bit;
  std::span<const std::string_view> words;
};
constexpr ListOfBit kContextLists[] = {
    {kStaffWord, kStaffWords},         {kRelatedWord, kRelatedWords},
    {kPatientWord, kPatientWords},     {kMentionWord, kMentionWords},
    {kPersonVerb, kPersonVerbs},       {kPatientAfterWord, kPatientAfter},
    {kCredentialWord, kCredentials}};

// Every word of the context lists with the bits of the lists it is in: an
// open-addressing table a quarter full behind a filter on length and first
// byte, so that a word in none (nearly every word asked) is mostly turned
// away on one bit, else costs a hash of its bytes and one empty slot.
class ContextWordTable {
 public:
  constexpr ContextWordTable() {
    for (const ListOfBit& list : kContextLists) {
      for (std::string_view w : list.words) {
        size_t i = Hash(w) & (kSlots - 1);
        while (!slots_[i].word.empty() && slots_[i].word != w) {
          i = (i + 1) & (kSlots - 1);
        }
        slots_[i].word = w;
        slots_[i].bits |= list.bit;
        firsts_[w.size()] |= FirstBit(w);
      }
    }
  }
  uint8_t Bits(std::string_view w) const {
    if (w.empty() || w.size() >= kSizes || (firsts_[w.size()] & FirstBit(w)) == 0) {
      return 0;
    }
    for (size_t i = Hash(w) & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[i];
      if (slot.word.empty()) return 0;
      if (SameWord(slot.word, w)) return slot.bits;
    }
  }

 private:
  static constexpr size_t kSlots = 1024;  // a power of two, > 4x the words
  static constexpr size_t kSizes = 32;    // longer than any listed word
  static constexpr uint64_t FirstBit(std::string_view w) {
    return uint64_t{1} << (static_cast<unsigned char>(w[0]) % 64);
  }
  struct Slot {
    std::string_view word;
    uint8_t bits = 0;
  };
  static constexpr size_t Hash(std::string_view w) {
    uint32_t h = 2166136261u;  // FNV-1a: the words are a few bytes
    for (char c : w) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
    return h ^ (h >> 15);
  }
  std::array<Slot, kSlots> slots_{};
  // By length, a bit for the first byte of each listed word of that
  // length: most words asked are turned away on it, before any hashing.
  std::array<uint64_t, kSizes> firsts_{};
};

// Built by the compiler: no start-up work and no guard on each look-up.
constexpr ContextWordTable kContextTable;

// "patient's" -> "patient".
std::string_view Base(std::string_view folded) {
  if (folded.size() > 2 && folded.ends_with("'s")) folded.remove_suffix(2);
  return folded;
}

bool EndsSentence(std::string_view text, const Token& t) {
  return IsPunct(text, t, '.') || IsPunct(text, t, '!') ||
         IsPunct(text, t, '?') || IsPunct(text, t, ';');
}

// Index of the title just before `first` ("Dr" or "Dr" "."), or -1.
int TitleBefore(std::string_view text, const std::vector<Token>& tokens,
                int first, TitleKind* kind) {
  int i = first - 1;
  if (i >= 0 && IsPunct(text, tokens[i], '.')) --i;
  // A lower-case title counts only with its period: "ms. Wijtze".
  if (i < 0 || tokens[i].kind != TokenKind::kWord ||
      (!tokens[i].capitalised && i + 1 == first)) {
    return -1;
  }
  *kind = ClassifyTitle(tokens[i].folded);
  // "M" alone is an initial unless written "M." (Monsieur).
  if (tokens[i].folded == "m" && i + 1 == first) *kind = TitleKind::kNone;
  return *kind == TitleKind::kNone ? -1 : i;
}

void ApplyTitle(TitleKind kind, NameContext* ctx) {
  if (kind == TitleKind::kClinician) {
    ctx->boost = 0.45;
    ctx->strong = true;
    ctx->role = Role::kStaff;
    ctx->why = "clinician title";
  } else if (kind == TitleKind::kPersonal) {
    ctx->boost = 0.45;
    ctx->strong = true;
    ctx->why = "personal title";
  } else {
    ctx->boost = 0.2;
    ctx->why = "title";
  }
}

// ContextWordBits of Base(folded) of a word token ("patient's" ->
// patient): the bits of the words before a name.
uint8_t BitsBefore(const Token& t) {
  // The listed words are all letters: numbers and punctuation are in none.
  if (t.kind != TokenKind::kWord) return 0;
  return ContextWordBits(Base(t.folded));
}

// The bits of a word after a name, asked of its folded form whole: none
// for a possessive, as no listed word has an apostrophe.
uint8_t BitsAfter(const Token& t) {
  if (t.kind != TokenKind::kWord) return 0;
  return ContextWordBits(t.folded);
}

// Nearest context word before token `end` (exclusive): up to 6 words back,
// not past a sentence end, crossing at most one line break.
void ReadBefore(std::string_view text, const std::vector<Token>& tokens,
                int end, NameContext* ctx) {
  int words = 0, breaks = tokens[end].newlines_before;
  for (int i = end - 1; i >= 0 && words < 6 && breaks <= 1; --i) {
    const Token& t = tokens[i];
    if (EndsSentence(text, t)) break;
    breaks += t.newlines_before;
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    const uint8_t bits = BitsBefore(t);
    if ((bits & (kStaffWord | kRelatedWord | kPatientWord | kMentionWord)) == 0) {
      continue;
    }
    auto set = [&](double boost, Role role, const char* why, bool strong) {
      if (ctx->role == Role::kUnknown) ctx->role = role;
      if (boost > ctx->boost) ctx->boost = boost;
      ctx->strong = ctx->strong || strong;
      ctx->why += ctx->why.empty() ? why : std::string("; ") + why;
    };
    if (bits & kStaffWord) return set(0.35, Role::kStaff, "staff context", true);
    if (bits & kRelatedWord) return set(0.35, Role::kRelated, "relative context", true);
    if (bits & kPatientWord) return set(0.4, Role::kPatient, "patient context", true);
    return set(0.25, Role::kUnknown, "person context", false);
  }
}

void ReadAfter(std::string_view text, const std::vector<Token>& tokens,
               int last, NameContext* ctx) {
  int i = last + 1, n = static_cast<int>(tokens.size());
  if (i < n && tokens[i].newlines_before == 0 && (BitsAfter(tokens[i]) & kPersonVerb)) {
    ctx->boost += 0.15;
    ctx->why += ctx->why.empty() ? "person verb after" : "; person verb after";
  }
  if (i < n && IsPunct(text, tokens[i], ',')) ++i;
  if (i < n && tokens[i].newlines_before == 0 &&
      ((BitsAfter(tokens[i]) & kCredentialWord) ||
       (tokens[i].folded == "m" && i + 2 < n && tokens[i + 2].folded == "d"))) {
    ctx->boost += 0.4;
    ctx->strong = true;
    ctx->role = Role::kStaff;
    ctx->why += ctx->why.empty() ? "credential after" : "; credential after";
    return;
  }
  for (int k = 0; i < n && k < 3; ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    ++k;
    if (BitsAfter(tokens[i]) & kPatientAfterWord) {
      ctx->boost += 0.25;
      if (ctx->role == Role::kUnknown) ctx->role = Role::kPatient;
      ctx->why += ctx->why.empty() ? "patient words after" : "; patient words after";
      return;
    }
  }
}

bool OpensAddress(const Token& t) {
  static constexpr std::string_view kWords[] = {"apt", "unit", "suite", "po", "p",
                                                "rr", "box", "cp", "c", "app"};
  if (t.kind == TokenKind::kNumber || t.kind == TokenKind::kMixed) return true;
  for (std::string_view w : kWords) {
    if (SameWord(t.folded, w)) return true;
  }
  return false;
}

// "Savanna Sentelle\n82 Cedar Wlk\nYorkton SK": a name alone on its line
// above a street line.
bool AddresseeLine(const std::vector<Token>& tokens, int start, int last) {
  int n = static_cast<int>(tokens.size());
  bool line_start = start == 0 || tokens[start].newlines_before > 0;
  return line_start && last + 1 < n && tokens[last + 1].newlines_before == 1 &&
         OpensAddress(tokens[last + 1]);
}

}  // namespace

TitleKind ClassifyTitle(std::string_view folded) {
  if (kClinicianTitleList.Has(folded)) return TitleKind::kClinician;
  if (kPersonalTitleList.Has(folded)) return TitleKind::kPersonal;
  const Lexicon& lex = GetLexicon();
  // Other titles (captain, judge) only when they are not also common words
  // (general, major, king) or single letters from the libpostal lists.
  if (folded.size() > 2 && lex.Contains(lex.titles, folded) &&
      !lex.Contains(lex.common_words, folded) &&
      !lex.Contains(lex.not_names, folded)) {
    return TitleKind::kOther;
  }
  return TitleKind::kNone;
}

bool IsPersonTitle(std::string_view folded) {
  return kClinicianTitleList.Has(folded) || kPersonalTitleList.Has(folded);
}

bool IsNameParticle(std::string_view folded) {
  return kParticleList.Has(folded);
}

bool IsStaffCredential(std::string_view folded) {
  return kCredentialList.Has(folded);
}

// Street types that end a street name: "Grant Avenue", "Main St".
bool IsStrongStreetType(std::string_view folded) {
  std::string_view canonical =
      Lexicon::Find(GetLexicon().street_types, folded);
  if (canonical.empty()) return false;  // nearly every word asked
  static constexpr std::string_view kStrong[] = {
      "street", "avenue", "road", "drive", "boulevard", "crescent", "lane",
      "court", "place", "highway", "rue", "chemin", "terrace", "parkway",
      "trail", "circle", "square", "route", "way", "bay"};
  for (std::string_view s : kStrong) {
    if (SameWord(canonical, s)) return true;
  }
  return false;
}

// Street types written before the name, French style: "rue Principale".
bool IsLeadingStreetType(std::string_view folded) {
  static constexpr WordList kList(std::to_array<std::string_view>({
      "rue", "chemin", "ch", "boulevard", "boul", "bd", "blvd", "avenue", "av",
      "route", "rte", "rang", "montee", "impasse", "allee", "promenade",
      "terrasse", "cote", "ruelle", "croissant", "carre"}));
  return kList.Has(folded);
}

bool IsPlacePreposition(std::string_view folded) {
  static constexpr std::string_view kWords[] = {"in", "at", "from", "near", "to", "a", "en",
                                                "vers", "dans"};
  for (std::string_view w : kWords) {
    if (SameWord(folded, w)) return true;
  }
  return false;
}

bool IsFacilityWord(std::string_view folded) {
  static constexpr WordList kList(std::to_array<std::string_view>({
      "clinic", "clinics", "clinique", "hospital", "hopital", "hospice",
      "lab", "labs", "laboratory", "laboratories", "laboratoire", "centre",
      "center", "health", "sante", "medical", "pharmacy", "pharmacie",
      "university", "universite", "college", "school", "memorial",
      "services", "inc", "ltd", "corp", "company", "group", "association",
      "foundation", "building", "institute", "manor", "lodge", "home"}));
  return kList.Has(folded);
}

bool IsDoseUnit(std::string_view folded) {
  static constexpr WordList kList(std::to_array<std::string_view>({
      "mg", "mcg", "g", "ml", "units", "iu", "meq", "mmol", "tab", "tabs",
      "tablet", "tablets", "capsule", "capsules", "puffs", "drops", "%"}));
  return kList.Has(folded);
}

bool OpensLabel(std::string_view text, const std::vector<Token>& tokens,
                int first, int last) {
  bool opens = first == 0 || tokens[first].newlines_before > 0 ||
               IsPunct(text, tokens[first - 1], '(') ||
               IsPunct(text, tokens[first - 1], '[') ||
               IsPunct(text, tokens[first - 1], '|');
  if (!opens) return false;
  int n = static_cast<int>(tokens.size());
  for (int i = last + 1, words = 0; i < n && tokens[i].newlines_before == 0; ++i) {
    if (IsPunct(text, tokens[i], ':')) return true;
    if (tokens[i].kind != TokenKind::kWord || tokens[i].capitalised || ++words > 3) {
      return false;
    }
  }
  return false;
}

bool FollowedByDose(std::string_view text, const std::vector<Token>& tokens,
                    int last) {
  int i = last + 1, n = static_cast<int>(tokens.size());
  if (i + 1 >= n || tokens[i].newlines_before > 0) return false;
  const Token& dose = tokens[i];
  if (dose.kind == TokenKind::kMixed) {  // "120mg"
    size_t d = 0;
    while (d < dose.folded.size() && dose.folded[d] >= '0' && dose.folded[d] <= '9') ++d;
    return d > 0 && IsDoseUnit(std::string_view(dose.folded).substr(d));
  }
  if (dose.kind != TokenKind::kNumber) return false;
  // "500 mg", "0.5 mg", "2.5%": skip one decimal part.
  if (i + 3 < n && IsPunct(text, tokens[i + 1], '.') &&
      tokens[i + 2].kind == TokenKind::kNumber && !tokens[i + 1].space_before) {
    i += 2;
  }
  const Token& unit = tokens[i + 1];
  return unit.newlines_before == 0 &&
         (IsDoseUnit(unit.folded) || IsPunct(text, unit, '%'));
}

bool FollowedByRegion(std::string_view text, const std::vector<Token>& tokens,
                      int last) {
  static constexpr std::string_view kCountries[] = {
      "canada", "usa", "america", "mexico", "france", "england", "ireland",
      "scotland", "germany", "italy", "spain", "portugal", "india", "china",
      "japan", "philippines", "bolivia", "brazil", "australia"};
  int i = last + 1, n = static_cast<int>(tokens.size());
  if (i + 1 >= n || !IsPunct(text, tokens[i], ',') || tokens[i + 1].newlines_before > 0) {
    return false;
  }
  std::string_view w = tokens[i + 1].folded;
  if (w.size() > 2 && !Lexicon::Find(GetLexicon().regions, w).empty()) return true;
  for (std::string_view c : kCountries) {
    if (w == c) return true;
  }
  return false;
}

uint8_t ContextWordBits(std::string_view folded) {
  return kContextTable.Bits(folded);
}

std::vector<std::string_view> ContextWordList(ContextWordBit bit) {
  for (const ListOfBit& list : kContextLists) {
    if (list.bit == bit) return {list.words.begin(), list.words.end()};
  }
  return {};
}

bool HasTitleBefore(std::string_view text, const std::vector<Token>& tokens,
                    int first) {
  TitleKind kind = TitleKind::kNone;
  return TitleBefore(text, tokens, first, &kind) >= 0;
}

NameContext ReadNameContext(std::string_view text,
                            const std::vector<Token>& tokens, int first,
                            int last) {
  NameContext ctx;
  TitleKind kind = TitleKind::kNone;
  int title = TitleBefore(text, tokens, first, &kind);
  if (title >= 0) ApplyTitle(kind, &ctx);
  ctx.has_title = title >= 0;
  NameContext before;
  ReadBefore(text, tokens, title >= 0 ? title : first, &before);
  // "I am referring Mr. Roy": staff words before a personal title describe
  // what the writer does; Mr and Mme are not how clinicians are named.
  if (kind == TitleKind::kPersonal && before.role == Role::kStaff) {
    before.role = Role::kUnknown;
  }
  if (ctx.role == Role::kUnknown) ctx.role = before.role;
  ctx.boost = std::max(ctx.boost, before.boost) +
              (title >= 0 && before.boost > 0 ? 0.1 : 0.0);
  ctx.strong = ctx.strong || before.strong;
  if (!before.why.empty()) {
    ctx.why += ctx.why.empty() ? before.why : "; " + before.why;
  }
  ReadAfter(text, tokens, last, &ctx);
  ctx.addressee = AddresseeLine(tokens, title >= 0 ? title : first, last);
  return ctx;
}

}  // namespace breachscope::text
