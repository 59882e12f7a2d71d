#include "detect/fields/value_evidence.h"

#include <string>

#include "detect/medical/medical_analyzers.h"
#include "detect/text/lexicon.h"
#include "detect/text/text_tokens.h"

namespace breachscope {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool OneOf(std::string_view word, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

// Calls `visit` with each run of ASCII letters of `v`, lower case, and
// stops when it returns true; returns whether one did.
template <typename Visit>
bool AnyLowerWord(std::string_view v, Visit visit) {
  std::string word;
  for (size_t i = 0; i <= v.size(); ++i) {
    if (i < v.size() && IsAsciiLetter(v[i])) {
      word.push_back(static_cast<char>(v[i] | 0x20));
      continue;
    }
    if (!word.empty() && visit(std::string_view(word))) return true;
    word.clear();
  }
  return false;
}

using Categories = std::span<const std::string_view>;
constexpr std::string_view kDiagnosis[] = {"diagnosis"};
constexpr std::string_view kMedication[] = {"medication"};
constexpr std::string_view kLabResult[] = {"lab_result"};
constexpr std::string_view kAddress[] = {"address"};
// What a clinical note may hold.
constexpr std::string_view kMedical[] = {"diagnosis", "medication",
                                         "lab_result", "medical_history"};

bool IsCategory(std::string_view category, Categories categories) {
  for (std::string_view c : categories) {
    if (c == category) return true;
  }
  return false;
}

bool PriorHas(std::span<const PriorFinding> prior, Categories categories) {
  for (const PriorFinding& p : prior) {
    if (IsCategory(p.category, categories)) return true;
  }
  return false;
}

// "<", ">=", "≤" before a result.
size_t SkipComparator(std::string_view v) {
  for (std::string_view c :
       {"<=", ">=", "\xE2\x89\xA4", "\xE2\x89\xA5", "<", ">", "="}) {
    if (v.starts_with(c)) return c.size();
  }
  return 0;
}

// What may follow a measured result: a unit ("mmol/L", "%", "x10E9/L",
// "mL/min/1.73m2") and a flag ("H", "L", "HH", "high", "abnormal").
bool IsUnitOrFlag(std::string_view word) {
  if (word.empty() || word.size() > 16) return false;
  if (!IsAsciiLetter(word[0]) && word[0] != '%' &&
      word.substr(0, 2) != "\xC2\xB5") {  // µ
    return false;
  }
  for (char c : word) {
    if (!IsAsciiLetter(c) && !IsDigit(c) && c != '/' && c != '%' && c != '^' &&
        c != '.' && c != '*' && static_cast<unsigned char>(c) < 0x80) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool LooksLikeLabResult(std::string_view v) {
  static constexpr std::string_view kQualitative[] = {
      "positive",   "negative",      "pos",          "neg",
      "reactive",   "nonreactive",   "non-reactive", "non reactive",
      "detected",   "not detected",  "undetected",   "normal",
      "abnormal",   "indeterminate", "equivocal",    "borderline",
      "trace",      "no growth",     "positif",      "negatif",
      "négatif",    "detecte",       "détecté",      "non detecte",
      "non détecté"};
  std::string lower;
  for (char c : v) lower.push_back(IsAsciiLetter(c) ? (c | 0x20) : c);
  if (OneOf(lower, kQualitative)) return true;
  size_t i = SkipComparator(v);
  while (i < v.size() && IsSpace(v[i])) ++i;
  size_t digits = 0;
  while (i < v.size() && (IsDigit(v[i]) || v[i] == '.' || v[i] == ',')) {
    digits += IsDigit(v[i]) ? 1 : 0;
    ++i;
  }
  if (digits == 0 || digits > 8) return false;
  // At most two words after the number: a unit and a flag.
  int words = 0;
  while (i < v.size()) {
    while (i < v.size() && IsSpace(v[i])) ++i;
    size_t end = i;
    while (end < v.size() && !IsSpace(v[end])) ++end;
    if (end == i) break;
    if (++words > 2 || !IsUnitOrFlag(v.substr(i, end - i))) return false;
    i = end;
  }
  return true;
}

bool HasClinicalWord(std::string_view v) {
  // Words of a clinician's note that a clerk's, a courier's or a
  // programmer's rarely has. Not "reviewed", "discussed", "advised",
  // "change" or "seen": every trade's notes say those.
  static constexpr std::string_view kWords[] = {
      "stable",    "unchanged",   "improved",     "improving",  "worse",
      "worsening", "resolved",    "resolving",    "recovering", "tolerating",
      "tolerated", "complains",   "denies",       "pain",       "symptoms",
      "symptom",   "symptomatic", "asymptomatic", "afebrile",   "febrile",
      "fever",     "follow",      "followup",     "refill",     "refilled",
      "chart",     "discharged",  "admitted",     "referred",   "referral",
      "flare",     "patient",     "pt",           "prn",        "bid",
      "tid",       "qid",         "vitals",       "bp",         "exam",
      "examined",  "prescribed",  "diagnosed",    "dose",       "dosage",
      "mg",        "medication",  "meds",         "labs",       "bloodwork",
      "nausea",    "dizzy",       "dizziness",    "cough",      "rash",
      "swelling",  "inchange",    "amelioration", "douleur",    "suivi",
      "fievre",    "toux"};
  return AnyLowerWord(v, [](std::string_view w) { return OneOf(w, kWords); });
}

bool HasNameWord(std::string_view v) {
  const text::Lexicon& lex = text::GetLexicon();
  text::TokenizedText tokens;
  text::Tokenize(v, &tokens);
  bool name = false;
  for (const text::Token& t : tokens.tokens) {
    if (t.kind == text::TokenKind::kNumber ||
        t.kind == text::TokenKind::kMixed) {
      return false;
    }
    if (t.kind != text::TokenKind::kWord) continue;
    if (lex.not_names.contains(t.folded)) return false;
    if (lex.titles.contains(t.folded)) {
      name = true;
      continue;
    }
    if (lex.common_words.contains(t.folded)) continue;  // "Will", "Grant"
    name |=
        lex.first_names.contains(t.folded) || lex.last_names.contains(t.folded);
  }
  return name;
}

bool HasPlaceWord(std::string_view v) {
  static constexpr std::string_view kFacility[] = {
      "clinic",     "clinique",    "hospital",      "hopital",
      "centre",     "center",      "health",        "sante",
      "medical",    "medicale",    "lab",           "labs",
      "laboratory", "laboratoire", "laboratories",  "pharmacy",
      "pharmacie",  "ward",        "icu",           "emergency",
      "urgence",    "clsc",        "chsld",         "imaging",
      "radiology",  "diagnostics", "physiotherapy", "dental",
      "care",       "practice",    "infirmary",     "sanatorium",
      "unit"};
  const text::Lexicon& lex = text::GetLexicon();
  text::TokenizedText tokens;
  text::Tokenize(v, &tokens);
  std::string pair;
  const text::Token* last = nullptr;
  for (const text::Token& t : tokens.tokens) {
    if (t.kind != text::TokenKind::kWord) continue;
    if (OneOf(t.folded, kFacility) || lex.cities.contains(t.folded)) {
      return true;
    }
    if (last != nullptr) {  // "North Battleford"
      pair.assign(last->folded).append(" ").append(t.folded);
      if (lex.cities.contains(pair)) return true;
    }
    last = &t;
  }
  return false;
}

bool HasRegionWord(std::string_view v) {
  const text::Lexicon& lex = text::GetLexicon();
  std::string folded = text::FoldLower(v);
  if (!text::Lexicon::Find(lex.regions, folded).empty() ||
      lex.cities.contains(folded)) {
    return true;
  }
  text::TokenizedText tokens;
  text::Tokenize(v, &tokens);
  for (const text::Token& t : tokens.tokens) {
    if (t.kind == text::TokenKind::kWord &&
        (!text::Lexicon::Find(lex.regions, t.folded).empty() ||
         lex.cities.contains(t.folded))) {
      return true;
    }
  }
  return false;
}

struct ValueEvidence::Asked {
  explicit Asked(const UnitAnalyzer& a)
      : analyzer(a), scratch(a.NewScratch()) {}
  const UnitAnalyzer& analyzer;
  std::unique_ptr<AnalyzerScratch> scratch;
};

ValueEvidence::ValueEvidence()
    : condition_(std::make_unique<Asked>(MedicalConditionAnalyzer())),
      medication_(std::make_unique<Asked>(MedicalMedicationAnalyzer())),
      lab_(std::make_unique<Asked>(MedicalLabResultAnalyzer())) {}

ValueEvidence::~ValueEvidence() = default;

bool ValueEvidence::Proposes(Asked& asked, const TextUnit& unit,
                             std::span<const PriorFinding> prior,
                             std::span<const std::string_view> categories) {
  TextUnit bare = unit;
  bare.label = {};  // with its label the analyzer leaves the value to us
  proposals_.clear();
  asked.analyzer.Analyze(bare, prior, asked.scratch.get(), &proposals_);
  for (const ProposedFinding& f : proposals_) {
    if (IsCategory(f.category, categories)) return true;
  }
  return false;
}

bool ValueEvidence::MedicalWords(const TextUnit& unit,
                                 std::span<const PriorFinding> prior) {
  return PriorHas(prior, kMedical) ||
         Proposes(*condition_, unit, prior, kMedical) ||
         Proposes(*medication_, unit, prior, kMedical) ||
         Proposes(*lab_, unit, prior, kMedical);
}

bool ValueEvidence::Confirms(std::string_view category, const TextUnit& unit,
                             std::string_view value,
                             std::span<const PriorFinding> prior) {
  if (category == "diagnosis") {
    return PriorHas(prior, kDiagnosis) ||
           Proposes(*condition_, unit, prior, kDiagnosis);
  }
  if (category == "medication") {
    return PriorHas(prior, kMedication) ||
           Proposes(*medication_, unit, prior, kMedication);
  }
  if (category == "lab_result") {
    return LooksLikeLabResult(value) ||
           Proposes(*lab_, unit, prior, kLabResult);
  }
  if (category == "medical_history") {
    return HasClinicalWord(value) || MedicalWords(unit, prior);
  }
  if (category == "name") return HasNameWord(value);
  if (category == "service_location") return HasPlaceWord(value);
  if (category == "address") {
    return PriorHas(prior, kAddress) || HasRegionWord(value);
  }
  if (category == "signature") {
    return value.find("/s/") != std::string_view::npos ||
           AnyLowerWord(value,
                        [](std::string_view w) {
                          return w == "signed" || w == "electronically" ||
                                 w == "signe";
                        }) ||
           HasNameWord(value);
  }
  return true;
}

}  // namespace breachscope
