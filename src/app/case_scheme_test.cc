// A case keeps the sealer scheme it was made with through the app's own
// paths: a case made before SipHash (keyed BLAKE2b look-up hashes) opens,
// scans, resolves and rekeys with BLAKE2b, so its old and new rows still
// match; a new case gets SipHash. The commands run in-process, as the
// binary runs them.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/case_access.h"
#include "app/commands.h"
#include "store/case_key.h"
#include "store/case_meta.h"
#include "store/case_store.h"
#include "store/sodium_sealer.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

constexpr char kEmail[] = "jean.cote@example.org";

int RunBs(std::vector<std::string> args) {
  args.insert(args.begin(), "breachscope");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return RunCommandLine(static_cast<int>(argv.size()), argv.data());
}

class CaseSchemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(share_);
    std::ofstream(share_ + "/contacts.csv")
        << "Patient Name,Email,Phone,Date of Birth\n"
        << "Jean Cote," << kEmail << ",306-555-4217,1961-04-12\n"
        << "Marie Tremblay,marie.tremblay@example.org,306-555-9921,1974-11-03\n"
        << "Luc Gagnon,luc.gagnon@example.org,306-555-1180,1988-02-27\n";
  }

  // A case as a build before SipHash made it: keyed BLAKE2b hashes, its
  // key file beside it, one finding holding kEmail.
  CaseKey MakeOldCase() {
    const CaseKey key = CaseKey::Generate();
    EXPECT_TRUE(WriteKeyFile(DefaultKeyPath(case_dir_), key).ok());
    auto store = testing::OpenStore(case_dir_, NewBlake2bSealer(key));
    EXPECT_NE(store, nullptr);
    if (store == nullptr) return key;
    const SourceKey source{"old.csv", 1, 1};
    EXPECT_TRUE(store->BeginSource(source).ok());
    EXPECT_TRUE(store->AddItem(testing::MakeItem("old.csv", "old.csv"),
                               {testing::MakeFinding("email", kEmail)})
                    .ok());
    EXPECT_TRUE(store->FinishSource(source).ok());
    EXPECT_TRUE(store->EndScan(store->BeginScan({"old"}, 1).value(), {}).ok());
    return key;
  }

  // (value_hash, item_id) of every findings row, sorted.
  std::vector<std::pair<std::string, int64_t>> StoredHashes() const {
    return testing::StoredHashes(case_dir_, "item_id");
  }

  // Every row's value_hash is `sealer`'s hash of its normalised value (or
  // of its value when there is none), as the store writes it; returns the
  // number of rows.
  size_t ExpectEveryHashFrom(const Sealer& sealer) const {
    Result<std::unique_ptr<CaseStore>> store = OpenCase(case_dir_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return 0;
    std::vector<std::string> expected;
    EXPECT_TRUE(store.value()
                    ->ForEachFinding([&](const StoredFinding& s) {
                      const Finding& f = s.finding;
                      expected.push_back(
                          sealer.Hash(f.normalized.empty() ? f.value : f.normalized));
                    })
                    .ok());
    std::vector<std::string> stored;
    for (const auto& [hash, item] : StoredHashes()) stored.push_back(hash);
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(stored, expected);
    return stored.size();
  }

  testing::TempDir tmp_;
  const std::string share_ = tmp_.path() + "/share";
  const std::string case_dir_ = tmp_.path() + "/case";
};

TEST_F(CaseSchemeTest, OldCaseScansOnWithBlake2bHashes) {
  const CaseKey key = MakeOldCase();
  ASSERT_EQ(RunBs({"scan", share_, "--case", case_dir_, "--quiet"}), 0);
  EXPECT_EQ(ReadCaseMeta(case_dir_, "sealer_scheme").value(), kBlake2bScheme);
  auto blake = NewBlake2bSealer(key);
  EXPECT_GT(ExpectEveryHashFrom(*blake), 4u);  // the old row and the scan's
  // The old row and the scan's row of the same address share one hash.
  const std::string email_hash = blake->Hash(kEmail);
  std::vector<int64_t> items;
  for (const auto& [hash, item] : StoredHashes()) {
    if (hash == email_hash) items.push_back(item);
  }
  ASSERT_GE(items.size(), 2u);
  EXPECT_NE(items.front(), items.back());
  // A repeated scan and resolve go through the same path.
  ASSERT_EQ(RunBs({"scan", share_, "--case", case_dir_, "--quiet"}), 0);
  ASSERT_EQ(RunBs({"resolve", "--case", case_dir_}), 0);
  EXPECT_EQ(ReadCaseMeta(case_dir_, "sealer_scheme").value(), kBlake2bScheme);
  ExpectEveryHashFrom(*blake);
}

TEST_F(CaseSchemeTest, NewCaseGetsSipHash) {
  ASSERT_EQ(RunBs({"scan", share_, "--case", case_dir_, "--quiet"}), 0);
  EXPECT_EQ(ReadCaseMeta(case_dir_, "sealer_scheme").value(), kSipHashScheme);
  Result<CaseKey> key = ReadKeyFile(DefaultKeyPath(case_dir_));
  ASSERT_TRUE(key.ok());
  EXPECT_GT(ExpectEveryHashFrom(*NewSodiumSealer(key.value())), 3u);
  Result<std::unique_ptr<CaseStore>> wrong =
      OpenSqliteCaseStore(case_dir_, NewBlake2bSealer(key.value()));
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find(std::string(kSipHashScheme)),
            std::string::npos);
}

TEST_F(CaseSchemeTest, RekeyKeepsTheOldCasesScheme) {
  MakeOldCase();
  ASSERT_EQ(RunBs({"scan", share_, "--case", case_dir_, "--quiet"}), 0);
  ASSERT_EQ(RunBs({"case", "rekey", "--case", case_dir_}), 0);
  EXPECT_EQ(ReadCaseMeta(case_dir_, "sealer_scheme").value(), kBlake2bScheme);
  Result<CaseKey> new_key = ReadKeyFile(DefaultKeyPath(case_dir_));
  ASSERT_TRUE(new_key.ok());
  ExpectEveryHashFrom(*NewBlake2bSealer(new_key.value()));
  ASSERT_EQ(RunBs({"scan", share_, "--case", case_dir_, "--quiet"}), 0);
  ExpectEveryHashFrom(*NewBlake2bSealer(new_key.value()));
}

TEST_F(CaseSchemeTest, RekeyKeepsTheNewCasesScheme) {
  ASSERT_EQ(RunBs({"scan", share_, "--case", case_dir_, "--quiet"}), 0);
  ASSERT_EQ(RunBs({"case", "rekey", "--case", case_dir_}), 0);
  EXPECT_EQ(ReadCaseMeta(case_dir_, "sealer_scheme").value(), kSipHashScheme);
  Result<CaseKey> new_key = ReadKeyFile(DefaultKeyPath(case_dir_));
  ASSERT_TRUE(new_key.ok());
  ExpectEveryHashFrom(*NewSodiumSealer(new_key.value()));
}

}  // namespace
}  // namespace breachscope
