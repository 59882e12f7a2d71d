#include "detect/medical/condition_analyzer.h"

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

// The confidence a dictionary phrase gets from the unit's label; 0 for free
// text and unrelated labels.
double LabelConfidence(const TextUnit& unit, UnitView& view,
                       std::string* why) {
  if (unit.label.empty()) return 0;
  std::string_view field = LabelField(unit.label, kFields);
  if (!field.empty()) {
    *why = "label " + std::string(field);
    return kFieldConfidence;
  }
  std::string_view word = LabelWord(view.NormalizedLabel(), kLabelWords);
  if (word.empty()) return 0;
  *why = "label '" + std::string(word) + "'";
  return kLabelConfidence;
}

}  // namespace

bool IsDiagnosisLabel(std::string_view raw_label) {
  std::string why;
  TextUnit unit;
  unit.label = raw_label;
  UnitView view(unit, nullptr);
  return LabelConfidence(unit, view, &why) > 0;
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
  std::string why;
  double label_confidence = LabelConfidence(unit, view, &why);
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
    if (!named && !figurative && !field_value) {
      double confidence = label_confidence > 0 ? label_confidence
                                               : kTextConfidence;
      out->push_back({text.Start(i), text.End(last), "condition_text",
                      "diagnosis", dictionary.Key(hit.key), confidence,
                      label_confidence > 0 ? "condition word; " + why
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
