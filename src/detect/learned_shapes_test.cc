#include "detect/learned_shapes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace breachscope {
namespace {

Finding Labelled(std::string value, std::string category = "medical_record_number",
                 std::string label = "MRN", int column = 0) {
  Finding f;
  f.category = std::move(category);
  f.detector = "mrn_field";
  f.value = std::move(value);
  f.location.kind = UnitKind::kTableCell;
  f.location.label = std::move(label);
  f.location.column = column;
  return f;
}

std::vector<LearnedShape> LearnFrom(const std::vector<std::string>& values,
                                    std::string source = "a.csv") {
  ShapeLearner learner;
  for (const std::string& v : values) learner.Add(source, Labelled(v));
  return learner.Learn();
}

TEST(LearnedShapesTest, LearnsALiteralPrefix) {
  std::vector<LearnedShape> shapes =
      LearnFrom({"RVH-0042371", "RVH-0042372", "RVH-1000001", "RVH-2000002",
                 "RVH-3000003"});
  ASSERT_EQ(shapes.size(), 1u);
  EXPECT_EQ(shapes[0].shape, "RVH-9{7}");
  EXPECT_TRUE(shapes[0].literal);
  EXPECT_EQ(shapes[0].category, "medical_record_number");
  EXPECT_EQ(shapes[0].values, 5u);
  EXPECT_EQ(shapes[0].columns, 1u);
}

TEST(LearnedShapesTest, NeedsFiveDistinctValues) {
  EXPECT_TRUE(LearnFrom({"RVH-0042371", "RVH-0042372", "RVH-1000001",
                         "RVH-2000002", "rvh-2000002"})
                  .empty());
}

TEST(LearnedShapesTest, NeedsNinetyPercentOfTheColumn) {
  // 9 of 10 share the shape: learned. 8 of 10: not.
  std::vector<std::string> values;
  for (int i = 0; i < 9; ++i) values.push_back("M0012345" + std::to_string(i));
  values.push_back("1234567");
  EXPECT_EQ(LearnFrom(values).size(), 1u);
  values[8] = "7654321";
  EXPECT_TRUE(LearnFrom(values).empty());
}

TEST(LearnedShapesTest, BareNumbersAreNeverLearned) {
  EXPECT_TRUE(LearnFrom({"1234567", "2345678", "3456789", "4567890",
                         "5678901", "6789012"})
                  .empty());
}

TEST(LearnedShapesTest, VaryingLettersFallBackToTheClassShape) {
  std::vector<LearnedShape> shapes = LearnFrom(
      {"AB123456", "CD234567", "EF345678", "GH456789", "JK567890"});
  ASSERT_EQ(shapes.size(), 1u);
  EXPECT_EQ(shapes[0].shape, "A{2}9{6}");
  EXPECT_FALSE(shapes[0].literal);
}

TEST(LearnedShapesTest, ValuesAddUpOverColumnsAndItems) {
  ShapeLearner learner;
  learner.Add("a.csv", Labelled("24-118873"));
  learner.Add("a.csv", Labelled("24-118874"));
  learner.Add("b.hl7", Labelled("23-000001", "medical_record_number", "PID-3"));
  learner.Add("b.hl7", Labelled("23-000002", "medical_record_number", "PID-3"));
  learner.Add("c.json", Labelled("22-123456"));
  std::vector<LearnedShape> shapes = learner.Learn();
  ASSERT_EQ(shapes.size(), 1u);
  EXPECT_EQ(shapes[0].shape, "9{2}-9{6}");
  EXPECT_EQ(shapes[0].columns, 3u);
}

TEST(LearnedShapesTest, OrderDoesNotMatter) {
  // Items in any order, each item's values in any order.
  const std::vector<std::string> a = {"RVH-0042371", "P000123", "RVH-0042372",
                                      "RVH-1000001"};
  const std::vector<std::string> b = {"RVH-2000002", "RVH-3000003", "P000124",
                                      "RVH-0042372"};
  ShapeLearner forward, backward;
  for (const std::string& v : a) forward.Add("a.csv", Labelled(v));
  for (const std::string& v : b) forward.Add("b.csv", Labelled(v));
  for (auto v = b.rbegin(); v != b.rend(); ++v) backward.Add("b.csv", Labelled(*v));
  for (auto v = a.rbegin(); v != a.rend(); ++v) backward.Add("a.csv", Labelled(*v));
  std::vector<LearnedShape> x = forward.Learn(), y = backward.Learn();
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].shape, y[i].shape);
    EXPECT_EQ(x[i].values, y[i].values);
  }
}

TEST(LearnedShapesTest, EachCategoryOfAColumnIsAColumnOfItsOwn) {
  // PID-3 repetitions typed MR and PI share a label: each category's
  // values are judged by themselves, so neither shape drowns the other.
  ShapeLearner learner;
  for (int i = 0; i < 6; ++i) {
    learner.Add("a.hl7", Labelled("RVH-00" + std::to_string(42370 + i),
                                  "medical_record_number", "PID-3"));
  }
  for (int i = 0; i < 6; ++i) {
    learner.Add("a.hl7", Labelled("PT" + std::to_string(880000 + i),
                                  "patient_number", "PID-3"));
  }
  std::vector<LearnedShape> shapes = learner.Learn();
  ASSERT_EQ(shapes.size(), 2u);
  EXPECT_EQ(shapes[0].category, "patient_number");
  EXPECT_EQ(shapes[1].category, "medical_record_number");
}

TEST(LearnedShapesTest, AHugeColumnIsSampledNotHeld) {
  // 100,000 distinct numbers of one shape and 2% of another: the column
  // keeps a bounded sample, still finds its shape and estimates the count.
  ShapeLearner learner;
  for (int i = 0; i < 100000; ++i) {
    const std::string v = i % 50 == 0 ? "X" + std::to_string(1000000 + i)
                                      : "RVH-" + std::to_string(1000000 + i);
    learner.Add("big.csv", Labelled(v));
  }
  std::vector<LearnedShape> shapes = learner.Learn();
  ASSERT_EQ(shapes.size(), 1u);
  EXPECT_EQ(shapes[0].shape, "RVH-9{7}");
  EXPECT_GT(shapes[0].values, 94000u);
  EXPECT_LT(shapes[0].values, 102000u);
}

TEST(LearnedShapesTest, OnlyLabelledFindingsTeach) {
  Finding text = Labelled("RVH-0042371");
  text.location.kind = UnitKind::kText;
  EXPECT_FALSE(LabelledForLearning(text));
  Finding nearby = Labelled("RVH-0042371");
  nearby.detector = "medical_record_number";
  nearby.explanation = "format only; nearby 'mrn' +0.10";
  EXPECT_FALSE(LabelledForLearning(nearby));
  nearby.explanation = "format only; label 'MRN' +0.20";
  EXPECT_TRUE(LabelledForLearning(nearby));
  Finding promoted = Labelled("RVH-0042371");
  promoted.detector = std::string(kLearnedShapeDetector);
  EXPECT_FALSE(LabelledForLearning(promoted));
  EXPECT_FALSE(LabelledForLearning(Labelled("RVH-0042371", "phone")));
  EXPECT_TRUE(LabelledForLearning(Labelled("P000123", "patient_number")));
}

TEST(LearnedShapesTest, PromotesMatchingCandidatesOnly) {
  LearnedShapes shapes(LearnFrom({"RVH-0042371", "RVH-0042372", "RVH-1000001",
                                  "RVH-2000002", "RVH-3000003"}));
  Finding candidate;
  candidate.category = std::string(kIdCandidateCategory);
  candidate.value = "rvh-7654321";
  candidate.location.offset = 42;
  std::optional<Finding> f = shapes.Promote(candidate);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->category, "medical_record_number");
  EXPECT_EQ(f->detector, kLearnedShapeDetector);
  EXPECT_EQ(f->normalized, "RVH-7654321");
  EXPECT_EQ(f->location.offset, 42u);
  EXPECT_DOUBLE_EQ(f->confidence, 0.80);
  EXPECT_EQ(f->explanation,
            "learned shape 'RVH-9{7}' from 5 labelled values in 1 column");
  for (std::string other : {"ORD-0042371", "RVH-004237", "RVH0042371",
                            "0042371"}) {
    candidate.value = other;
    EXPECT_FALSE(shapes.Promote(candidate).has_value()) << other;
  }
}

// A field rule finds `M 00123456` whole and the pattern finds `00123456`
// inside it: one value of the cell, so the spaced shape is the column's.
TEST(LearnedShapesTest, NestedFindingsOfACellCountOnce) {
  for (const bool part_first : {false, true}) {
    ShapeLearner learner;
    for (int row = 0; row < 6; ++row) {
      const std::string digits = "0012345" + std::to_string(row);
      Finding whole = Labelled("M " + digits);
      Finding part = Labelled(digits);
      part.detector = "medical_record_number";
      part.explanation = "format only; label 'MRN' +0.20";
      whole.location.record = part.location.record = row;
      learner.Add("a.csv", part_first ? part : whole);
      learner.Add("a.csv", part_first ? whole : part);
    }
    std::vector<LearnedShape> learned = learner.Learn();
    ASSERT_EQ(learned.size(), 1u) << part_first;
    EXPECT_EQ(learned[0].shape, "M 9{8}");
    EXPECT_EQ(learned[0].values, 6u);
    LearnedShapes shapes(learned);
    Finding candidate;
    candidate.category = std::string(kIdCandidateCategory);
    candidate.value = "M 00999999";
    std::optional<Finding> f = shapes.Promote(candidate);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->value, "M 00999999");
    EXPECT_EQ(f->normalized, "M00999999");
    candidate.value = "M00999999";  // another shape
    EXPECT_FALSE(shapes.Promote(candidate).has_value());
  }
  // Different numbers of one cell both count.
  ShapeLearner learner;
  for (const char* v : {"RVH-0042371", "RVH-0042372", "RVH-1000001",
                        "RVH-2000002", "RVH-3000003"}) {
    learner.Add("a.csv", Labelled(v));
  }
  EXPECT_EQ(learner.Learn().at(0).values, 5u);
}

}  // namespace
}  // namespace breachscope
