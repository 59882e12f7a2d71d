#include "store/sodium_sealer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>
#include <string>

#include "store/case_key.h"
#include "store/case_store.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

TEST(SodiumSealerTest, SealsAndUnsealsEveryValue) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  for (std::string value : {std::string(), std::string("Zoë Quagmire"),
                            std::string(100000, 'x'), std::string("\0\1", 2)}) {
    const std::string sealed = sealer->Seal(value);
    EXPECT_EQ(sealed.size(), value.size() + 40);
    EXPECT_EQ(sealed.find(value.empty() ? "\x01\x02\x03" : value),
              std::string::npos);
    Result<std::string> back = sealer->Unseal(sealed);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back.value(), value);
  }
}

TEST(SodiumSealerTest, SameValueSealsDifferentlyEachTime) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  EXPECT_NE(sealer->Seal("046 454 286"), sealer->Seal("046 454 286"));
}

TEST(SodiumSealerTest, FlippedByteIsDetected) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  const std::string sealed = sealer->Seal("jean@example.com");
  for (size_t i = 0; i < sealed.size(); ++i) {
    std::string bad = sealed;
    bad[i] ^= 0x01;
    EXPECT_EQ(sealer->Unseal(bad).status().code(), StatusCode::kCorrupt) << i;
  }
  EXPECT_FALSE(sealer->Unseal(sealed.substr(0, 39)).ok());
}

TEST(SodiumSealerTest, AnotherKeyCannotUnseal) {
  auto a = NewSodiumSealer(CaseKey::Generate());
  auto b = NewSodiumSealer(CaseKey::Generate());
  EXPECT_FALSE(b->Unseal(a->Seal("Jean Côté")).ok());
}

TEST(CaseKeyTest, FileRoundTripIsOwnerOnlyAndNeverOverwritten) {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/keys/case.key";
  const CaseKey key = CaseKey::Generate();
  ASSERT_TRUE(WriteKeyFile(path, key).ok());
  struct stat info;
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  Result<CaseKey> back = ReadKeyFile(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back.value().Fingerprint(), key.Fingerprint());
  EXPECT_EQ(WriteKeyFile(path, CaseKey::Generate()).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadKeyFile(path).value().Fingerprint(), key.Fingerprint());
  EXPECT_EQ(ReadKeyFile(tmp.path() + "/none.key").status().code(),
            StatusCode::kNotFound);
}

TEST(CaseKeyTest, MalformedKeyFilesAreRefused) {
  for (const char* text : {"", "breachscope-case-key-v1", "hello world",
                           "breachscope-case-key-v1 00ff",
                           "breachscope-case-key-v1 "
                           "zz00000000000000000000000000000000000000000000000000000000000000"}) {
    EXPECT_EQ(CaseKey::Parse(text).status().code(), StatusCode::kCorrupt) << text;
  }
}

TEST(CaseKeyTest, SubkeysDifferByPurpose) {
  const CaseKey key = CaseKey::Generate();
  EXPECT_NE(key.Derive(KeyPurpose::kSeal), key.Derive(KeyPurpose::kHash));
  EXPECT_NE(key.Derive(KeyPurpose::kSeal), key.Derive(KeyPurpose::kAudit));
}

TEST(CaseKeyTest, DefaultKeyLivesBesideTheCaseFolder) {
  EXPECT_EQ(DefaultKeyPath("/cases/acme"), "/cases/acme.key");
  EXPECT_EQ(DefaultKeyPath("/cases/acme/"), "/cases/acme.key");
  EXPECT_EQ(DefaultKeyPath("/cases/./acme"), "/cases/acme.key");
}

TEST(SealedCaseTest, WrongKeyIsRefusedClearly) {
  testing::TempDir tmp;
  const CaseKey key = CaseKey::Generate();
  ASSERT_TRUE(OpenSqliteCaseStore(tmp.case_dir(), NewSodiumSealer(key)).ok());
  ASSERT_TRUE(OpenSqliteCaseStore(tmp.case_dir(), NewSodiumSealer(key)).ok());
  Result<std::unique_ptr<CaseStore>> wrong =
      OpenSqliteCaseStore(tmp.case_dir(), NewSodiumSealer(CaseKey::Generate()));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kEncrypted);
  EXPECT_NE(wrong.status().message().find("key"), std::string::npos);
  EXPECT_FALSE(OpenSqliteCaseStore(tmp.case_dir(), NewPlainSealer()).ok());
}

TEST(SodiumSealerTest, NamesSealDeterministicallyAndOpenOnlyUnderTheirKey) {
  const CaseKey key = CaseKey::Generate();
  auto sealer = NewSodiumSealer(key);
  const std::string name = "clinic/Smith_John_labs.pdf!page1.txt";
  const std::string sealed = sealer->SealName(name);
  EXPECT_EQ(sealed, NewSodiumSealer(key)->SealName(name));  // usable as a key
  EXPECT_NE(sealed, sealer->SealName("clinic/Smith_Joan_labs.pdf!page1.txt"));
  EXPECT_EQ(sealed.find("Smith"), std::string::npos);
  EXPECT_EQ(sealed.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789-_"),
            std::string::npos);  // text-safe
  EXPECT_EQ(sealer->UnsealName(sealed).value(), name);
  EXPECT_EQ(sealer->UnsealName(sealer->SealName("")).value(), "");
  std::string flipped = sealed;
  flipped[flipped.size() / 2] = flipped[flipped.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(sealer->UnsealName(flipped).status().code(), StatusCode::kCorrupt);
  EXPECT_FALSE(NewSodiumSealer(CaseKey::Generate())->UnsealName(sealed).ok());
  EXPECT_FALSE(sealer->UnsealName("not base64 at all!").ok());
  // A sealed name is not a sealed value: the associated data differs.
  EXPECT_FALSE(sealer->Unseal(sealer->Seal(name)).value().empty());
}

TEST(SealedCaseTest, SourcePathsAreSealedInTheFileAndReadBack) {
  testing::TempDir tmp;
  const CaseKey key = CaseKey::Generate();
  const std::string source = "Okafor_Margaret_discharge.zip";
  const std::string item = source + "!Okafor_Margaret_labs.csv";
  {
    auto store = testing::OpenStore(tmp.case_dir(), NewSodiumSealer(key));
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->BeginScan({"/shares/Okafor_Margaret"}, 1).ok());
    ASSERT_TRUE(store->BeginSource({source, 1, 1}).ok());
    ASSERT_TRUE(store->AddItem(testing::MakeItem(item, source),
                               {testing::MakeFinding("phone", "306-555-4217")}).ok());
    ItemRecord bad = testing::MakeItem(source + "!Okafor_Margaret_scan.pdf", source);
    bad.status = ItemStatus::kError;
    bad.error_code = "corrupt";
    ASSERT_TRUE(store->AddItem(bad, {}).ok());
    ASSERT_TRUE(store->FinishSource({source, 1, 1}).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  for (const char* file : {"case.db", "case.db-wal"}) {
    const std::string path = tmp.case_dir() + "/" + file;
    if (!std::filesystem::exists(path)) continue;
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(bytes.find("Okafor"), std::string::npos) << file;
  }
  auto store = testing::OpenStore(tmp.case_dir(), NewSodiumSealer(key));
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->IsSourceDone({source, 1, 1}).value());  // resume finds it
  EXPECT_FALSE(store->IsSourceDone({"other.zip", 1, 1}).value());
  std::vector<std::string> sources;
  ASSERT_TRUE(store->ForEachFinding([&](const StoredFinding& f) { sources.push_back(f.source); }).ok());
  EXPECT_EQ(sources, std::vector<std::string>{item});
  Result<std::vector<ErrorItem>> errors = store->ErrorItems(10);
  ASSERT_TRUE(errors.ok());
  ASSERT_EQ(errors.value().size(), 1u);
  EXPECT_EQ(errors.value()[0].name, source + "!Okafor_Margaret_scan.pdf");
}

}  // namespace
}  // namespace breachscope
