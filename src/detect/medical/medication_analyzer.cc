#include "detect/medical/medication_analyzer.h"

#include "detect/medical/analyzer_util.h"
#include "detect/medical/folded_text.h"
#include "detect/medical/labels.h"
#include "detect/medical/medical_data.h"

namespace breachscope::medical {
namespace {

constexpr double kTextConfidence = 0.60;
constexpr double kDoseConfidence = 0.75;
constexpr double kLabelConfidence = 0.85;
constexpr double kLabelDoseConfidence = 0.90;

constexpr std::string_view kLabelWords[] = {"medication", "medicament", "drug",
                               "prescription", "meds", "rx"};
constexpr std::string_view kFields[] = {"RXE-2", "RXO-1", "RXD-2", "RXA-5", "RXG-4"};

// Which label supports a medication (labels.h LabelMatch), asked once per
// distinct label: 0 for none.
int MedicationLabel(const TextUnit& unit, UnitView& view) {
  if (unit.label.empty()) return 0;
  return view.LabelAnswer(UnitCache::kMedicationLabel, [&] {
    return LabelMatch(unit.label, view.NormalizedLabel(), kFields,
                      kLabelWords);
  });
}

// "Vitamin D deficiency", "carence en vitamine D", "lithium toxicity": the
// drug names a condition there, which the diagnosis rules report.
bool NamesCondition(const FoldedText& text, size_t first, size_t last) {
  if (last + 1 < text.size()) {
    std::string_view next = text.Phrase(last + 1, last + 1);
    if (next == "deficiency" || next == "deficient" || next == "toxicity" ||
        next == "insufficiency") {
      return true;
    }
  }
  return first >= 2 && text.Phrase(first - 2, first - 1) == "carence en";
}

double Confidence(bool labelled, bool dosed) {
  if (labelled) return dosed ? kLabelDoseConfidence : kLabelConfidence;
  return dosed ? kDoseConfidence : kTextConfidence;
}

}  // namespace

std::vector<DetectorInfo> MedicationAnalyzer::Describe() const {
  return {{"drug_name", "medication",
           "Drug ingredient and brand names (Health Canada DPD), with dose"},
};
}

std::unique_ptr<AnalyzerScratch> MedicationAnalyzer::NewScratch() const {
  return std::make_unique<AnalyzerScratch>();
}

void MedicationAnalyzer::Analyze(const TextUnit& unit,
                                 std::span<const PriorFinding> prior,
                                 AnalyzerScratch* scratch,
                                 std::vector<ProposedFinding>* out) const {
  (void)prior;
  UnitView view(unit, scratch);
  if (!view.HasLetter()) return;  // no drug name
  const PhraseDictionary& dictionary = DrugDictionary();
  const FoldedText& text = view.Folded();
  const int label = MedicationLabel(unit, view);
  const bool labelled = label > 0;
  for (size_t i = 0; i < text.size();) {
    PhraseDictionary::Hit hit = dictionary.LongestAt(text, i);
    if (hit.tokens == 0) {
      ++i;
      continue;
    }
    size_t last = i + hit.tokens - 1;
    uint32_t end = text.End(last);
    uint32_t dose_end = static_cast<uint32_t>(DoseEnd(unit.text, end));
    bool dosed = dose_end > end;
    bool field_value =
        labelled && IsWholeValue(unit.text, text.Start(i), dose_end);
    bool wanted = dosed || labelled || !IsAmbiguousDrug(hit.key);
    if (!field_value && wanted && !NamesCondition(text, i, last)) {
      std::string reason = dosed ? "drug name with dose" : "drug name";
      if (labelled) {
        reason += "; " + LabelMatchReason(label, kFields, kLabelWords);
      }
      out->push_back({text.Start(i), dose_end, "drug_name", "medication",
                      dictionary.Key(hit.key), Confidence(labelled, dosed),
                      std::move(reason)});
    }
    // Skip the tokens the dose took, so "500 mg" is not read again.
    i = last + 1;
    while (i < text.size() && text.Start(i) < dose_end) ++i;
  }
}

}  // namespace breachscope::medical
