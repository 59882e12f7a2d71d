#include "detect/medical/condition_analyzer.h"

#include <iterator>

#include "detect/medical/analyzer_util.h"
#include "detect/medical/coded_condition.h"
#include "detect/medical/folded_text.h"
#include "detect/medical/labels.h"
#include "detect/medical/medical_data.h"

namespace breachscope::medical {
namespace {

constexpr double kTextConfidence = 0.60;
constexpr double kLabelConfidence = 0.85;
constexpr double kFieldConfidence = 0.90;

constexpr std::string_view kLabelWords[] = {"diagnos", "dx", "condition", "problem",
                               "impression", "assessment", "icd", "maladie"};
constexpr std::string_view kFields[] = {"DG1-3", "DG1-4", "PRB-3", "PRB-4"};

// Words after a condition that make it a name: "Diabetes Canada",
// "Cancer Society", "Stroke Foundation", "Asthma Clinic".
bool IsOrganisationWord(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "canada", "society", "association", "foundation", "clinic", "centre",
      "center", "institute", "unit", "ward", "awareness", "research",
      "month", "week", "day", "walk", "program", "programme", "quebec",
      "federation", "network", "fund", "camp", "educator", "educators",
      "team", "service", "services"};
  for (std::string_view w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

bool IsFigurativeWord(std::string_view folded) {
  return folded == "tropical" || folded == "economic" || folded == "great" ||
         folded == "heat";
}

// How many words before a condition a negation cue may stand.
constexpr size_t kNegationReach = 4;

// True when the words from token `from` up to `to` cross a clause: a
// sentence end or a line break, or a word that opens a new clause ("no
// fever but a cough": the cough is not negated).
bool ClauseBetween(std::string_view unit_text, const FoldedText& text,
                   size_t from, size_t to) {
  std::string_view gap =
      unit_text.substr(text.End(from), text.Start(to) - text.End(from));
  if (gap.find_first_of(".;!?\n") != std::string_view::npos) return true;
  for (size_t k = from + 1; k < to; ++k) {
    std::string_view w = text.Phrase(k, k);
    if (w == "but" || w == "however" || w == "although" || w == "mais") {
      return true;
    }
  }
  return false;
}

// The negation cue ("denies", "no history of", "negative for", "pas de",
// "sans") that governs the condition at token `first`, or empty. A cue
// governs up to kNegationReach words ahead within its clause.
std::string_view NegationCue(std::string_view unit_text, const FoldedText& text,
                             size_t first) {
  // Not "without"/"sans": in coded titles they qualify ("osteoporosis
  // without current pathological fracture"), they do not negate.
  static constexpr std::string_view kCues[] = {
      "no",      "denies", "denied", "deny",   "negative", "free",
      "absence", "absent", "ruled",  "not",    "never",    "pas",
      "aucun",   "aucune", "nie",    "negatif"};
  size_t lowest = first > kNegationReach ? first - kNegationReach : 0;
  for (size_t k = first; k-- > lowest;) {
    std::string_view w = text.Phrase(k, k);
    for (std::string_view cue : kCues) {
      if (w != cue) continue;
      // "negative for", "free of", "ruled out": the cue needs its partner.
      std::string_view next = k + 1 < first ? text.Phrase(k + 1, k + 1) : "";
      if ((w == "negative" || w == "negatif") && next != "for" &&
          next != "pour") {
        continue;
      }
      if ((w == "free" || w == "absence") && next != "of") continue;
      if (w == "ruled" && next != "out") continue;
      if (ClauseBetween(unit_text, text, k, first)) return {};
      return cue;
    }
  }
  return {};
}

// Which label supports a condition (labels.h LabelMatch), asked once per
// distinct label: 0 for free text and unrelated labels.
int ConditionLabel(const TextUnit& unit, UnitView& view) {
  if (unit.label.empty()) return 0;
  return view.LabelAnswer(UnitCache::kConditionLabel, [&] {
    return LabelMatch(unit.label, view.NormalizedLabel(), kFields,
                      kLabelWords);
  });
}

// The confidence a dictionary phrase gets from a ConditionLabel answer.
double LabelConfidence(int label) {
  if (label == 0) return 0;
  return label <= static_cast<int>(std::size(kFields)) ? kFieldConfidence
                                                      : kLabelConfidence;
}

}  // namespace

bool IsDiagnosisLabel(std::string_view raw_label) {
  TextUnit unit;
  unit.label = raw_label;
  UnitView view(unit, nullptr);
  return ConditionLabel(unit, view) > 0;
}

std::vector<DetectorInfo> ConditionAnalyzer::Describe() const {
  return {{"condition_text", "diagnosis",
           "Condition words and phrases (English, French) in text and fields"},
          {"icd10_title", "diagnosis",
           "ICD-10 titles written beside their code (Headache (R51))"}};
}

std::unique_ptr<AnalyzerScratch> ConditionAnalyzer::NewScratch() const {
  return std::make_unique<AnalyzerScratch>();
}

void ConditionAnalyzer::Analyze(const TextUnit& unit,
                                std::span<const PriorFinding> prior,
                                AnalyzerScratch* scratch,
                                std::vector<ProposedFinding>* out) const {
  UnitView view(unit, scratch);
  if (!view.HasLetter()) return;  // no condition word, no title
  const PhraseDictionary& dictionary = ConditionDictionary();
  const FoldedText& text = view.Folded();
  const int label = ConditionLabel(unit, view);
  const double label_confidence = LabelConfidence(label);
  for (size_t i = 0; i < text.size();) {
    PhraseDictionary::Hit hit = dictionary.LongestAt(text, i);
    if (hit.tokens == 0) {
      ++i;
      continue;
    }
    size_t last = i + hit.tokens - 1;
    bool named = last + 1 < text.size() &&
                 IsOrganisationWord(text.Phrase(last + 1, last + 1));
    bool figurative = i > 0 && IsFigurativeWord(text.Phrase(i - 1, i - 1));
    bool field_value = label_confidence > 0 &&
                       IsWholeValue(unit.text, text.Start(i), text.End(last));
    std::string_view cue = label_confidence > 0
                               ? std::string_view()
                               : NegationCue(unit.text, text, i);
    if (!named && !figurative && !cue.empty()) {
      // A negated condition is still health information about the person
      // ("denies chest pain" says what was asked and answered), but not a
      // diagnosis: it is reported as medical history.
      out->push_back({text.Start(i), text.End(last), "condition_text",
                      "medical_history", dictionary.Key(hit.key),
                      kTextConfidence,
                      "condition word negated ('" + std::string(cue) +
                          "'): history, not a diagnosis"});
    } else if (!named && !figurative && !field_value) {
      double confidence = label_confidence > 0 ? label_confidence
                                               : kTextConfidence;
      out->push_back({text.Start(i), text.End(last), "condition_text",
                      "diagnosis", dictionary.Key(hit.key), confidence,
                      label_confidence > 0
                          ? "condition word; " +
                                LabelMatchReason(label, kFields, kLabelWords)
                          : "condition word in text"});
    }
    i = last + 1;
  }
  // Under a diagnosis label the whole value is the field analyzer's.
  if (label_confidence == 0) {
    ProposeCodedTitles(unit.text, text, prior, out);
    if (unit.kind != UnitKind::kText) ProposeWholeTitle(unit.text, text, out);
  }
}

}  // namespace breachscope::medical
