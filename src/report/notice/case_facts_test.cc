#include "report/notice/case_facts.h"

#include <gtest/gtest.h>

#include "report/notice/notice_test_util.h"

namespace breachscope {
namespace {

Result<CaseFacts> Parse(const std::string& text) {
  return ParseCaseFacts(text, BuiltinRegimeBook());
}

TEST(CaseFacts, ReadsOrganisationAnchorsTextsRegimesAndDone) {
  Result<CaseFacts> facts = Parse(kSaskatchewanCaseToml);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  EXPECT_EQ(facts.value().organisation.name, "Prairie Lab Services");
  EXPECT_EQ(FormatIsoDate(facts.value().incident.anchors.at("discovered")), "2026-02-21");
  EXPECT_EQ(facts.value().regimes, (std::vector<std::string>{"sk_hipa", "pipeda"}));
  EXPECT_EQ(FormatIsoDate(facts.value().done.at("sk_hipa.report_commissioner")), "2026-05-09");
}

TEST(CaseFacts, FrenchTextFallsBackToEnglish) {
  CaseFacts facts = Parse(kSaskatchewanCaseToml).value();
  EXPECT_EQ(facts.Text("what_happened", true), "Des pirates ont copié des dossiers.");
  EXPECT_EQ(facts.Text("what_happened", false), "Attackers copied patient files.");
  EXPECT_EQ(facts.Text("mitigation", true), "");
}

TEST(CaseFacts, TemplateParsesAsItIs) {
  Result<CaseFacts> facts = Parse(CaseFactsTemplate());
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  EXPECT_EQ(facts.value().regimes, std::vector<std::string>{"sk_hipa"});
  EXPECT_EQ(facts.value().incident.anchors.size(), 4u);
}

TEST(CaseFacts, TyposAreErrorsThatNameTheLine) {
  Result<CaseFacts> facts = Parse("[incident]\ndiscoverd = 2026-02-21\n");
  ASSERT_FALSE(facts.ok());
  EXPECT_EQ(facts.status().message(), "case.toml line 2: unknown key incident.discoverd");
}

TEST(CaseFacts, DatesMustBeRealDates) {
  EXPECT_TRUE(Parse("[incident]\ndiscovered = \"2026-02-21\"\n").ok());
  Result<CaseFacts> bad = Parse("[incident]\ndiscovered = \"21/02/2026\"\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("YYYY-MM-DD"), std::string::npos);
  EXPECT_FALSE(Parse("[incident]\ndiscovered = 2026-02-30\n").ok());
}

TEST(CaseFacts, UnknownRegimeAndObligationAreRefused) {
  EXPECT_FALSE(Parse("[regimes]\napply = [\"sk_hippa\"]\n").ok());
  EXPECT_FALSE(Parse("[done]\n\"sk_hipa.report\" = 2026-05-09\n").ok());
  EXPECT_FALSE(Parse("[elsewhere]\nx = 1\n").ok());
}

TEST(CaseFacts, SyntaxErrorsNameTheLine) {
  Result<CaseFacts> facts = Parse("[organisation]\nname = \"unterminated\n");
  ASSERT_FALSE(facts.ok());
  EXPECT_EQ(facts.status().message().rfind("case.toml line 2:", 0), 0u) << facts.status().message();
}

TEST(CaseFacts, AuthorityOverrideKeepsUnsetFields) {
  CaseFacts facts = Parse("[authority.sk_hipa]\nphone = \"306-555-0000\"\n").value();
  EXPECT_EQ(facts.authorities.at("sk_hipa").phone, "306-555-0000");
  EXPECT_EQ(facts.authorities.at("sk_hipa").name,
            "Office of the Saskatchewan Information and Privacy Commissioner");
}

TEST(CaseFacts, MissingFileSaysHowToCreateIt) {
  Result<CaseFacts> facts = LoadCaseFacts("/nonexistent-case-dir", BuiltinRegimeBook());
  ASSERT_FALSE(facts.ok());
  EXPECT_NE(facts.status().message().find("template"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
