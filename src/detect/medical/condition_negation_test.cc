// A negated condition word is medical history, not a diagnosis.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detect/medical/medical_analyzers.h"

namespace breachscope {
namespace {

struct Case {
  const char* text;
  const char* category;  // of the one condition finding expected
};

TEST(ConditionNegationTest, Table) {
  const Case cases[] = {
      {"Patient denies depression.", "medical_history"},
      {"No history of diabetes.", "medical_history"},
      {"Negative for pneumonia on imaging.", "medical_history"},
      {"Pas de diabète connu.", "medical_history"},
      {"Aucun asthme connu.", "medical_history"},
      // A qualifier of a coded title, not a negation.
      {"Osteoporosis without current pathological fracture", "diagnosis"},
      {"Known diabetes, well controlled.", "diagnosis"},
      // The cue's clause has ended.
      {"No fever. Asthma flared last week.", "diagnosis"},
      {"No fever but asthma flared last week.", "diagnosis"},
      // Too far from the cue.
      {"No change since the last visit with asthma.", "diagnosis"},
      // "negative" alone is not a cue.
      {"Negative mood; depression screening done.", "diagnosis"},
  };
  for (const Case& c : cases) {
    TextUnit unit;
    unit.text = c.text;
    std::vector<ProposedFinding> out;
    MedicalConditionAnalyzer().Analyze(unit, {}, nullptr, &out);
    std::vector<ProposedFinding> conditions;
    for (const ProposedFinding& f : out) {
      if (f.detector == "condition_text") conditions.push_back(f);
    }
    ASSERT_FALSE(conditions.empty()) << "no condition word in: " << c.text;
    EXPECT_EQ(conditions.back().category, c.category) << c.text;
  }
}

}  // namespace
}  // namespace breachscope
