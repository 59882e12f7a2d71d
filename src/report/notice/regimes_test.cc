#include "report/notice/regimes.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(RegimeBook, BuiltinBookHasEveryRegimeOfTheIssue) {
  const RegimeBook& book = BuiltinRegimeBook();
  for (const char* id : {"sk_hipa", "pipeda", "on_phipa", "ab_hia", "qc_law25", "hipaa", "gdpr"}) {
    const Regime* r = book.Find(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_FALSE(r->obligations.empty()) << id;
    EXPECT_FALSE(r->letter_elements.empty()) << id;
    EXPECT_FALSE(r->report_elements.empty()) << id;
    for (const Obligation& o : r->obligations) EXPECT_FALSE(o.cite.empty()) << id << "." << o.id;
  }
}

TEST(RegimeBook, SaskatchewanLettersCarryTheCommissionersNineElements) {
  const Regime* sk = BuiltinRegimeBook().Find("sk_hipa");
  ASSERT_NE(sk, nullptr);
  EXPECT_EQ(sk->letter_elements,
            (std::vector<std::string>{"what_happened", "information_involved", "possible_harm",
                                      "mitigation", "prevention", "contact", "complaint_right",
                                      "regulator_contact", "apology"}));
}

TEST(RegimeBook, HardClocksAreTheLaws) {
  const RegimeBook& book = BuiltinRegimeBook();
  const Obligation& hipaa = book.Find("hipaa")->obligations.front();
  EXPECT_EQ(hipaa.within_days, 60);
  EXPECT_EQ(hipaa.anchor, "discovered");
  EXPECT_EQ(book.Find("gdpr")->obligations.front().within_hours, 72);
}

TEST(RegimeBook, UnknownElementIsRefused) {
  Result<RegimeBook> book = ParseRegimeBook(R"({"anchors":{"discovered":"d"},
    "elements":{}, "regimes":[{"id":"x","name":"X","authority":{},
    "obligations":[], "letter_elements":["nope"]}]})");
  ASSERT_FALSE(book.ok());
  EXPECT_NE(book.status().message().find("unknown element 'nope'"), std::string::npos);
}

TEST(RegimeBook, UnknownAnchorAndBadJsonAreRefused) {
  EXPECT_FALSE(ParseRegimeBook(R"({"anchors":{},"elements":{},"regimes":[{"id":"x","name":"X",
    "authority":{},"obligations":[{"id":"o","to":"regulator","anchor":"later"}]}]})").ok());
  EXPECT_FALSE(ParseRegimeBook("{not json").ok());
}

}  // namespace
}  // namespace breachscope
