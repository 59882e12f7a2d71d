#include "store/sqlite_rekey.h"

#include <gtest/gtest.h>

#include "store/case_key.h"
#include "store/sodium_sealer.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::AllFindings;
using testing::MakeFinding;
using testing::MakeItem;

// Writes `n` items of three findings each under `key`.
void Fill(const std::string& dir, const CaseKey& key, int n) {
  auto store = testing::OpenStore(dir, NewSodiumSealer(key));
  ASSERT_NE(store, nullptr);
  for (int i = 0; i < n; ++i) {
    const std::string name = "f" + std::to_string(i) + ".csv";
    ASSERT_TRUE(store->BeginSource({name, 1, 1}).ok());
    ASSERT_TRUE(store->AddItem(MakeItem(name, name),
                               {MakeFinding("name", "Jean Côté " + std::to_string(i)),
                                MakeFinding("phone", "306-555-4217"),
                                MakeFinding("email", "")})
                    .ok());
    ASSERT_TRUE(store->FinishSource({name, 1, 1}).ok());
  }
  ASSERT_TRUE(store->EndScan(store->BeginScan({"x"}, 1).value(), {}).ok());
}

TEST(RekeyTest, EveryValueMovesToTheNewKey) {
  testing::TempDir tmp;
  const CaseKey old_key = CaseKey::Generate(), new_key = CaseKey::Generate();
  Fill(tmp.case_dir(), old_key, 1500);  // more than one page of rows
  std::vector<std::string> before;
  {
    auto store = testing::OpenStore(tmp.case_dir(), NewSodiumSealer(old_key));
    before = AllFindings(*store);
  }
  Result<RekeyCounts> counts = RekeySqliteCase(
      tmp.case_dir(), *NewSodiumSealer(old_key), *NewSodiumSealer(new_key));
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts.value().rows, 4500u);
  EXPECT_EQ(counts.value().values, 4500u);  // one seal per finding
  EXPECT_EQ(counts.value().names, 1u + 1500u + 2 * 1500u);  // roots, sources, items
  EXPECT_EQ(OpenSqliteCaseStore(tmp.case_dir(), NewSodiumSealer(old_key))
                .status()
                .code(),
            StatusCode::kEncrypted);
  auto store = testing::OpenStore(tmp.case_dir(), NewSodiumSealer(new_key));
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(AllFindings(*store), before);
}

TEST(RekeyTest, WrongOldKeyChangesNothing) {
  testing::TempDir tmp;
  const CaseKey key = CaseKey::Generate();
  Fill(tmp.case_dir(), key, 3);
  Result<RekeyCounts> counts =
      RekeySqliteCase(tmp.case_dir(), *NewSodiumSealer(CaseKey::Generate()),
                      *NewSodiumSealer(CaseKey::Generate()));
  EXPECT_EQ(counts.status().code(), StatusCode::kEncrypted);
  EXPECT_TRUE(OpenSqliteCaseStore(tmp.case_dir(), NewSodiumSealer(key)).ok());
}

}  // namespace
}  // namespace breachscope
