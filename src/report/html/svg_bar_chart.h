// Inline SVG bar charts for the HTML summary. Drawn here rather than in
// JavaScript so they show with scripts off and need nothing from outside the
// file. Pure functions; output is a fragment to place inside <body>.
#ifndef BREACHSCOPE_REPORT_HTML_SVG_BAR_CHART_H_
#define BREACHSCOPE_REPORT_HTML_SVG_BAR_CHART_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace breachscope {

struct ChartBar {
  std::string label;  // shown as is (escaped); never a PHI value
  uint64_t value = 0;
  std::string css_class = "bar";  // colour: "bar", "bar-ok", "bar-fail", "bar-skip"
};

// A horizontal bar chart, one row per bar in the given order, bars scaled to
// the largest value. `id` names the figure (`chart-<id>`) so tests and links
// can find it. No bars: a figure saying there is nothing to show.
std::string RenderBarChart(std::string_view id, std::string_view title,
                           const std::vector<ChartBar>& bars);

// One bar split into segments (scanned / failed / skipped), each as wide as
// its share of the total, with a legend of counts under it.
std::string RenderStackedBar(std::string_view id, std::string_view title,
                             const std::vector<ChartBar>& segments);

// "7293" -> "7,293": counts in the page are read by people.
std::string FormatCount(uint64_t value);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_HTML_SVG_BAR_CHART_H_
