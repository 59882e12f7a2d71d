// Findings sealed ahead of the writer (CaseStore::SealFindings, on other
// threads) are stored exactly like findings the store seals itself.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "store/case_key.h"
#include "store/case_store.h"
#include "store/sodium_sealer.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::AllFindings;
using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::TempDir;

std::vector<Finding> SomeFindings(int n) {
  std::vector<Finding> findings;
  for (int i = 0; i < n; ++i) {
    Finding f = MakeFinding(i % 2 ? "sin" : "name",
                            "value " + std::to_string(i), i);
    if (i % 3 == 0) f.normalized.clear();  // hashed by its raw value
    findings.push_back(f);
  }
  return findings;
}

TEST(SealedFindingsTest, SealedValuesOpenAndHashTheLookupForm) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  const std::vector<Finding> findings = SomeFindings(5);
  const SealedFindings sealed = SealFindingValues(*sealer, findings);
  ASSERT_EQ(sealed.size(), findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    std::string scratch, value, normalized;
    ASSERT_TRUE(UnsealFinding(*sealer, static_cast<int64_t>(SealForm::kOneSeal),
                              sealed[i].sealed, "", &scratch, &value, &normalized)
                    .ok());
    EXPECT_EQ(value, findings[i].value);
    EXPECT_EQ(normalized, findings[i].normalized);
    EXPECT_EQ(sealed[i].hash, sealer->Hash(LookupForm(findings[i])));
  }
  EXPECT_EQ(LookupForm(findings[0]), "value 0");  // no normalised form
}

// The writer path of a scan: items sealed on worker threads, written by
// one thread, in parts too. The case reads back as if sealed by the store.
TEST(SealedFindingsTest, ItemsSealedOnOtherThreadsReadBackTheSame) {
  const CaseKey key = CaseKey::Generate();
  const std::vector<Finding> whole = SomeFindings(70);
  const std::vector<Finding> part = SomeFindings(3);
  const std::vector<int64_t> seqs = {0, 1, 2};
  TempDir a;
  TempDir b;
  {
    auto store = OpenStore(a.case_dir(), NewSodiumSealer(key));
    ASSERT_TRUE(store->AddItem(MakeItem("x.csv", "x.csv"), whole).ok());
    ASSERT_TRUE(store->AddItemPart(MakeItem("y.csv", "y.csv"), part, seqs, true)
                    .ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  {
    auto store = OpenStore(b.case_dir(), NewSodiumSealer(key));
    SealedFindings sealed_whole;
    SealedFindings sealed_part;
    std::thread worker([&] {
      sealed_whole = store->SealFindings(whole);
      sealed_part = store->SealFindings(part);
    });
    worker.join();
    ASSERT_TRUE(
        store->AddSealedItem(MakeItem("x.csv", "x.csv"), whole, sealed_whole)
            .ok());
    ASSERT_TRUE(store
                    ->AddSealedItemPart(MakeItem("y.csv", "y.csv"), part,
                                        sealed_part, seqs, true)
                    .ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  auto store_a = OpenStore(a.case_dir(), NewSodiumSealer(key));
  auto store_b = OpenStore(b.case_dir(), NewSodiumSealer(key));
  const std::vector<std::string> rows = AllFindings(*store_a);
  EXPECT_EQ(rows.size(), 73u);
  EXPECT_EQ(AllFindings(*store_b), rows);
}

// Varied strings in every slot: the writer's ids come from the workers'
// de-duplicated strings, or, for findings sealed one by one without them,
// from a look-up per string. Both read back as the findings written.
TEST(SealedFindingsTest, StringsByRefOrOneByOneReadBackTheSame) {
  std::vector<Finding> findings = SomeFindings(40);
  for (size_t i = 0; i < findings.size(); ++i) {
    Location& loc = findings[i].location;
    loc.label = "col" + std::to_string(i % 7);
    loc.path = i % 2 ? "" : "PID-" + std::to_string(i % 5);
    loc.table = i % 3 ? "patients" : "col1";  // a text of another slot too
    findings[i].explanation = "label '" + loc.label + "'";
  }
  const CaseKey key = CaseKey::Generate();
  TempDir by_ref;
  TempDir one_by_one;
  {
    auto store = OpenStore(by_ref.case_dir(), NewSodiumSealer(key));
    const SealedFindings sealed = store->SealFindings(findings);
    ASSERT_EQ(sealed.strings().findings(), findings.size());
    ASSERT_TRUE(store->AddSealedItem(MakeItem("x", "x"), findings, sealed).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  {
    auto store = OpenStore(one_by_one.case_dir(), NewSodiumSealer(key));
    auto own = NewSodiumSealer(key);
    SealedFindings sealed;
    for (const Finding& f : findings) sealed.Add(*own, f);
    ASSERT_EQ(sealed.strings().findings(), 0u);
    ASSERT_TRUE(store->AddSealedItem(MakeItem("x", "x"), findings, sealed).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  auto a = OpenStore(by_ref.case_dir(), NewSodiumSealer(key));
  auto b = OpenStore(one_by_one.case_dir(), NewSodiumSealer(key));
  const std::vector<std::string> rows = AllFindings(*a);
  ASSERT_EQ(rows.size(), findings.size());
  EXPECT_EQ(AllFindings(*b), rows);
  EXPECT_NE(rows[6].find("|col6|PID-1|col1|"), std::string::npos) << rows[6];
}

TEST(SealedFindingsTest, OneSealedRowPerFindingIsRequired) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  const std::vector<Finding> findings = SomeFindings(2);
  const SealedFindings sealed = store->SealFindings(SomeFindings(1));
  EXPECT_EQ(store->AddSealedItem(MakeItem("x", "x"), findings, sealed).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store->AddSealedItemPart(MakeItem("x", "x"), findings, sealed,
                                     {0, 1}, true)
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(store->Flush().ok());
  EXPECT_TRUE(AllFindings(*store).empty());
  EXPECT_EQ(store->Summary().value().items, 0u);
}

}  // namespace
}  // namespace breachscope
