// Writes the HTML summary of a hand-built ReportModel to a file, for the
// headless-Chromium test (html_summary_e2e_test.cc), and prints on stdout, as
// JSON, what a browser should then find: bars per chart, rows, deadlines.
//
//   html_summary_fixture OUT.html [--people N] [--measure] [--probe] [--no-csp]
//                        [--no-scripts]
//
// --measure appends a script that notes, on each chart's <figure>, how many
//   shapes the browser actually laid out with a fill from the style sheet
//   (data-drawn), so the test sees rendering, not just markup.
// --probe adds an image from http://127.0.0.1:9/ that the page's policy must
//   block; --no-csp removes the policy, so the test can show that its
//   network check does catch a fetch.
// --no-scripts sets the policy's script-src to 'none': the page as a browser
//   with scripts off shows it (headless Chromium cannot turn scripts off and
//   still dump the DOM).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "report/html/html_page.h"
#include "report/html/html_summary.h"
#include "report/html/summary_test_model.h"

namespace {

constexpr std::string_view kMeasureScript = R"JS(<script>
(function () {
  document.querySelectorAll('figure.chart').forEach(function (figure) {
    var drawn = 0;
    figure.querySelectorAll('svg rect, svg circle').forEach(function (shape) {
      var box = shape.getBoundingClientRect();
      var fill = getComputedStyle(shape).fill;
      // Unstyled SVG shapes fill black: a colour proves the CSS applied too.
      if (box.width > 0 && box.height > 0 && fill !== 'rgb(0, 0, 0)' && fill !== 'none') drawn++;
    });
    figure.setAttribute('data-drawn', String(drawn));
  });
})();
</script>)JS";

void ReplaceFirst(std::string* text, std::string_view from, std::string_view to) {
  const size_t at = text->find(from);
  if (at != std::string::npos) text->replace(at, from.size(), to);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: html_summary_fixture OUT.html [--people N] [--measure] [--probe] [--no-csp] "
                 "[--no-scripts]\n";
    return 2;
  }
  size_t people = 50;
  bool measure = false, probe = false, no_csp = false, no_scripts = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--people" && i + 1 < argc) {
      people = std::strtoul(argv[++i], nullptr, 10);
    } else if (arg == "--measure") {
      measure = true;
    } else if (arg == "--probe") {
      probe = true;
    } else if (arg == "--no-csp") {
      no_csp = true;
    } else if (arg == "--no-scripts") {
      no_scripts = true;
    } else {
      std::cerr << "unknown argument: " << arg << "\n";
      return 2;
    }
  }
  const breachscope::ReportModel model = breachscope::html_test::SampleModel(people);
  std::string page = breachscope::RenderHtmlSummary(model);
  if (measure) ReplaceFirst(&page, "</body>", std::string(kMeasureScript) + "\n</body>");
  if (probe) ReplaceFirst(&page, "<body>", "<body><img src=\"http://127.0.0.1:9/probe.png\" alt=\"\">");
  if (no_csp) {
    ReplaceFirst(&page, "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                            std::string(breachscope::kSummaryCsp) + "\">", "");
  }
  if (no_scripts) ReplaceFirst(&page, "script-src 'unsafe-inline'", "script-src 'none'");
  std::ofstream(argv[1], std::ios::binary) << page;

  size_t due_marks = 0;  // the timeline draws a circle at each due date on its axis
  for (const auto& row : model.deadlines) {
    due_marks += row.due && row.kind != breachscope::DeadlineKind::kKeep ? 1 : 0;
  }
  nlohmann::json expected = {
      {"people", model.people.size()},
      {"category_bars", model.people_by_category.size()},
      {"jurisdiction_bars", model.people_by_jurisdiction.size()},
      {"format_bars", model.coverage.items_by_format.size()},
      {"deadlines", model.deadlines.size()},
      {"anchors", model.facts.incident.anchors.size()},
      {"due_marks", due_marks},
      {"bytes", page.size()},
  };
  std::cout << expected.dump() << "\n";
  return 0;
}
