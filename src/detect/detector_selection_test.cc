#include <gtest/gtest.h>

#include <set>
#include <string>

#include "detect/detector_engine.h"

namespace breachscope {
namespace {

std::set<std::string> DetectorsFound(const DetectOptions& options,
                                     std::string_view text) {
  auto engine = DetectorEngine::Create(options);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  if (!engine.ok()) return {};
  auto scratch = engine.value()->NewScratch();
  TextUnit unit;
  unit.text = text;
  std::vector<Finding> found;
  engine.value()->ScanUnit(unit, *scratch, &found);
  std::set<std::string> ids;
  for (const Finding& f : found) ids.insert(f.detector);
  return ids;
}

constexpr std::string_view kNote =
    "Dr. Anna Lee called Jane Smith at 306-721-0100 about jane@example.org.";

TEST(DetectorSelectionTest, AllByDefault) {
  std::set<std::string> ids = DetectorsFound(DetectOptions(), kNote);
  EXPECT_TRUE(ids.contains("email"));
  EXPECT_TRUE(ids.contains("phone_nanp"));
  EXPECT_GT(ids.size(), 2u);
}

TEST(DetectorSelectionTest, OnlyTheSelectedRun) {
  struct Row {
    std::vector<std::string> only;
    std::set<std::string> expected;
  };
  std::vector<Row> rows = {
      {{"email"}, {"email"}},
      {{"email", "phone_nanp"}, {"email", "phone_nanp"}},
      {{"name_text"}, {"name_text"}},
  };
  for (const Row& row : rows) {
    DetectOptions options;
    options.only_detectors = row.only;
    EXPECT_EQ(DetectorsFound(options, kNote), row.expected);
  }
}

TEST(DetectorSelectionTest, UnknownIdIsAnError) {
  DetectOptions options;
  options.only_detectors = {"email", "no_such_detector"};
  auto engine = DetectorEngine::Create(options);
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.status().message().find("no_such_detector"), std::string::npos);
}

TEST(DetectorSelectionTest, ListsOnlyTheSelected) {
  DetectOptions options;
  options.only_detectors = {"sin", "name_text"};
  auto engine = DetectorEngine::Create(options);
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(engine.value()->detectors().size(), 2u);
}

}  // namespace
}  // namespace breachscope
