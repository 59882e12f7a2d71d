#include "report/notice/deadlines.h"

#include <gtest/gtest.h>

#include "report/notice/notice_test_util.h"

namespace breachscope {
namespace {

CalendarDate Day(const char* iso) { return *ParseCalendarDate(iso); }

const DeadlineRow& Row(const std::vector<DeadlineRow>& rows, const std::string& regime,
                       const std::string& obligation) {
  for (const DeadlineRow& r : rows) {
    if (r.regime_id == regime && r.obligation_id == obligation) return r;
  }
  throw std::runtime_error("no row " + regime + "." + obligation);
}

TEST(Deadlines, TheSaskatchewanCaseWasLate) {
  CaseFacts facts = ParseCaseFacts(kSaskatchewanCaseToml, BuiltinRegimeBook()).value();
  auto rows = ComputeDeadlines(BuiltinRegimeBook(), facts, {}, Day("2026-06-01"));
  const DeadlineRow& report = Row(rows, "sk_hipa", "report_commissioner");
  EXPECT_EQ(report.kind, DeadlineKind::kTarget);
  EXPECT_EQ(FormatIsoDate(*report.due), "2026-02-28");
  EXPECT_EQ(report.status, "done 2026-05-09, 70 days late");
  const DeadlineRow& letters = Row(rows, "sk_hipa", "notify_individuals");
  EXPECT_EQ(letters.status, "done 2026-05-31, 51 days after health information confirmed taken");
  const DeadlineRow& record = Row(rows, "pipeda", "breach_record");
  EXPECT_EQ(record.status, "keep until 2028-04-10");
  const DeadlineRow& federal = Row(rows, "pipeda", "report_commissioner");
  EXPECT_EQ(federal.status, "as soon as possible: 52 days since health information confirmed taken");
}

TEST(Deadlines, HardClocksCountDownAndGoOverdue) {
  CaseFacts facts = ParseCaseFacts(
      "[incident]\ndiscovered = 2026-03-01\n[regimes]\napply = [\"hipaa\", \"gdpr\"]\n",
      BuiltinRegimeBook()).value();
  auto rows = ComputeDeadlines(BuiltinRegimeBook(), facts, {}, Day("2026-03-03"));
  EXPECT_EQ(FormatIsoDate(*Row(rows, "hipaa", "notify_individuals").due), "2026-04-30");
  EXPECT_EQ(Row(rows, "hipaa", "notify_individuals").status, "58 days left");
  EXPECT_EQ(FormatIsoDate(*Row(rows, "gdpr", "notify_authority").due), "2026-03-04");
  EXPECT_EQ(Row(rows, "gdpr", "notify_authority").status, "1 day left");
  rows = ComputeDeadlines(BuiltinRegimeBook(), facts, {}, Day("2026-05-02"));
  EXPECT_EQ(Row(rows, "hipaa", "notify_individuals").status, "OVERDUE by 2 days");
}

TEST(Deadlines, HipaaSmallBreachesGoToHhsAfterYearEndAndMediaNeedsAStateAbove500) {
  CaseFacts facts = ParseCaseFacts(
      "[incident]\ndiscovered = 2026-03-01\n[regimes]\napply = [\"hipaa\"]\n",
      BuiltinRegimeBook()).value();
  AffectedCounts counts;
  counts.individuals = 120;
  counts.by_jurisdiction = {{"US-ND", 100}, {"US-MN", 20}};
  auto rows = ComputeDeadlines(BuiltinRegimeBook(), facts, counts, Day("2026-03-03"));
  EXPECT_EQ(FormatIsoDate(*Row(rows, "hipaa", "notify_hhs").due), "2027-03-01");
  EXPECT_EQ(Row(rows, "hipaa", "notify_media").kind, DeadlineKind::kNotApplicable);
  counts.individuals = 900;
  counts.by_jurisdiction = {{"US-ND", 600}, {"US-MN", 300}};
  rows = ComputeDeadlines(BuiltinRegimeBook(), facts, counts, Day("2026-03-03"));
  EXPECT_EQ(FormatIsoDate(*Row(rows, "hipaa", "notify_hhs").due), "2026-04-30");
  EXPECT_EQ(Row(rows, "hipaa", "notify_media").kind, DeadlineKind::kHard);
}

TEST(Deadlines, AnchorAfterTheAsOfDateIsNotCountedBackwards) {
  CaseFacts facts = ParseCaseFacts(kSaskatchewanCaseToml, BuiltinRegimeBook()).value();
  auto rows = ComputeDeadlines(BuiltinRegimeBook(), facts, {}, Day("2026-04-01"));
  EXPECT_EQ(Row(rows, "pipeda", "notify_individuals").status,
            "as soon as possible once health information confirmed taken (9 days from now)");
}

TEST(Deadlines, MissingAnchorSaysWhichKeyToSet) {
  CaseFacts facts = ParseCaseFacts("[regimes]\napply = [\"on_phipa\"]\n", BuiltinRegimeBook()).value();
  auto rows = ComputeDeadlines(BuiltinRegimeBook(), facts, {}, Day("2026-03-03"));
  EXPECT_EQ(Row(rows, "on_phipa", "notify_individuals").status,
            "anchor date missing: set incident.phi_confirmed in case.toml");
}

TEST(Deadlines, OntarioAnnualStatisticsAreDueMarchFirst) {
  CaseFacts facts = ParseCaseFacts(
      "[incident]\ndiscovered = 2026-11-20\nphi_confirmed = 2026-11-25\n"
      "[regimes]\napply = [\"on_phipa\"]\n", BuiltinRegimeBook()).value();
  auto rows = ComputeDeadlines(BuiltinRegimeBook(), facts, {}, Day("2026-11-28"));
  EXPECT_EQ(FormatIsoDate(*Row(rows, "on_phipa", "annual_statistics").due), "2027-03-01");
}

TEST(Deadlines, RenderingsCarryEveryRow) {
  CaseFacts facts = ParseCaseFacts(kSaskatchewanCaseToml, BuiltinRegimeBook()).value();
  auto rows = ComputeDeadlines(BuiltinRegimeBook(), facts, {}, Day("2026-06-01"));
  std::string text = RenderDeadlinesText(rows, Day("2026-06-01"));
  EXPECT_NE(text.find("done 2026-05-09, 70 days late"), std::string::npos);
  EXPECT_NE(text.find("[pipeda]"), std::string::npos);
  std::string json = RenderDeadlinesJson(rows, Day("2026-06-01"));
  EXPECT_NE(json.find("\"obligation\": \"breach_record\""), std::string::npos);
  EXPECT_NE(json.find("\"due\": \"2026-02-28\""), std::string::npos);
}

}  // namespace
}  // namespace breachscope
