#include "report/html/svg_bar_chart.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(FormatCount, GroupsThousands) {
  const std::pair<uint64_t, const char*> cases[] = {
      {0, "0"}, {999, "999"}, {1000, "1,000"}, {7293, "7,293"}, {1234567, "1,234,567"}};
  for (const auto& [value, expected] : cases) EXPECT_EQ(FormatCount(value), expected);
}

TEST(BarChart, OneBarPerRowScaledToTheLargest) {
  std::string svg = RenderBarChart("t", "Title", {{"a", 50}, {"b", 100}, {"c", 0}});
  EXPECT_EQ(Count(svg, "<rect class=\"bar\""), 3u);
  EXPECT_NE(svg.find("id=\"chart-t\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"330.0\" height=\"16\" data-value=\"100\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"165.0\" height=\"16\" data-value=\"50\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"0.0\" height=\"16\" data-value=\"0\""), std::string::npos);
  EXPECT_NE(svg.find("<title>b: 100</title>"), std::string::npos);
}

TEST(BarChart, TinyValuesStayVisible) {
  std::string svg = RenderBarChart("t", "T", {{"big", 1000000}, {"one", 1}});
  EXPECT_NE(svg.find("width=\"1.0\" height=\"16\" data-value=\"1\""), std::string::npos);
}

TEST(BarChart, LabelsAndTitleAreEscaped) {
  std::string svg = RenderBarChart("t", "A & B", {{"<x>", 1}});
  EXPECT_EQ(svg.find("<x>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;x&gt;"), std::string::npos);
  EXPECT_NE(svg.find("A &amp; B"), std::string::npos);
}

TEST(BarChart, LongLabelsAreCutOnACharacterBoundaryAndKeptWholeInTheTooltip) {
  const std::string label = "medical history and clinical notes, éèê long";
  std::string svg = RenderBarChart("t", "T", {{label, 1}});
  EXPECT_NE(svg.find(">medical history and clinical notes, \u2026</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>" + label + ": 1</title>"), std::string::npos);
  svg = RenderBarChart("t", "T", {{"abcdefghijklmnopqrstuvwxyz0123456789éèê", 1}});
  EXPECT_NE(svg.find(">abcdefghijklmnopqrstuvwxyz0123456789\u2026</text>"), std::string::npos);
}

TEST(BarChart, EmptySaysSoWithoutSvg) {
  std::string svg = RenderBarChart("t", "T", {});
  EXPECT_EQ(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Nothing to show"), std::string::npos);
}

TEST(StackedBar, SegmentsShareTheWidthAndZeroesAreOnlyInTheLegend) {
  std::string svg = RenderStackedBar(
      "c", "C", {{"scanned", 3, "bar-ok"}, {"failed", 1, "bar-fail"}, {"skipped", 0, "bar-skip"}});
  EXPECT_NE(svg.find("class=\"bar-ok\" x=\"0.0\" y=\"2\" width=\"480.0\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"bar-fail\" x=\"480.0\" y=\"2\" width=\"160.0\""), std::string::npos);
  EXPECT_EQ(svg.find("<rect class=\"bar-skip\""), std::string::npos);
  EXPECT_NE(svg.find("skipped: 0</li>"), std::string::npos);
  EXPECT_NE(RenderStackedBar("c", "C", {{"scanned", 0}}).find("Nothing to show"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
