#include "detect/scoring.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

DetectorSpec TwoCategorySpec() {
  DetectorSpec spec;
  spec.id = "test";
  spec.category = "date_of_birth";
  spec.contexts = {{"date_of_birth", {"dob"}, {}},
                   {"service_date", {"visit"}, {}}};
  return spec;
}

Trigger MakeTrigger(double confidence) {
  Trigger trigger;
  trigger.name = "t";
  trigger.confidence = confidence;
  return trigger;
}

TEST(ChooseContextTest, LabelBeatsNearbyWords) {
  SetEvidence evidence[2] = {{"", "dob", 30}, {"visit", "", -1}};
  ContextHit hit = ChooseContext(evidence);
  EXPECT_EQ(hit.set, 1);
  EXPECT_TRUE(hit.from_label);
  EXPECT_EQ(hit.word, "visit");
}

TEST(ChooseContextTest, NearestWordWins) {
  SetEvidence evidence[2] = {{"", "dob", 5}, {"", "visit", 20}};
  ContextHit hit = ChooseContext(evidence);
  EXPECT_EQ(hit.set, 1);
  EXPECT_FALSE(hit.from_label);
}

TEST(ChooseContextTest, NoneFound) {
  SetEvidence evidence[2] = {};
  EXPECT_EQ(ChooseContext(evidence).set, -1);
}

struct ScoreCase {
  const char* name;
  Verdict verdict;
  TriggerNeeds needs;
  bool requires_context;
  ContextHit context;
  double min_confidence;
  bool keep;
  double confidence;
  const char* category;
  const char* explanation;
};

TEST(ScoreCandidateTest, Table) {
  const ContextHit none;
  const ContextHit label{1, true, "visit"};
  const ContextHit nearby{0, false, "dob"};
  const ScoreCase cases[] = {
      {"confirmed no context", Verdict::kConfirmed, TriggerNeeds::kDefault,
       false, none, 0.5, true, 0.65, "date_of_birth",
       "trigger t 0.60; ok +0.05 => 0.65"},
      {"label picks category", Verdict::kConfirmed, TriggerNeeds::kDefault,
       true, label, 0.5, true, 0.85, "service_date",
       "trigger t 0.60; ok +0.05; label 'visit' +0.20 => 0.85"},
      {"nearby", Verdict::kPlausible, TriggerNeeds::kDefault, true, nearby,
       0.5, true, 0.70, "date_of_birth",
       "trigger t 0.60; ok; nearby 'dob' +0.10 => 0.70"},
      {"reject drops", Verdict::kReject, TriggerNeeds::kDefault, false, label,
       0.0, false, 0.0, "", ""},
      {"requires context", Verdict::kConfirmed, TriggerNeeds::kDefault, true,
       none, 0.0, false, 0.0, "", ""},
      {"trigger needs context", Verdict::kConfirmed, TriggerNeeds::kContext,
       false, none, 0.0, false, 0.0, "", ""},
      {"trigger needs label, nearby only", Verdict::kConfirmed,
       TriggerNeeds::kLabel, false, nearby, 0.0, false, 0.0, "", ""},
      {"below threshold", Verdict::kPlausible, TriggerNeeds::kDefault, false,
       none, 0.61, false, 0.60, "date_of_birth", "trigger t 0.60; ok => 0.60"},
  };
  DetectorSpec spec = TwoCategorySpec();
  for (const ScoreCase& c : cases) {
    Trigger trigger = MakeTrigger(0.60);
    trigger.needs = c.needs;
    spec.requires_context = c.requires_context;
    Validation validation{c.verdict, "n", {}, "ok"};
    Score score = ScoreCandidate(
        {&spec, &trigger, &validation, c.context, c.min_confidence});
    EXPECT_EQ(score.keep, c.keep) << c.name;
    EXPECT_NEAR(score.confidence, c.confidence, 1e-9) << c.name;
    EXPECT_EQ(score.category, c.category) << c.name;
    EXPECT_EQ(score.explanation, c.explanation) << c.name;
  }
}

TEST(ScoreCandidateTest, CategoryOverrideAndCap) {
  DetectorSpec spec = TwoCategorySpec();
  Trigger trigger = MakeTrigger(0.95);
  Validation validation{Verdict::kConfirmed, "n", "sin", "ok"};
  Score score =
      ScoreCandidate({&spec, &trigger, &validation, {1, true, "visit"}, 0.5});
  EXPECT_TRUE(score.keep);
  EXPECT_EQ(score.category, "sin");
  EXPECT_DOUBLE_EQ(score.confidence, kMaxConfidence);
}

}  // namespace
}  // namespace breachscope
