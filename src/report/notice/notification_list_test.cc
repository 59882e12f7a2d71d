#include "report/notice/notification_list.h"

#include <gtest/gtest.h>

#include "report/notice/notice_test_util.h"

namespace breachscope {
namespace {

ReportModel SmallModel() {
  ReportModel m;
  m.book = &BuiltinRegimeBook();
  m.facts = ParseCaseFacts(kSaskatchewanCaseToml, *m.book).value();
  for (const std::string& id : m.facts.regimes) m.regimes.push_back(m.book->Find(id));
  AffectedPerson a;
  a.id = "1";
  a.names = {"Jean Côté"};
  a.addresses = {"12 rue Saint-Jean, Québec, QC G1R 1P5"};
  a.categories = {"date_of_birth", "diagnosis"};
  AffectedPerson b;
  b.id = "2";
  b.names = {"Mary \"Molly\" O'Brien, Jr"};
  b.addresses = {"8900 Scarth Way, Regina, SK S4P 3Y2"};
  b.categories = {"name", "lab_result"};
  AffectedPerson c;
  c.id = "3";
  c.names = {"Sam Lee"};
  c.health_numbers = {{"AB", "123456789"}};
  c.emails = {"sam@example.org"};
  c.categories = {"health_insurance_number"};
  AffectedPerson d;
  d.id = "4";
  d.names = {"Luc Cormier"};
  d.addresses = {"120 rue Principale, Moncton, NB E1C 1B3"};
  d.categories = {"name"};
  m.people = {a, b, c, d};
  DeriveNotification(&m);
  return m;
}

TEST(NotificationList, DerivesJurisdictionLanguageAndCounts) {
  ReportModel m = SmallModel();
  EXPECT_EQ(m.people[0].jurisdiction, "QC");
  EXPECT_EQ(m.people[0].language, "fr");
  EXPECT_EQ(m.people[1].language, "en");
  EXPECT_EQ(m.people[2].jurisdiction, "AB");
  EXPECT_FALSE(m.people[2].mailing);
  EXPECT_EQ(m.people[3].jurisdiction, "NB");
  EXPECT_EQ(m.people[3].language, "fr");
  EXPECT_EQ(m.people_by_jurisdiction, (std::map<std::string, uint64_t>{{"AB", 1}, {"NB", 1}, {"QC", 1}, {"SK", 1}}));
  EXPECT_EQ(m.people_by_category.at("diagnosis"), 1u);
  EXPECT_EQ(m.people[1].regimes, (std::vector<std::string>{"sk_hipa", "pipeda"}));
}

TEST(NotificationList, MailingListHasMailablePeopleOnlyQuotedAndInTheirLanguage) {
  EXPECT_EQ(MailingListCsv(SmallModel()),
            "individual_id,name,street,city,region,postal_code,country,language,jurisdiction,categories\n"
            "1,Jean Côté,12 rue Saint-Jean,Québec,QC,G1R 1P5,CA,fr,QC,"
            "date de naissance; diagnostics ou problèmes de santé\n"
            "2,\"Mary \"\"Molly\"\" O'Brien, Jr\",8900 Scarth Way,Regina,SK,S4P 3Y2,CA,en,SK,"
            "name; laboratory test results\n"
            "4,Luc Cormier,120 rue Principale,Moncton,NB,E1C 1B3,CA,fr,NB,nom\n");
}

TEST(NotificationList, PeopleWithoutAddressAreListedApartWithTheRule) {
  ReportModel m = SmallModel();
  EXPECT_EQ(NoAddressCsv(m),
            "individual_id,name,jurisdiction,language,emails,phones,categories,reason\n"
            "3,Sam Lee,AB,en,sam@example.org,,health insurance number,no address found\n");
  std::string text = SubstituteNoticeText(m);
  EXPECT_NE(text.find("without a usable mailing address: 1 of 4 (1 of them"), std::string::npos);
  EXPECT_NE(text.find("Regulations s.5"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
