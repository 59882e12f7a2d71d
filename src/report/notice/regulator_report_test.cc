#include "report/notice/regulator_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/notice/notice_test_util.h"
#include "report/notice/notification_list.h"

namespace breachscope {
namespace {

ReportModel Model() {
  ReportModel m;
  m.book = &BuiltinRegimeBook();
  m.generated_on = *ParseCalendarDate("2026-06-01");
  m.facts = ParseCaseFacts(std::string(kSaskatchewanCaseToml) +
                               "\n[authority.pipeda]\nemail = \"info@example.gc.ca\"\n",
                           *m.book).value();
  for (const std::string& id : m.facts.regimes) m.regimes.push_back(m.book->Find(id));
  AffectedPerson a;
  a.id = "1";
  a.addresses = {"8900 Scarth Way, Regina, SK S4P 3Y2"};
  a.categories = {"diagnosis", "name"};
  AffectedPerson b;
  b.id = "2";
  b.categories = {"name"};
  m.people = {a, b};
  DeriveNotification(&m);
  m.deadlines = ComputeDeadlines(*m.book, m.facts, {}, m.generated_on);
  return m;
}

TEST(RegulatorReport, ItemsAreFilledFromTheCaseOrFlagged) {
  ReportModel m = Model();
  std::vector<ReportItem> items = RegulatorReportItems(m, *m.book->Find("sk_hipa"));
  std::map<std::string, ReportItem> by_id;
  for (const ReportItem& i : items) by_id[i.element] = i;
  EXPECT_EQ(by_id["organisation"].value, "Prairie Lab Services");
  EXPECT_EQ(by_id["individual_count"].value, "2");
  EXPECT_EQ(by_id["count_by_jurisdiction"].value, "unknown: 1; SK: 1");
  EXPECT_EQ(by_id["information_summary"].value, "diagnoses or conditions: 1; name: 2");
  EXPECT_EQ(by_id["discovery_date"].value, "2026-02-21");
  EXPECT_TRUE(by_id["mitigation"].missing);
  EXPECT_EQ(by_id["timeline"].value,
            "breach discovered 2026-02-21; breach contained 2026-02-24; health information confirmed taken 2026-04-10");
}

TEST(RegulatorReport, JsonCarriesAuthorityOverrideDeadlinesAndMissing) {
  ReportModel m = Model();
  nlohmann::json doc = nlohmann::json::parse(RegulatorReportJson(m, *m.book->Find("pipeda")));
  EXPECT_EQ(doc["authority"]["email"], "info@example.gc.ca");
  EXPECT_EQ(doc["authority"]["name"], "Office of the Privacy Commissioner of Canada");
  EXPECT_EQ(doc["deadlines"].size(), 3u);
  EXPECT_EQ(doc["missing"], nlohmann::json({"cause", "breach_dates", "mitigation", "notification_steps"}));
}

TEST(RegulatorReport, BreachRecordOnlyWhereTheRegimeKeepsOne) {
  ReportModel m = Model();
  const Regime& sk = *m.book->Find("sk_hipa");
  EXPECT_EQ(ElementsDocumentJson(m, sk, "Breach record", sk.record_elements), "");
  const Regime& pipeda = *m.book->Find("pipeda");
  std::string text = ElementsDocumentText(m, pipeda, "Breach record", pipeda.record_elements);
  EXPECT_NE(text.find("Notifications made (to the regulator and to individuals) and their dates:\n  "
                      "sk_hipa.notify_individuals 2026-05-31; sk_hipa.report_commissioner 2026-05-09"),
            std::string::npos) << text;
  EXPECT_NE(text.find("[MISSING: set it in case.toml]"), std::string::npos);
}

TEST(RegulatorReport, SaskatchewanInternalReportCoversContainNotifyInvestigatePrevent) {
  ReportModel m = Model();
  const Regime& sk = *m.book->Find("sk_hipa");
  nlohmann::json doc = nlohmann::json::parse(ElementsDocumentJson(m, sk, "Internal report", sk.internal_elements));
  std::set<std::string> ids;
  for (const auto& item : doc["items"]) ids.insert(item["element"].get<std::string>());
  for (const char* id : {"containment", "notifications_made", "cause", "prevention"}) EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_EQ(doc["document"], "Internal report");
}

}  // namespace
}  // namespace breachscope
