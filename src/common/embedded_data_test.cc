#include "common/embedded_data.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

namespace breachscope {
namespace {

TEST(EmbeddedDataTest, ReadsLinesOfAnEmbeddedFile) {
  std::vector<std::string> lines;
  ForEachDataLine("test/lines.txt", [&](std::string_view line) { lines.emplace_back(line); });
  EXPECT_EQ(lines, (std::vector<std::string>{"alpha", "beta"}));
}

TEST(EmbeddedDataTest, UnknownFileIsEmptyAndNotesAreNotEmbedded) {
  EXPECT_TRUE(EmbeddedData("no/such.txt").empty());
  EXPECT_TRUE(EmbeddedData("README.md").empty());
  auto files = EmbeddedDataFiles();
  EXPECT_NE(std::find(files.begin(), files.end(), "test/lines.txt"), files.end());
}

}  // namespace
}  // namespace breachscope
