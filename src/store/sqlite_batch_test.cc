// Batching: many rows are committed in bounded batches without any Flush().
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/case_store.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_schema.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::TempDir;

// Counts findings as another connection sees them: committed rows only.
int64_t CommittedFindings(const std::string& dir) {
  return testing::CaseInt(dir, "SELECT count(*) FROM findings");
}

TEST(BatchTest, ManyRowsAreCommittedAutomatically) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  ASSERT_NE(store, nullptr);
  constexpr int kItems = 10000;
  constexpr int kPerItem = 4;
  ASSERT_TRUE(store->BeginSource({"big.csv", 1, 1}).ok());
  for (int i = 0; i < kItems; ++i) {
    std::vector<Finding> findings;
    for (int j = 0; j < kPerItem; ++j) {
      findings.push_back(MakeFinding("phone", std::to_string(i * 10 + j), i));
    }
    ASSERT_TRUE(store
                    ->AddItem(MakeItem("big.csv!" + std::to_string(i), "big.csv"),
                              findings)
                    .ok());
  }
  // Without any Flush(), all but the last partial batch are on disk.
  const int64_t committed = CommittedFindings(tmp.case_dir());
  EXPECT_GT(committed, kItems * kPerItem - SqliteCaseStore::kBatchRows);
  EXPECT_LE(committed, kItems * kPerItem);

  ASSERT_TRUE(store->Flush().ok());
  EXPECT_EQ(CommittedFindings(tmp.case_dir()), kItems * kPerItem);
  const CaseSummary s = store->Summary().value();
  EXPECT_EQ(s.findings, static_cast<uint64_t>(kItems * kPerItem));
  EXPECT_EQ(s.items_with_findings, static_cast<uint64_t>(kItems));
  // Reads stream in order across batches.
  int64_t seen = 0;
  std::string last;
  ASSERT_TRUE(store->ForEachFinding([&](const StoredFinding& f) {
    EXPECT_LE(last, f.source);
    last = f.source;
    ++seen;
  }).ok());
  EXPECT_EQ(seen, kItems * kPerItem);
}

TEST(BatchTest, FlushWithNothingPendingIsOk) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  EXPECT_TRUE(store->Flush().ok());
  EXPECT_TRUE(store->Flush().ok());
}

bool HasIndex(const std::string& dir, const std::string& name) {
  return testing::CaseInt(dir, "SELECT count(*) FROM sqlite_master WHERE "
                               "type='index' AND name='" + name + "'") > 0;
}

// The hash look-up index is not built when a scan ends (nothing read it and
// the build cost an eighth of a dense scan); the first code that looks
// values up builds it, and later inserts keep it up to date.
TEST(BatchTest, HashIndexIsBuiltByItsFirstUser) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  Result<int64_t> scan = store->BeginScan({"/a"}, 1);
  ASSERT_TRUE(scan.ok());
  ASSERT_TRUE(store->AddItem(MakeItem("a", "a"), {MakeFinding("sin", "1")}).ok());
  ASSERT_TRUE(store->EndScan(scan.value(), {}).ok());
  EXPECT_FALSE(HasIndex(tmp.case_dir(), "findings_by_hash"));

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((tmp.case_dir() + "/case.db").c_str(), &db), SQLITE_OK);
  EXPECT_TRUE(sqlite::EnsureLookupIndexes(db).ok());
  EXPECT_TRUE(sqlite::EnsureLookupIndexes(db).ok());  // already there: no-op
  sqlite3_close(db);
  EXPECT_TRUE(HasIndex(tmp.case_dir(), "findings_by_hash"));

  // A second scan inserts with the index in place and keeps it whole.
  scan = store->BeginScan({"/a"}, 1);
  ASSERT_TRUE(store->AddItem(MakeItem("b", "b"), {MakeFinding("sin", "2")}).ok());
  ASSERT_TRUE(store->EndScan(scan.value(), {}).ok());
  EXPECT_EQ(store->Summary().value().findings, 2u);
  EXPECT_EQ(testing::CaseInt(tmp.case_dir(),
                             "SELECT count(*) FROM findings INDEXED BY "
                             "findings_by_hash WHERE value_key IS NOT NULL"),
            2);
}

int64_t PageSize(const std::string& dir) {
  return testing::CaseInt(dir, "PRAGMA page_size");
}

// New cases get 16 KiB pages (cheaper inserts); a case written with
// another page size, as older versions made them, keeps it and still
// opens, takes findings and reads them back.
TEST(BatchTest, NewCasesUseLargePagesAndOlderOnesKeepTheirs) {
  TempDir tmp;
  {
    auto store = OpenStore(tmp.case_dir());
    ASSERT_TRUE(store->AddItem(MakeItem("a", "a"), {MakeFinding("sin", "1")}).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  EXPECT_EQ(PageSize(tmp.case_dir()), 16384);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((tmp.case_dir() + "/case.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; "
                         "VACUUM; PRAGMA journal_mode = WAL;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ASSERT_EQ(PageSize(tmp.case_dir()), 4096);

  auto store = OpenStore(tmp.case_dir());
  ASSERT_TRUE(store->AddItem(MakeItem("b", "b"), {MakeFinding("sin", "2")}).ok());
  ASSERT_TRUE(store->Flush().ok());
  EXPECT_EQ(store->Summary().value().findings, 2u);
  EXPECT_EQ(testing::AllFindings(*store).size(), 2u);
  EXPECT_EQ(PageSize(tmp.case_dir()), 4096);
}

// Items of every size around the insert statements' row counts (128, 16,
// 1) read back whole and in seq order, with strings that cycle through more
// values than the writer remembers per column.
TEST(BatchTest, ItemsOfEverySizeAroundTheInsertSizesReadBack) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  std::vector<std::string> expected;
  for (int n : {0, 1, 15, 16, 17, 127, 128, 129, 145, 167, 300}) {
    const std::string name = "item" + std::to_string(n);
    std::vector<Finding> findings;
    for (int j = 0; j < n; ++j) {
      Finding f = MakeFinding("cat" + std::to_string(j % 20),
                              name + "-v" + std::to_string(j));
      f.location.label = "col" + std::to_string(j % 7);
      findings.push_back(f);
      expected.push_back(name + "#" + std::to_string(j) + "|" + f.category +
                         "|test|" + f.value + "|" + f.value + "|0.75|test detector|" +
                         "unknown|0|-1|-1|" + f.location.label);
    }
    ASSERT_TRUE(store->AddItem(MakeItem(name, name), findings).ok());
  }
  ASSERT_TRUE(store->Flush().ok());
  std::vector<std::string> got;
  for (const std::string& line : testing::AllFindings(*store)) {
    // Up to the label: the rest (path, table, offset, location) is fixed.
    size_t end = 0;
    for (int bars = 0; bars < 11; ++bars) end = line.find('|', end) + 1;
    got.push_back(line.substr(0, line.find('|', end)));
  }
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> sorted = got;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, expected);
  // Within an item, rows come back in seq order.
  for (size_t i = 1; i < got.size(); ++i) {
    const std::string item = got[i].substr(0, got[i].find('#'));
    if (item != got[i - 1].substr(0, got[i - 1].find('#'))) continue;
    const int seq = std::stoi(got[i].substr(got[i].find('#') + 1));
    EXPECT_EQ(std::stoi(got[i - 1].substr(got[i - 1].find('#') + 1)), seq - 1)
        << got[i];
  }
}

// More distinct interned strings than the in-memory cache holds, written
// across a reopen: every finding still reads back exactly.
TEST(BatchTest, ManyDistinctStringsRoundTrip) {
  TempDir tmp;
  constexpr int kItems = 70;
  constexpr int kPerItem = 1000;  // 70,000 paths > StringIds::kMaxCached
  std::vector<std::string> written;
  for (int pass = 0; pass < 2; ++pass) {
    auto store = OpenStore(tmp.case_dir());
    for (int i = pass * kItems / 2; i < (pass + 1) * kItems / 2; ++i) {
      std::vector<Finding> findings;
      for (int j = 0; j < kPerItem; ++j) {
        Finding f = MakeFinding(j % 2 ? "name" : "phone", "v", j);
        f.location.kind = UnitKind::kField;
        f.location.label = "PID-5";
        f.location.path = "entry[" + std::to_string(i * kPerItem + j) + "].name";
        f.explanation = j % 3 ? "label match" : "";
        findings.push_back(std::move(f));
      }
      ItemRecord item = MakeItem("item" + std::to_string(1000 + i), "s");
      ASSERT_TRUE(store->AddItem(item, findings).ok());
    }
    ASSERT_TRUE(store->Flush().ok());
  }
  auto store = OpenStore(tmp.case_dir());
  int64_t n = 0;
  Status st = store->ForEachFinding([&](const StoredFinding& s) {
    const int item = static_cast<int>(n / kPerItem);
    const int j = static_cast<int>(n % kPerItem);
    EXPECT_EQ(s.finding.location.path,
              "entry[" + std::to_string(item * kPerItem + j) + "].name");
    EXPECT_EQ(s.finding.explanation, j % 3 ? "label match" : "");
    EXPECT_EQ(s.location_text, s.finding.location.ToString());
    ++n;
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(n, int64_t{kItems} * kPerItem);
}

TEST(BatchTest, ScanRowsRecordTotals) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  Result<int64_t> first = store->BeginScan({"/a", "/b \"quoted\""}, 8);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(store->EndScan(first.value(), {3, 1, 999, 2.5}).ok());
  Result<int64_t> second = store->BeginScan({"/a"}, 2);
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second.value(), first.value());
  EXPECT_EQ(store->Summary().value().scans, 2u);
}

}  // namespace
}  // namespace breachscope
