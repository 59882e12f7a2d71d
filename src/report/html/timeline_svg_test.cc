#include "report/html/timeline_svg.h"

#include <gtest/gtest.h>

#include <regex>

#include "report/html/summary_test_model.h"

namespace breachscope {
namespace {

CalendarDate Day(const char* iso) { return *ParseCalendarDate(iso); }

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

DeadlineRow Row(DeadlineKind kind, std::optional<CalendarDate> due, std::optional<CalendarDate> done,
                int days_left) {
  DeadlineRow row;
  row.anchor_date = Day("2026-02-21");
  row.kind = kind;
  row.due = due;
  row.done = done;
  row.days_left = days_left;
  return row;
}

TEST(DeadlineState, OneWordPerSituation) {
  const auto due = Day("2026-03-01");
  const std::pair<DeadlineRow, std::string_view> cases[] = {
      {Row(DeadlineKind::kHard, due, Day("2026-02-28"), 0), "done"},
      {Row(DeadlineKind::kHard, due, Day("2026-03-01"), 0), "done"},
      {Row(DeadlineKind::kTarget, due, Day("2026-03-02"), 0), "late"},
      {Row(DeadlineKind::kHard, due, std::nullopt, -1), "overdue"},
      {Row(DeadlineKind::kHard, due, std::nullopt, 0), "due"},
      {Row(DeadlineKind::kAsap, std::nullopt, std::nullopt, 0), "asap"},
      {Row(DeadlineKind::kAsap, std::nullopt, Day("2026-03-09"), 0), "done"},
      {Row(DeadlineKind::kKeep, Day("2028-02-21"), std::nullopt, 700), "keep"},
      {Row(DeadlineKind::kNotApplicable, std::nullopt, std::nullopt, 0), "na"},
  };
  for (const auto& [row, expected] : cases) EXPECT_EQ(DeadlineState(row), expected);
  DeadlineRow missing;
  EXPECT_EQ(DeadlineState(missing), "missing");
}

TEST(Timeline, EveryAnchorAndDeadlineHasItsRowInOrder) {
  ReportModel model = html_test::SampleModel(10);
  std::string svg = RenderTimeline(model);
  EXPECT_EQ(Count(svg, "<g class=\"tl-anchor\">"), model.facts.incident.anchors.size());
  EXPECT_EQ(Count(svg, "<g class=\"tl-deadline"), model.deadlines.size());
  std::regex state_re("data-state=\"([a-z]+)\"");
  std::vector<std::string> states;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), state_re); it != std::sregex_iterator(); ++it) {
    states.push_back((*it)[1]);
  }
  ASSERT_EQ(states.size(), model.deadlines.size());
  for (size_t i = 0; i < states.size(); ++i) EXPECT_EQ(states[i], DeadlineState(model.deadlines[i])) << i;
  // The case: the commissioner was told late, the HIPAA letters are overdue.
  EXPECT_NE(std::find(states.begin(), states.end(), "late"), states.end());
  EXPECT_NE(std::find(states.begin(), states.end(), "overdue"), states.end());
  EXPECT_NE(svg.find("breach discovered (2026-02-21)"), std::string::npos);
}

TEST(Timeline, KeepUntilDatesDoNotStretchTheAxis) {
  ReportModel model = html_test::SampleModel(1);
  std::string svg = RenderTimeline(model);
  EXPECT_NE(svg.find("&#8594; 2028-04-10"), std::string::npos);  // PIPEDA's 24-month record
  EXPECT_NE(svg.find(">Feb 2026<"), std::string::npos);
  EXPECT_NE(svg.find(">Jun 2026<"), std::string::npos);
  EXPECT_EQ(svg.find(" 2028<"), std::string::npos);
  EXPECT_NE(svg.find("today 2026-06-15"), std::string::npos);
}

TEST(Timeline, AsSoonAsPossibleClocksRunUntilDoneOrToday) {
  ReportModel model = html_test::SampleModel(1);
  size_t asap = 0;
  for (const DeadlineRow& row : model.deadlines) asap += row.kind == DeadlineKind::kAsap && row.anchor_date ? 1 : 0;
  ASSERT_GT(asap, 0u);
  std::string svg = RenderTimeline(model);
  EXPECT_EQ(Count(svg, "<line class=\"window asap\""), asap);
}

TEST(Timeline, MarkersStayOnTheAxis) {
  ReportModel model = html_test::SampleModel(1);
  std::string svg = RenderTimeline(model);
  std::regex cx_re("cx=\"([0-9.]+)\"");
  int markers = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), cx_re); it != std::sregex_iterator(); ++it) {
    const double x = std::stod((*it)[1]);
    EXPECT_GE(x, 310.0);
    EXPECT_LE(x, 900.0);
    ++markers;
  }
  EXPECT_GE(markers, 3);  // SK's two targets and HIPAA's letters at least
}

TEST(Timeline, EmptyCaseSaysWhatIsMissing) {
  ReportModel model;
  EXPECT_NE(RenderTimeline(model).find("No anchor dates"), std::string::npos);
  EXPECT_NE(RenderDeadlineTable(model).find("No regime applies"), std::string::npos);
}

TEST(DeadlineTable, OneRowPerDeadlineWithItsStatus) {
  ReportModel model = html_test::SampleModel(1);
  std::string table = RenderDeadlineTable(model);
  EXPECT_EQ(Count(table, "<tr class=\"state-"), model.deadlines.size());
  EXPECT_NE(table.find("done 2026-05-09, 70 days late"), std::string::npos);
  EXPECT_NE(table.find("<tr class=\"state-overdue\">"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
