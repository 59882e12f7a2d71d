// Runs every registered detector's must-match / must-not-match examples
// through the full engine, one unit per example.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detect/detector_engine.h"
#include "detect/detector_registry.h"

namespace breachscope {
namespace {

class DetectorExamplesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto engine = DetectorEngine::Create(DetectOptions{});
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }

  // Findings of detector `id` in the example's unit.
  static std::vector<Finding> Scan(const DetectorExample& example,
                                   std::string_view id) {
    TextUnit unit;
    unit.kind = example.kind;
    unit.text = example.text;
    unit.label = example.label;
    auto scratch = engine_->NewScratch();
    std::vector<Finding> all, mine;
    engine_->ScanUnit(unit, *scratch, &all);
    for (Finding& f : all) {
      if (f.detector == id) mine.push_back(std::move(f));
    }
    return mine;
  }

  static const DetectorEngine* engine_;
};

const DetectorEngine* DetectorExamplesTest::engine_ = nullptr;

bool HasFinding(const std::vector<Finding>& findings,
                const DetectorExample& example) {
  for (const Finding& f : findings) {
    if (f.category == example.category && f.normalized == example.normalized) {
      return true;
    }
  }
  return false;
}

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += "\n  " + f.category + " " + f.normalized + " (" + f.explanation +
           ")";
  }
  return out.empty() ? " none" : out;
}

TEST_F(DetectorExamplesTest, EveryDetectorHasEnoughExamples) {
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    int positive = 0, negative = 0;
    for (const DetectorExample& e : spec->examples) {
      (e.must_match ? positive : negative)++;
    }
    EXPECT_GE(positive, 6) << spec->id;
    EXPECT_GE(negative, 6) << spec->id;
  }
}

TEST_F(DetectorExamplesTest, MustMatch) {
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    for (const DetectorExample& e : spec->examples) {
      if (!e.must_match) continue;
      std::vector<Finding> found = Scan(e, spec->id);
      EXPECT_TRUE(HasFinding(found, e))
          << spec->id << ": '" << e.text << "' label '" << e.label
          << "' expected " << e.category << " " << e.normalized
          << ", got:" << Describe(found);
    }
  }
}

TEST_F(DetectorExamplesTest, MustNotMatch) {
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    for (const DetectorExample& e : spec->examples) {
      if (e.must_match) continue;
      std::vector<Finding> found = Scan(e, spec->id);
      EXPECT_TRUE(found.empty()) << spec->id << ": '" << e.text << "' label '"
                                 << e.label << "' got:" << Describe(found);
    }
  }
}

}  // namespace
}  // namespace breachscope
