#include "report/html/individuals_table.h"

#include <gtest/gtest.h>

#include "report/html/summary_test_model.h"

namespace breachscope {
namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(IndividualsTable, OneRowPerPersonAndSortableHeaders) {
  std::vector<AffectedPerson> people = {html_test::SamplePerson(0), html_test::SamplePerson(1)};
  std::string table = RenderIndividualsTable(people);
  EXPECT_EQ(Count(table, "<tr>"), 3u);  // header and two people
  EXPECT_EQ(Count(table, "<th data-col="), 10u);
  EXPECT_NE(table.find("<th data-col=\"sources\" data-type=\"num\">"), std::string::npos);
  EXPECT_LT(table.find("ind-000001"), table.find("ind-000002"));
}

TEST(IndividualsTable, ShowsMaskedFormsAndCountsOnly) {
  AffectedPerson p;
  p.id = "ind-9";
  p.names = {"Zoë O'Brien", "Z. O'Brien"};
  p.dates_of_birth = {"1975-03-14"};
  p.health_numbers = {{"SK", "123456789"}, {"AB", "987654321"}, {"SK", "111222333"}};
  p.phones = {"306-555-4217"};
  p.emails = {"zoe@example.com", "z@example.org"};
  p.categories = {"date_of_birth", "name"};  // as stored: alphabetical
  p.sources = {"a.csv", "b.csv", "c.csv"};
  p.jurisdiction = "SK";
  std::string table = RenderIndividualsTable({p});
  EXPECT_NE(table.find("<td>Z** O&#39;B**** (+1)</td>"), std::string::npos);
  EXPECT_NE(table.find("<td>1975-**-**</td>"), std::string::npos);
  EXPECT_NE(table.find("<td data-sort=\"3\">3 (AB, SK)</td>"), std::string::npos);
  EXPECT_NE(table.find("<td data-sort=\"3\">1 phone, 2 e-mails</td>"), std::string::npos);
  EXPECT_NE(table.find("<td data-sort=\"2\">name, date of birth</td>"), std::string::npos);
  EXPECT_NE(table.find("<td>none: substitute notice</td>"), std::string::npos);
  EXPECT_NE(table.find("<td>3</td>"), std::string::npos);
  for (const char* secret : {"Zoë", "O'Brien", "O&#39;Brien", "03-14", "123456789", "4217",
                             "zoe@", "example", "a.csv"}) {
    EXPECT_EQ(table.find(secret), std::string::npos) << secret;
  }
}

TEST(IndividualsTable, MarkupInANameIsEscapedAfterMasking) {
  AffectedPerson p;
  p.id = "ind-<1>";
  p.names = {"<script>alert(1)</script>"};
  std::string table = RenderIndividualsTable({p});
  EXPECT_EQ(table.find("<script"), std::string::npos);
  EXPECT_EQ(table.find("<s*"), std::string::npos);
  EXPECT_NE(table.find("&lt;s*****&gt;"), std::string::npos);
  EXPECT_NE(table.find("ind-&lt;1&gt;"), std::string::npos);
}

TEST(IndividualsTable, NobodyMeansNoTable) {
  std::string table = RenderIndividualsTable({});
  EXPECT_EQ(table.find("<table"), std::string::npos);
  EXPECT_NE(table.find("No affected individuals"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
