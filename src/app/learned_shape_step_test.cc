#include "app/learned_shape_step.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/id_candidate.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::MakeFinding;
using testing::MakeItem;

Finding Labelled(std::string value, int64_t row) {
  Finding f = MakeFinding("medical_record_number", std::move(value), row);
  f.detector = "mrn_field";
  f.location.kind = UnitKind::kTableCell;
  f.location.column = 0;
  f.location.label = "MRN";
  return f;
}

Finding Candidate(std::string value, uint64_t offset) {
  Finding f = MakeFinding(std::string(kIdCandidateCategory), std::move(value));
  f.location.offset = offset;
  return f;
}

std::vector<std::string> Promoted(CaseStore& store) {
  std::vector<std::string> out;
  EXPECT_TRUE(store.ForEachFinding([&](const StoredFinding& s) {
                     if (s.finding.detector != "mrn_learned_shape") return;
                     out.push_back(s.source + "#" + std::to_string(s.seq) +
                                   " " + s.finding.value + " (" +
                                   s.finding.explanation + ")");
                   }).ok());
  return out;
}

class LearnedShapeStepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenStore(tmp_.case_dir());
    std::vector<Finding> chart;
    for (int i = 0; i < 5; ++i) {
      chart.push_back(Labelled("RVH-000123" + std::to_string(i), i));
    }
    ASSERT_TRUE(store_->AddItem(MakeItem("chart.csv", "chart.csv"), chart).ok());
    ASSERT_TRUE(store_->AddItem(MakeItem("letter.txt", "letter.txt", "text"),
                                {Candidate("ORD-0001234", 5),
                                 Candidate("rvh-7654321", 40)})
                    .ok());
  }
  testing::TempDir tmp_;
  std::unique_ptr<CaseStore> store_;
};

TEST_F(LearnedShapeStepTest, PromotesCandidatesOfALearnedShape) {
  Result<LearnedShapeOutcome> outcome = PromoteLearnedShapes(*store_, 0.5);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(outcome.value().shapes, 1u);
  EXPECT_EQ(outcome.value().promoted, 1u);
  const std::vector<std::string> expected = {
      "letter.txt#1099511627777 rvh-7654321 (learned shape 'RVH-9{7}' from 5 "
      "labelled values in 1 column)"};
  EXPECT_EQ(Promoted(*store_), expected);
  // Again: the promotions of the last end are replaced, not added to.
  ASSERT_TRUE(PromoteLearnedShapes(*store_, 0.5).ok());
  EXPECT_EQ(Promoted(*store_), expected);
}

TEST_F(LearnedShapeStepTest, MinConfidenceDropsPromotions) {
  ASSERT_TRUE(PromoteLearnedShapes(*store_, 0.5).ok());
  Result<LearnedShapeOutcome> strict = PromoteLearnedShapes(*store_, 0.85);
  ASSERT_TRUE(strict.ok());
  EXPECT_EQ(strict.value().shapes, 1u);
  EXPECT_EQ(strict.value().promoted, 0u);
  EXPECT_TRUE(Promoted(*store_).empty());
}

TEST_F(LearnedShapeStepTest, FourTeachersTeachNothing) {
  testing::TempDir tmp;
  auto store = testing::OpenStore(tmp.case_dir());
  std::vector<Finding> chart;
  for (int i = 0; i < 4; ++i) {
    chart.push_back(Labelled("RVH-000123" + std::to_string(i), i));
  }
  ASSERT_TRUE(store->AddItem(MakeItem("chart.csv", "chart.csv"), chart).ok());
  ASSERT_TRUE(store->AddItem(MakeItem("letter.txt", "letter.txt", "text"),
                             {Candidate("RVH-7654321", 40)})
                  .ok());
  Result<LearnedShapeOutcome> outcome = PromoteLearnedShapes(*store, 0.5);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.value().shapes, 0u);
  EXPECT_TRUE(Promoted(*store).empty());
}

// With no candidate, five teachers are not even read: nothing to promote.
TEST(LearnedShapeStepNoCandidatesTest, NothingIsLearned) {
  testing::TempDir tmp;
  auto store = testing::OpenStore(tmp.case_dir());
  std::vector<Finding> chart;
  for (int i = 0; i < 5; ++i) {
    chart.push_back(Labelled("RVH-000123" + std::to_string(i), i));
  }
  ASSERT_TRUE(store->AddItem(MakeItem("chart.csv", "chart.csv"), chart).ok());
  Result<LearnedShapeOutcome> outcome = PromoteLearnedShapes(*store, 0.5);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.value().shapes, 0u);
  EXPECT_EQ(outcome.value().promoted, 0u);
}

}  // namespace
}  // namespace breachscope
