#include "report/html/html_summary.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "common/categories.h"
#include "report/html/html_escape.h"
#include "report/html/html_page.h"
#include "report/html/individuals_table.h"
#include "report/html/svg_bar_chart.h"
#include "report/html/timeline_svg.h"

namespace breachscope {
namespace {

// Bars largest first (ties by name), so the chart reads as a ranking.
std::vector<ChartBar> RankedBars(const std::map<std::string, uint64_t>& counts,
                                 std::string_view empty_key_label) {
  std::vector<ChartBar> bars;
  for (const auto& [key, count] : counts) {
    bars.push_back({key.empty() ? std::string(empty_key_label) : key, count});
  }
  std::stable_sort(bars.begin(), bars.end(),
                   [](const ChartBar& a, const ChartBar& b) { return a.value > b.value; });
  return bars;
}

// Categories in DESIGN.md order, in words, as every report lists them.
std::vector<ChartBar> CategoryBars(const std::map<std::string, uint64_t>& counts) {
  std::vector<ChartBar> bars;
  for (std::string_view id : kCategoryIds) {
    auto it = counts.find(std::string(id));
    if (it != counts.end()) bars.push_back({CategoryWords(it->first, false), it->second});
  }
  for (const auto& [id, count] : counts) {
    if (!IsCategoryId(id)) bars.push_back({id, count});  // kept visible, not dropped
  }
  return bars;
}

std::vector<ChartBar> NotReadBars(const CaseSummary& coverage) {
  std::vector<ChartBar> bars;
  for (ChartBar bar : RankedBars(coverage.errors_by_reason, "unknown")) {
    bars.push_back({"failed: " + bar.label, bar.value, "bar-fail"});
  }
  for (ChartBar bar : RankedBars(coverage.skipped_by_reason, "unknown")) {
    bars.push_back({"skipped: " + bar.label, bar.value, "bar-skip"});
  }
  return bars;
}

void AppendCount(std::string_view label, uint64_t value, std::string_view id, std::string* out) {
  *out += "<li id=\"count-";
  *out += id;
  *out += "\"><b>" + FormatCount(value) + "</b>";
  AppendEscaped(label, out);
  *out += "</li>";
}

std::string Header(const ReportModel& model) {
  const std::string& organisation = model.facts.organisation.name;
  std::string out = "<header><h1>Breach summary";
  if (!organisation.empty()) {
    out += ": ";
    AppendEscaped(organisation, &out);
  }
  out += "</h1><p class=\"meta\">Generated " + FormatIsoDate(model.generated_on);
  if (!model.regimes.empty()) {
    out += ". Regimes: ";
    for (size_t i = 0; i < model.regimes.size(); ++i) {
      if (i > 0) out += "; ";
      AppendEscaped(model.regimes[i]->name, &out);
    }
  }
  out += ". Names and dates of birth are masked; no identifier, phone, e-mail or address "
         "is shown.</p><ul class=\"counts\">";
  const auto without_address = std::count_if(model.people.begin(), model.people.end(),
                                             [](const AffectedPerson& p) { return !p.mailing; });
  AppendCount("individuals", model.people.size(), "individuals", &out);
  AppendCount("findings", model.coverage.findings, "findings", &out);
  AppendCount("items scanned", model.coverage.items_scanned, "scanned", &out);
  AppendCount("items failed", model.coverage.items_error, "failed", &out);
  AppendCount("items skipped", model.coverage.items_skipped, "skipped", &out);
  AppendCount("without a usable address", static_cast<uint64_t>(without_address), "no-address", &out);
  out += "</ul>";
  const std::string what = model.facts.Text("what_happened", false);
  if (!what.empty()) {
    out += "<p class=\"what\">";
    AppendEscaped(what, &out);
    out += "</p>";
  }
  return out + "</header>\n";
}

std::string Charts(const ReportModel& model) {
  const CaseSummary& coverage = model.coverage;
  std::string out = "<section id=\"charts\"><h2>What was taken, from whom, and what was read</h2><div class=\"charts\">\n";
  out += RenderBarChart("categories", "Individuals by category exposed", CategoryBars(model.people_by_category));
  out += RenderBarChart("jurisdictions", "Individuals by jurisdiction of residence",
                        RankedBars(model.people_by_jurisdiction, "unknown"));
  out += RenderBarChart("formats", "Items scanned by format", RankedBars(coverage.items_by_format, "unknown"));
  out += RenderStackedBar("coverage", "Coverage: items scanned, failed and skipped",
                          {{"scanned", coverage.items_scanned, "bar-ok"},
                           {"failed", coverage.items_error, "bar-fail"},
                           {"skipped", coverage.items_skipped, "bar-skip"}});
  out += RenderBarChart("not-read", "Why items were not read", NotReadBars(coverage));
  return out + "</div></section>\n";
}

}  // namespace

std::string RenderHtmlSummary(const ReportModel& model) {
  std::string title = "Breach summary";
  if (!model.facts.organisation.name.empty()) title += " — " + model.facts.organisation.name;
  std::string people = RenderIndividualsTable(model.people);
  std::string out = PageHead(title);
  out.reserve(people.size() + 64 * 1024);
  out += Header(model);
  out += Charts(model);
  out += "<section id=\"timeline\"><h2>Timeline and deadlines</h2>\n";
  out += RenderTimeline(model);
  out += RenderDeadlineTable(model);
  out += "</section>\n<section id=\"people\"><h2>Affected individuals</h2>\n"
         "<p class=\"meta\">In order of individual id; click a column header to sort "
         "(needs scripts on).</p>\n";
  out += people;
  out += "</section>\n";
  out += PageTail();
  return out;
}

}  // namespace breachscope
