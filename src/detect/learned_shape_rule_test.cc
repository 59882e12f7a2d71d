#include "detect/learned_shape_rule.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detect/id_shape.h"

namespace breachscope {
namespace {

std::unique_ptr<const DetectorEngine> Engine(std::vector<std::string> only) {
  DetectOptions options;
  options.only_detectors = std::move(only);
  auto engine = DetectorEngine::Create(options);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine).value() : nullptr;
}

// `detectors list` shows the rule like the others: id, category, what it
// finds; `scan --detectors` knows its id.
TEST(LearnedShapeRuleTest, ListedAndSelectable) {
  auto all = Engine({});
  ASSERT_NE(all, nullptr);
  const DetectorInfo* listed = nullptr;
  for (const DetectorInfo& info : all->detectors()) {
    if (info.id == kLearnedShapeDetector) listed = &info;
  }
  ASSERT_NE(listed, nullptr);
  EXPECT_EQ(listed->category, "medical_record_number");
  EXPECT_NE(listed->description.find("learned"), std::string::npos);
  EXPECT_TRUE(RunsLearnedShapes(*all));

  auto only = Engine({"mrn_field", std::string(kLearnedShapeDetector)});
  ASSERT_NE(only, nullptr);
  EXPECT_TRUE(RunsLearnedShapes(*only));
  auto without = Engine({"mrn_field", "medical_record_number"});
  ASSERT_NE(without, nullptr);
  EXPECT_FALSE(RunsLearnedShapes(*without));
}

// It finds nothing while a unit is read: promotion happens when a scan
// ends (app/learned_shape_step.h).
TEST(LearnedShapeRuleTest, ProposesNothingPerUnit) {
  TextUnit unit;
  unit.text = "Your file RVH-0042371 was copied.";
  std::vector<ProposedFinding> out;
  LearnedShapeRule().Analyze(unit, {}, nullptr, &out);
  EXPECT_TRUE(out.empty());
  auto engine = Engine({std::string(kLearnedShapeDetector)});
  ASSERT_NE(engine, nullptr);
  auto scratch = engine->NewScratch();
  std::vector<Finding> found;
  engine->ScanUnit(unit, *scratch, &found);
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace breachscope
