// AddItemPart: a huge item written in parts while it is read is stored
// exactly like the same item written at once, and a source killed between
// parts is purged on resume.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/case_store.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::AllFindings;
using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::TempDir;

const SourceKey kBig{"big.csv", 1 << 20, 1700000000000000000};
const SourceKey kSmall{"small.csv", 100, 1700000000000000001};
constexpr int kFindings = 1000;

std::vector<Finding> ItemFindings() {
  std::vector<Finding> out;
  for (int i = 0; i < kFindings; ++i) {
    out.push_back(MakeFinding(i % 3 == 0 ? "name" : "phone",
                              "v" + std::to_string(i), i));
  }
  return out;
}

ItemRecord FinalRecord() {
  ItemRecord item = MakeItem("big.csv", "big.csv", "csv", 1 << 20);
  item.units = 4321;
  item.warnings = 7;
  return item;
}

// Writes big.csv in parts of 300 (more than the finding writer's 32-row
// statements, fewer than the item), the way the scan does: every tenth
// finding is kept back and goes with the last part, out of seq order.
// Stops after `parts` parts when `parts` >= 0.
void WriteBigInParts(CaseStore& store, int parts = -1) {
  const std::vector<Finding> all = ItemFindings();
  ItemRecord early = MakeItem("big.csv", "big.csv", "csv", 1 << 20);
  early.units = 0;
  std::vector<Finding> held;
  std::vector<int64_t> held_seqs;
  std::vector<Finding> part;
  std::vector<int64_t> seqs;
  int written = 0;
  for (int i = 0; i < kFindings; ++i) {
    if (i % 10 == 0) {
      held.push_back(all[i]);
      held_seqs.push_back(i);
    } else {
      part.push_back(all[i]);
      seqs.push_back(i);
    }
    if ((i + 1) % 300 == 0) {
      ASSERT_TRUE(store.AddItemPart(early, part, seqs, false).ok());
      part.clear();
      seqs.clear();
      if (++written == parts) return;
    }
  }
  part.insert(part.end(), held.begin(), held.end());
  seqs.insert(seqs.end(), held_seqs.begin(), held_seqs.end());
  ASSERT_TRUE(store.AddItemPart(FinalRecord(), part, seqs, true).ok());
}

void WriteSmall(CaseStore& store) {
  ASSERT_TRUE(store.BeginSource(kSmall).ok());
  ASSERT_TRUE(store.AddItem(MakeItem("small.csv", "small.csv"),
                            {MakeFinding("name", "s")}).ok());
  ASSERT_TRUE(store.FinishSource(kSmall).ok());
}

// The reference: both sources, big.csv written at once.
struct Reference {
  std::vector<std::string> findings;
  CaseSummary summary;
};
Reference InOnePiece() {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  WriteSmall(*store);
  EXPECT_TRUE(store->BeginSource(kBig).ok());
  EXPECT_TRUE(store->AddItem(FinalRecord(), ItemFindings()).ok());
  EXPECT_TRUE(store->FinishSource(kBig).ok());
  EXPECT_TRUE(store->Flush().ok());
  return {AllFindings(*store), store->Summary().value()};
}

void ExpectSameCase(CaseStore& store, const Reference& want) {
  EXPECT_EQ(AllFindings(store), want.findings);
  CaseSummary got = store.Summary().value();
  EXPECT_EQ(got.items, want.summary.items);
  EXPECT_EQ(got.findings, want.summary.findings);
  EXPECT_EQ(got.bytes, want.summary.bytes);
  EXPECT_EQ(got.findings_by_category, want.summary.findings_by_category);
}

TEST(ItemPartsTest, ItemInPartsIsStoredCompleteAndInOrder) {
  const Reference want = InOnePiece();
  ASSERT_EQ(want.findings.size(), kFindings + 1u);
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  WriteSmall(*store);
  ASSERT_TRUE(store->BeginSource(kBig).ok());
  WriteBigInParts(*store);
  ASSERT_TRUE(store->FinishSource(kBig).ok());
  ASSERT_TRUE(store->Flush().ok());
  ExpectSameCase(*store, want);
  // The last part updated the row the first part created.
  std::vector<ErrorItem> errors = store->ErrorItems(10).value();
  EXPECT_TRUE(errors.empty());
}

TEST(ItemPartsTest, LastPartUpdatesStatusOfTheItemRow) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  ASSERT_TRUE(store->BeginSource(kBig).ok());
  ItemRecord item = MakeItem("big.csv", "big.csv");
  ASSERT_TRUE(store->AddItemPart(item, {MakeFinding("name", "a")}, {0}, false)
                  .ok());
  item.status = ItemStatus::kError;
  item.error_code = "corrupt";
  item.error_message = "cut short";
  ASSERT_TRUE(store->AddItemPart(item, {MakeFinding("name", "b")}, {1}, true)
                  .ok());
  ASSERT_TRUE(store->FinishSource(kBig).ok());
  CaseSummary summary = store->Summary().value();
  EXPECT_EQ(summary.items, 1u);
  EXPECT_EQ(summary.items_error, 1u);
  EXPECT_EQ(summary.findings, 2u);
  EXPECT_FALSE(store
                   ->AddItemPart(MakeItem("x", "x"), {MakeFinding("name", "c")},
                                 {}, true)
                   .ok());  // one seq per finding
}

// Two scan workers each send a big item: their parts interleave.
TEST(ItemPartsTest, PartsOfTwoItemsMayInterleave) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  ASSERT_TRUE(store->BeginSource(kBig).ok());
  ASSERT_TRUE(store->BeginSource(kSmall).ok());
  const ItemRecord a = MakeItem("big.csv", "big.csv");
  const ItemRecord b = MakeItem("small.csv", "small.csv");
  auto part = [&](const ItemRecord& item, int64_t seq, bool last) {
    ASSERT_TRUE(store
                    ->AddItemPart(item,
                                  {MakeFinding("name", item.name + "#" +
                                                           std::to_string(seq))},
                                  {seq}, last)
                    .ok());
  };
  part(a, 0, false);
  part(b, 0, false);
  part(a, 1, false);
  ASSERT_TRUE(store->AddItem(MakeItem("big.csv!x", "big.csv"), {}).ok());
  part(b, 1, true);
  part(a, 2, true);
  ASSERT_TRUE(store->FinishSource(kBig).ok());
  ASSERT_TRUE(store->FinishSource(kSmall).ok());
  CaseSummary summary = store->Summary().value();
  EXPECT_EQ(summary.items, 3u);
  EXPECT_EQ(summary.findings, 5u);
  std::vector<std::string> values;
  ASSERT_TRUE(store->ForEachFinding([&](const StoredFinding& s) {
    values.push_back(s.finding.value);
  }).ok());
  EXPECT_EQ(values, (std::vector<std::string>{"big.csv#0", "big.csv#1",
                                              "big.csv#2", "small.csv#0",
                                              "small.csv#1"}));
}

// The writing process dies between two parts of big.csv, after some parts
// were committed: the resumed scan purges the item and redoes the source.
TEST(ItemPartsTest, SourceKilledBetweenPartsIsPurgedOnResume) {
  const Reference want = InOnePiece();
  TempDir tmp;
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto store = OpenStore(tmp.case_dir());
    WriteSmall(*store);
    bool ok = store->BeginSource(kBig).ok();
    WriteBigInParts(*store, /*parts=*/2);
    ok = ok && store->Flush().ok();  // two parts committed
    const std::vector<Finding> all = ItemFindings();
    std::vector<Finding> third(all.begin() + 600, all.begin() + 900);
    std::vector<int64_t> seqs;
    for (int i = 600; i < 900; ++i) seqs.push_back(i);
    (void)store->AddItemPart(MakeItem("big.csv", "big.csv"), third, seqs,
                             false);  // in the open batch, never committed
    _exit(ok ? 0 : 1);  // no destructors, no commit
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  ASSERT_TRUE(WIFEXITED(wstatus));
  ASSERT_EQ(WEXITSTATUS(wstatus), 0);

  auto store = OpenStore(tmp.case_dir());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Summary().value().findings, 1u + 2 * 270u);  // 2 parts
  ASSERT_TRUE(store->PurgeUnfinishedSources().ok());
  EXPECT_TRUE(store->IsSourceDone(kSmall).value());
  EXPECT_FALSE(store->IsSourceDone(kBig).value());
  CaseSummary purged = store->Summary().value();
  EXPECT_EQ(purged.items, 1u);
  EXPECT_EQ(purged.findings, 1u);
  ASSERT_TRUE(store->BeginSource(kBig).ok());
  WriteBigInParts(*store);
  ASSERT_TRUE(store->FinishSource(kBig).ok());
  ASSERT_TRUE(store->Flush().ok());
  ExpectSameCase(*store, want);
}

}  // namespace
}  // namespace breachscope
