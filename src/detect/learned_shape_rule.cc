#include "detect/learned_shape_rule.h"

#include <string>
#include <vector>

#include "detect/id_shape.h"

namespace breachscope {
namespace {

class Rule final : public UnitAnalyzer {
 public:
  std::vector<DetectorInfo> Describe() const override {
    return {{std::string(kLearnedShapeDetector), "medical_record_number",
             "Record and patient numbers in a facility's own shape "
             "(RVH-0042371, M 00123456), learned when a scan ends from "
             "labelled values and found in text and unlabelled columns"}};
  }
  // Nothing per unit: candidates are kept by the scan and promoted at
  // its end (the header says why the rule is an analyzer at all).
  void Analyze(const TextUnit&, std::span<const PriorFinding>,
               AnalyzerScratch*, std::vector<ProposedFinding>*) const override {}
};

}  // namespace

const UnitAnalyzer& LearnedShapeRule() {
  static const Rule* const kRule = new Rule();
  return *kRule;
}

bool RunsLearnedShapes(const DetectorEngine& engine) {
  for (const DetectorInfo& info : engine.detectors()) {
    if (info.id == kLearnedShapeDetector) return true;
  }
  return false;
}

}  // namespace breachscope
