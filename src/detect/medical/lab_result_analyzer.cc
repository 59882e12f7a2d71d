#include "detect/medical/lab_result_analyzer.h"

#include "detect/medical/analyzer_util.h"
#include "detect/medical/folded_text.h"
#include "detect/medical/lab_value_parser.h"
#include "detect/medical/labels.h"
#include "detect/medical/medical_data.h"

namespace breachscope::medical {
namespace {

constexpr double kPlainConfidence = 0.60;
constexpr double kUnitConfidence = 0.75;

// The test of the alias at tokens [first, last], or -1 when a short alias
// is not written exactly as the catalogue has it.
int TestOf(const LabCatalog& catalog, const FoldedText& text, int key,
           size_t first, size_t last) {
  for (const LabAlias& alias : catalog.aliases[key]) {
    if (alias.exact.empty()) return alias.test;
    if (first == last && text.Raw(first) == alias.exact) return alias.test;
  }
  return -1;
}

bool IsShortAlias(const LabCatalog& catalog, int key) {
  return !catalog.aliases[key].empty() &&
         !catalog.aliases[key].front().exact.empty();
}

std::string Normalized(const LabTest& test, const LabValue& value) {
  std::string out = test.name + "=" + std::string(value.number);
  if (!value.unit.empty()) out += " " + value.unit;
  return out;
}

// Labels under which the field analyzer reports the whole value as a lab
// result (lab_result_field); asked once per distinct label.
bool IsResultLabel(const TextUnit& unit, UnitView& view) {
  static constexpr std::string_view kWords[] = {"result", "value",
                                                "observation", "resultat"};
  static constexpr std::string_view kFields[] = {"OBX-5"};
  if (unit.label.empty()) return false;
  return view.LabelAnswer(UnitCache::kLabResultLabel, [&] {
           return LabelMatch(unit.label, view.NormalizedLabel(), kFields,
                             kWords);
         }) > 0;
}

}  // namespace

std::vector<DetectorInfo> LabResultAnalyzer::Describe() const {
  return {{"lab_value", "lab_result",
           "A lab test name followed by its value, unit, range and flag"},
};
}

std::unique_ptr<AnalyzerScratch> LabResultAnalyzer::NewScratch() const {
  return std::make_unique<AnalyzerScratch>();
}

void LabResultAnalyzer::Analyze(const TextUnit& unit,
                                std::span<const PriorFinding> prior,
                                AnalyzerScratch* scratch,
                                std::vector<ProposedFinding>* out) const {
  (void)prior;
  UnitView view(unit, scratch);
  if (!view.HasLetter()) return;  // no test name
  const LabCatalog& catalog = LabTests();
  const FoldedText& text = view.Folded();
  bool result_label = IsResultLabel(unit, view);
  for (size_t i = 0; i < text.size();) {
    PhraseDictionary::Hit hit = catalog.names.LongestAt(text, i);
    if (hit.tokens == 0) {  // nearly every token: no LabValue made for it
      ++i;
      continue;
    }
    size_t last = i + hit.tokens - 1;
    int test = TestOf(catalog, text, hit.key, i, last);
    LabValue value;
    if (test < 0 ||
        !ParseLabValue(unit.text, text.End(last), catalog.tests[test].units,
                       &value)) {
      ++i;
      continue;
    }
    const LabTest& lab = catalog.tests[test];
    bool qualified = !value.unit.empty() || value.range || value.flag;
    if (IsShortAlias(catalog, hit.key) && !qualified && !value.assigned &&
        !lab.units.empty()) {
      ++i;
      continue;
    }
    if (result_label &&
        IsWholeValue(unit.text, text.Start(i),
                     static_cast<uint32_t>(value.end))) {
      break;  // the field analyzer reports the whole result field
    }
    out->push_back({text.Start(i), static_cast<uint32_t>(value.end),
                    "lab_value", "lab_result", Normalized(lab, value),
                    qualified ? kUnitConfidence : kPlainConfidence,
                    qualified ? "lab test with value and unit"
                              : "lab test with value"});
    while (i < text.size() && text.Start(i) < value.end) ++i;
  }
}

}  // namespace breachscope::medical
