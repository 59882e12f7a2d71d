// Only sealed PHI reaches the disk: the raw bytes of case.db (and of its
// WAL, when one is left) must not contain any plain value.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "store/case_store.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::ReversingSealer;
using testing::TempDir;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Secret {
  const char* category;
  const char* value;
  const char* normalized;
};

constexpr Secret kSecrets[] = {
    {"sin", "046 454 286", "046454286"},
    {"name", "Zoë Quagmire-Ångström", "zoe quagmire-angstrom"},
    {"date_of_birth", "29 Feb 1980", "1980-02-29"},
    {"email", "zoe.q@example.org", "zoe.q@example.org"},
    {"health_insurance_number", "9876-543-210-XZ", "9876543210XZ"},
};

void WriteSecrets(const std::string& dir) {
  auto store = OpenStore(dir, std::make_unique<ReversingSealer>());
  ASSERT_NE(store, nullptr);
  std::vector<Finding> findings;
  for (const Secret& s : kSecrets) {
    Finding f = MakeFinding(s.category, s.value);
    f.normalized = s.normalized;
    f.explanation = "label match +0.30";  // never the value
    findings.push_back(f);
  }
  ASSERT_TRUE(store->BeginSource({"export.csv", 1, 1}).ok());
  ASSERT_TRUE(store->AddItem(MakeItem("export.csv", "export.csv"), findings).ok());
  ASSERT_TRUE(store->FinishSource({"export.csv", 1, 1}).ok());
  ASSERT_TRUE(store->Flush().ok());
}

void ExpectNoPlainValues(const std::string& dir) {
  for (const char* file : {"case.db", "case.db-wal"}) {
    const std::string path = dir + "/" + file;
    if (!std::filesystem::exists(path)) continue;
    const std::string bytes = ReadFile(path);
    for (const Secret& s : kSecrets) {
      // Report the category only, not the value.
      EXPECT_EQ(bytes.find(s.value), std::string::npos)
          << file << " holds a plain " << s.category << " value";
      EXPECT_EQ(bytes.find(s.normalized), std::string::npos)
          << file << " holds a plain normalised " << s.category;
    }
  }
}

TEST(SealingTest, DatabaseFilesHoldOnlySealedValues) {
  TempDir tmp;
  WriteSecrets(tmp.case_dir());
  ExpectNoPlainValues(tmp.case_dir());
  // The sealed form is there (so the check above is meaningful) and reads
  // back to the plain value.
  const std::string db = ReadFile(tmp.case_dir() + "/case.db");
  EXPECT_NE(db.find("sealed:682454640"), std::string::npos);
  auto store = OpenStore(tmp.case_dir(), std::make_unique<ReversingSealer>());
  size_t i = 0;
  ASSERT_TRUE(store->ForEachFinding([&](const StoredFinding& f) {
    ASSERT_LT(i, std::size(kSecrets));
    EXPECT_EQ(f.finding.value, kSecrets[i].value);
    EXPECT_EQ(f.finding.normalized, kSecrets[i].normalized);
    ++i;
  }).ok());
  EXPECT_EQ(i, std::size(kSecrets));
}

// While the store is open the WAL holds the freshly written pages; they
// must be sealed too.
TEST(SealingTest, WalHoldsOnlySealedValuesWhileOpen) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir(), std::make_unique<ReversingSealer>());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddItem(MakeItem("x", "x"), {MakeFinding("sin", "046 454 286")})
                  .ok());
  ASSERT_TRUE(store->Flush().ok());
  ASSERT_TRUE(std::filesystem::exists(tmp.case_dir() + "/case.db-wal"));
  const std::string wal = ReadFile(tmp.case_dir() + "/case.db-wal");
  EXPECT_EQ(wal.find("046 454 286"), std::string::npos);
  EXPECT_NE(wal.find("sealed:682 454 640"), std::string::npos);
}

// Deleted rows of a re-scanned source must not linger in free pages.
TEST(SealingTest, RescannedRowsAreWipedFromTheFile) {
  TempDir tmp;
  {
    auto store = OpenStore(tmp.case_dir(), std::make_unique<ReversingSealer>());
    ASSERT_TRUE(store->BeginSource({"a.csv", 1, 1}).ok());
    ASSERT_TRUE(store->AddItem(MakeItem("a.csv", "a.csv"),
                               {MakeFinding("name", "Old Marker Value")})
                    .ok());
    ASSERT_TRUE(store->FinishSource({"a.csv", 1, 1}).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  {
    auto store = OpenStore(tmp.case_dir(), std::make_unique<ReversingSealer>());
    ASSERT_TRUE(store->BeginSource({"a.csv", 2, 2}).ok());
    ASSERT_TRUE(store->FinishSource({"a.csv", 2, 2}).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  const std::string sealed_old = ReversingSealer().Seal("Old Marker Value");
  EXPECT_EQ(ReadFile(tmp.case_dir() + "/case.db").find(sealed_old),
            std::string::npos);
}

}  // namespace
}  // namespace breachscope
