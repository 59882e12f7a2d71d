// End to end: the HTML summary opened in headless Chromium (Debian's
// `chromium` package). The page must draw its charts, sort its table on a
// click, read without scripts, and fetch nothing at all: the test checks the
// page's own count of Content-Security-Policy violations and Chromium's
// network log, and shows that this log does catch a fetch when the policy is
// taken away.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "test_support.h"

namespace breachscope {
namespace {

using e2e::ProcessResult;
using e2e::RunProcess;
using e2e::TempDir;

std::string FixturePath() { return std::string(BREACHSCOPE_BINARY_DIR) + "/tests/html_summary_fixture"; }

struct Page {
  std::string path;
  nlohmann::json expected;  // what the fixture says the browser should find
  std::string source;
};

Page Render(const TempDir& dir, const std::string& name, std::vector<std::string> flags) {
  Page page;
  page.path = dir.path() + "/" + name;
  std::vector<std::string> argv = {FixturePath(), page.path};
  argv.insert(argv.end(), flags.begin(), flags.end());
  ProcessResult result = RunProcess(argv);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  page.expected = nlohmann::json::parse(result.out);
  page.source = e2e::ReadFile(page.path);
  return page;
}

struct BrowserRun {
  std::string dom;
  std::set<std::string> page_requests;  // non-file URLs the page asked the network for
};

// URLs fetched on behalf of a file:// page. Chromium's own background
// requests (update checks) carry another isolation key and are not the page's.
std::set<std::string> PageRequests(const std::string& netlog_path) {
  std::set<std::string> urls;
  nlohmann::json log = nlohmann::json::parse(e2e::ReadFile(netlog_path), nullptr, false);
  EXPECT_FALSE(log.is_discarded()) << "unreadable net log " << netlog_path;
  if (log.is_discarded()) return urls;
  for (const auto& event : log["events"]) {
    const auto params = event.find("params");
    if (params == event.end() || !params->contains("url") || !params->contains("network_isolation_key")) continue;
    const std::string url = (*params)["url"].get<std::string>();
    const std::string key = (*params)["network_isolation_key"].get<std::string>();
    if (key.starts_with("file://") && !url.starts_with("file:")) urls.insert(url);
  }
  return urls;
}

BrowserRun OpenInChromium(const TempDir& dir, const Page& page, const std::string& fragment) {
  static int run = 0;
  const std::string tag = std::to_string(++run);
  const std::string netlog = dir.path() + "/netlog" + tag + ".json";
  std::vector<std::string> argv = {
      "timeout", "60", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
      "--user-data-dir=" + dir.path() + "/profile" + tag,
      // Nothing may leave the machine even if the page tried.
      "--host-resolver-rules=MAP * ~NOTFOUND",
      "--log-net-log=" + netlog, "--window-size=1280,2000",
      "--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000"};
  argv.push_back("--dump-dom");
  argv.push_back("file://" + page.path + fragment);
  ProcessResult result = RunProcess(argv);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return {result.out, PageRequests(netlog)};
}

int IntAttribute(const std::string& dom, const std::string& pattern) {
  std::smatch match;
  if (!std::regex_search(dom, match, std::regex(pattern))) return -1;
  return std::stoi(match[1]);
}

// The rows of table#individuals, in document order.
std::vector<std::string> TableRows(const std::string& html) {
  std::vector<std::string> rows;
  const size_t table = html.find("id=\"individuals\"");
  if (table == std::string::npos) return rows;
  size_t at = html.find("<tbody>", table);
  const size_t end = html.find("</tbody>", table);
  while ((at = html.find("<tr>", at)) != std::string::npos && at < end) {
    const size_t close = html.find("</tr>", at);
    rows.push_back(html.substr(at, close - at));
    at = close;
  }
  return rows;
}

// The first data-sort key of each row: the number of categories exposed.
std::vector<int> CategoryCounts(const std::vector<std::string>& rows) {
  std::vector<int> counts;
  for (const std::string& row : rows) counts.push_back(IntAttribute(row, "data-sort=\"(\\d+)\""));
  return counts;
}

// The initial of each masked name (second cell).
std::string Initials(const std::vector<std::string>& rows) {
  std::string initials;
  for (const std::string& row : rows) {
    const size_t cell = row.find("<td>", row.find("</td>"));
    initials.push_back(row[cell + 4]);
  }
  return initials;
}

class HtmlSummaryInChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    ProcessResult version = RunProcess({"chromium", "--version"});
    ASSERT_EQ(version.exit_code, 0) << "chromium is not installed: run `make deps`";
  }
  TempDir dir_;
};

TEST_F(HtmlSummaryInChromium, ChartsAreDrawnAndNothingIsFetched) {
  Page page = Render(dir_, "summary.html", {"--people", "60", "--measure"});
  BrowserRun run = OpenInChromium(dir_, page, "");
  EXPECT_EQ(IntAttribute(run.dom, "data-csp-violations=\"(\\d+)\""), 0);
  EXPECT_TRUE(run.page_requests.empty()) << *run.page_requests.begin();
  const auto drawn = [&](const std::string& id) {
    return IntAttribute(run.dom, "id=\"chart-" + id + "\" data-drawn=\"(\\d+)\"");
  };
  EXPECT_EQ(drawn("categories"), page.expected["category_bars"].get<int>());
  EXPECT_EQ(drawn("jurisdictions"), page.expected["jurisdiction_bars"].get<int>());
  EXPECT_EQ(drawn("formats"), page.expected["format_bars"].get<int>());
  EXPECT_EQ(drawn("coverage"), 3);   // scanned, failed, skipped
  EXPECT_EQ(drawn("not-read"), 3);   // encrypted, corrupt, symlink
  EXPECT_EQ(drawn("timeline"), page.expected["due_marks"].get<int>());
  EXPECT_EQ(TableRows(run.dom).size(), page.expected["people"].get<size_t>());
}

TEST_F(HtmlSummaryInChromium, ClickingAHeaderSortsTheTable) {
  Page page = Render(dir_, "summary.html", {"--people", "60"});
  const std::vector<int> before = CategoryCounts(TableRows(page.source));
  ASSERT_FALSE(std::is_sorted(before.rbegin(), before.rend()));  // not already in order

  BrowserRun by_count = OpenInChromium(dir_, page, "#sort=-categories");
  EXPECT_NE(by_count.dom.find("data-sorted=\"categories:desc\""), std::string::npos);
  EXPECT_NE(by_count.dom.find("aria-sort=\"descending\""), std::string::npos);
  const std::vector<int> after = CategoryCounts(TableRows(by_count.dom));
  ASSERT_EQ(after.size(), before.size());
  EXPECT_TRUE(std::is_sorted(after.rbegin(), after.rend()));
  EXPECT_TRUE(std::is_permutation(after.begin(), after.end(), before.begin()));

  BrowserRun by_name = OpenInChromium(dir_, page, "#sort=name");
  EXPECT_NE(by_name.dom.find("data-sorted=\"name\""), std::string::npos);
  const std::string initials = Initials(TableRows(by_name.dom));
  const std::string source_initials = Initials(TableRows(page.source));
  EXPECT_FALSE(std::is_sorted(source_initials.begin(), source_initials.end()));
  EXPECT_TRUE(std::is_sorted(initials.begin(), initials.end())) << initials;
}

TEST_F(HtmlSummaryInChromium, ReadsWithScriptsOff) {
  Page page = Render(dir_, "summary.html", {"--people", "25", "--no-scripts"});
  BrowserRun run = OpenInChromium(dir_, page, "#sort=name");
  // No script ran: neither the violation counter nor the sort set its attribute.
  EXPECT_EQ(IntAttribute(run.dom, "data-csp-violations=\"(\\d+)\""), -1);
  EXPECT_EQ(run.dom.find("data-sorted=\""), std::string::npos);
  const std::vector<std::string> rows = TableRows(run.dom);
  ASSERT_EQ(rows.size(), 25u);
  EXPECT_NE(rows.front().find("ind-000001"), std::string::npos);  // id order
  EXPECT_NE(rows.back().find("ind-000025"), std::string::npos);
  EXPECT_EQ(IntAttribute(run.dom, "<rect class=\"bar\"[^>]*data-value=\"(\\d+)\""), 25);
  EXPECT_NE(run.dom.find("class=\"due-mark\""), std::string::npos);
  EXPECT_TRUE(run.page_requests.empty());
}

TEST_F(HtmlSummaryInChromium, ThePolicyBlocksAFetchAndTheNetworkLogWouldSeeOne) {
  Page blocked = Render(dir_, "probe.html", {"--people", "5", "--probe"});
  BrowserRun run = OpenInChromium(dir_, blocked, "");
  EXPECT_GE(IntAttribute(run.dom, "data-csp-violations=\"(\\d+)\""), 1);
  EXPECT_TRUE(run.page_requests.empty());

  Page open = Render(dir_, "open.html", {"--people", "5", "--probe", "--no-csp"});
  BrowserRun leak = OpenInChromium(dir_, open, "");
  EXPECT_EQ(IntAttribute(leak.dom, "data-csp-violations=\"(\\d+)\""), 0);
  EXPECT_EQ(leak.page_requests.count("http://127.0.0.1:9/probe.png"), 1u);
}

}  // namespace
}  // namespace breachscope
