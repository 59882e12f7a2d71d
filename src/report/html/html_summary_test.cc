#include "report/html/html_summary.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <regex>
#include <sstream>

#include "report/html/html_escape.h"
#include "report/html/html_page.h"
#include "report/html/summary_test_model.h"

namespace breachscope {
namespace {

size_t Count(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The part of the page from `<figure ... id="chart-<id>"` to its </figure>.
std::string_view Chart(std::string_view page, std::string_view id) {
  const size_t start = page.find("id=\"chart-" + std::string(id) + "\"");
  if (start == std::string::npos) return {};
  return page.substr(start, page.find("</figure>", start) - start);
}

bool IsValidUtf8(std::string_view text) {
  // The escaper's own rules are tested apart; here: re-escaping valid UTF-8
  // without markup must change nothing.
  std::string stripped;
  for (char c : text) {
    if (c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') stripped.push_back(c);
  }
  return HtmlEscape(stripped) == stripped;
}

TEST(HtmlSummary, HasEverySectionAndChartWithTheRightNumberOfBars) {
  ReportModel model = html_test::SampleModel(40);
  const std::string page = RenderHtmlSummary(model);
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(page.ends_with("</html>\n"));
  EXPECT_NE(page.find("<h1>Breach summary: Prairie Lab Services</h1>"), std::string::npos);
  EXPECT_NE(page.find("Generated 2026-06-15"), std::string::npos);
  EXPECT_NE(page.find("<li id=\"count-individuals\"><b>40</b>individuals</li>"), std::string::npos);
  EXPECT_NE(page.find("<li id=\"count-findings\"><b>45,678</b>findings</li>"), std::string::npos);
  EXPECT_NE(page.find("<li id=\"count-failed\"><b>3</b>items failed</li>"), std::string::npos);
  EXPECT_EQ(Count(Chart(page, "categories"), "<rect class=\"bar\""), model.people_by_category.size());
  EXPECT_EQ(Count(Chart(page, "jurisdictions"), "<rect class=\"bar\""), model.people_by_jurisdiction.size());
  EXPECT_NE(Chart(page, "jurisdictions").find(">unknown</text>"), std::string::npos);
  EXPECT_EQ(Count(Chart(page, "formats"), "<rect class=\"bar\""), 3u);
  EXPECT_EQ(Count(Chart(page, "coverage"), "<rect "), 3u);
  EXPECT_EQ(Count(Chart(page, "not-read"), "<rect class=\"bar-fail\""), 2u);
  EXPECT_EQ(Count(Chart(page, "not-read"), "<rect class=\"bar-skip\""), 1u);
  EXPECT_NE(Chart(page, "not-read").find(">failed: encrypted</text>"), std::string::npos);
  EXPECT_EQ(Count(page, "<g class=\"tl-deadline"), model.deadlines.size());
  EXPECT_EQ(Count(page.substr(page.find("id=\"individuals\"")), "<tr>"), model.people.size() + 1);
  // Category bars follow DESIGN.md's order, in words.
  EXPECT_LT(Chart(page, "categories").find(">name</text>"),
            Chart(page, "categories").find(">date of birth</text>"));
}

TEST(HtmlSummary, LoadsNothingFromOutside) {
  const std::string page = RenderHtmlSummary(html_test::SampleModel(20));
  EXPECT_NE(page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                      std::string(kSummaryCsp) + "\">"),
            std::string::npos);
  // The policy comes before anything that could load.
  EXPECT_LT(page.find("Content-Security-Policy"), page.find("<script>"));
  EXPECT_LT(page.find("Content-Security-Policy"), page.find("<style>"));
  for (const char* forbidden : {" src=", " href=", "<link", "<img", "<iframe", "url(", "@import",
                                "//cdn", "fetch(", "XMLHttpRequest"}) {
    EXPECT_EQ(page.find(forbidden), std::string::npos) << forbidden;
  }
  // The only URL is the SVG namespace, which browsers never fetch.
  EXPECT_EQ(Count(page, "http"), Count(page, "xmlns=\"http://www.w3.org/2000/svg\"") +
                                     Count(page, "http-equiv"));
}

// Every PHI value of every person, and the longer words of names.
std::vector<std::string> PhiValues(const AffectedPerson& p) {
  std::vector<std::string> values;
  for (const std::string& name : p.names) {
    values.push_back(name);
    std::istringstream words(name);
    for (std::string word; words >> word;) {
      if (word.size() >= 4) values.push_back(word);
    }
  }
  values.insert(values.end(), p.dates_of_birth.begin(), p.dates_of_birth.end());
  for (const HealthNumberRef& ref : p.health_numbers) values.push_back(ref.number);
  values.insert(values.end(), p.phones.begin(), p.phones.end());
  values.insert(values.end(), p.emails.begin(), p.emails.end());
  values.insert(values.end(), p.addresses.begin(), p.addresses.end());
  values.insert(values.end(), p.sources.begin(), p.sources.end());
  if (p.mailing) {
    values.push_back(p.mailing->street);
    values.push_back(p.mailing->postal_code);
  }
  return values;
}

TEST(HtmlSummary, NoUnmaskedPhiValueAppears) {
  ReportModel model = html_test::SampleModel(300);
  const std::string page = RenderHtmlSummary(model);
  size_t checked = 0;
  for (const AffectedPerson& p : model.people) {
    for (const std::string& value : PhiValues(p)) {
      ASSERT_EQ(page.find(value), std::string::npos) << p.id << ": " << value;
      ASSERT_EQ(page.find(HtmlEscape(value)), std::string::npos) << p.id << ": " << value;
      ++checked;
    }
  }
  EXPECT_GT(checked, 300u * 10);
  // The masked forms are there instead.
  EXPECT_NE(page.find("<td>Z** A*** O&#39;B**** (+1)</td>"), std::string::npos);
  EXPECT_NE(page.find("<td>1940-**-**</td>"), std::string::npos);
}

TEST(HtmlSummary, EscapesEveryTextFromTheModel) {
  ReportModel model = html_test::SampleModel(2);
  model.facts.organisation.name = "Prairie <Lab> & \"Sons\" 'Co'";
  model.people_by_jurisdiction["<u>"] = 1;
  model.coverage.items_by_format["x&y"] = 1;
  model.coverage.errors_by_reason["\"quoted\""] = 1;
  model.people[0].names = {"<img src=x onerror=alert(1)>"};
  const std::string page = RenderHtmlSummary(model);
  EXPECT_NE(page.find("Prairie &lt;Lab&gt; &amp; &quot;Sons&quot; &#39;Co&#39;"), std::string::npos);
  EXPECT_EQ(page.find("<Lab>"), std::string::npos);
  EXPECT_EQ(page.find("<u>"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_NE(page.find(">x&amp;y</text>"), std::string::npos);
  EXPECT_NE(page.find("failed: &quot;quoted&quot;"), std::string::npos);
}

TEST(HtmlSummary, AlwaysValidUtf8) {
  ReportModel model = html_test::SampleModel(3);
  model.facts.organisation.name = "Clinique \xE9t\xE9";  // Windows-1252 bytes, not UTF-8
  model.people[1].names = {"Ren\xC3"};
  model.people[2].categories.push_back("bad\xFF");
  const std::string page = RenderHtmlSummary(model);
  EXPECT_TRUE(IsValidUtf8(page));
  EXPECT_NE(page.find("Clinique \xEF\xBF\xBDt\xEF\xBF\xBD"), std::string::npos);
  EXPECT_FALSE(IsValidUtf8("a\xFF"));
}

TEST(HtmlSummary, EmptyCaseRendersAWholePage) {
  ReportModel model;
  model.generated_on = *ParseCalendarDate("2026-06-15");
  const std::string page = RenderHtmlSummary(model);
  EXPECT_NE(page.find("<h1>Breach summary</h1>"), std::string::npos);
  EXPECT_NE(page.find("No affected individuals"), std::string::npos);
  EXPECT_NE(page.find("No anchor dates"), std::string::npos);
  EXPECT_EQ(page.find("<svg"), std::string::npos);
  EXPECT_EQ(page.find("id=\"individuals\""), std::string::npos);
  EXPECT_TRUE(page.ends_with("</html>\n"));
}

// The Saskatchewan case's 7,293 people: the page stays small enough to
// e-mail and to open quickly (about 0.3 KB a person).
TEST(HtmlSummary, SevenThousandPeopleStayAReasonableSize) {
  ReportModel model = html_test::SampleModel(7293);
  const auto start = std::chrono::steady_clock::now();
  const std::string page = RenderHtmlSummary(model);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "7,293 people: " << page.size() << " bytes (" << page.size() / 7293
            << " a person), rendered in " << ms << " ms\n";
  EXPECT_EQ(Count(page.substr(page.find("id=\"individuals\"")), "<tr>"), 7294u);
  EXPECT_LT(page.size(), 3u * 1024 * 1024);
  EXPECT_GT(page.size(), 7293u * 150);
}

}  // namespace
}  // namespace breachscope
