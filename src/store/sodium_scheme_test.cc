// The two keyed schemes: SipHash-2-4 look-up hashes for new cases, keyed
// BLAKE2b for cases that record it, and each case opened, scanned and
// rekeyed only with the sealer of its recorded scheme.
#include <gtest/gtest.h>
#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/case_key.h"
#include "store/case_meta.h"
#include "store/case_store.h"
#include "store/sodium_sealer.h"
#include "store/sqlite_rekey.h"
#include "store/sqlite_schema.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::MakeFinding;
using testing::MakeItem;

// A key with known bytes, so the test can derive subkeys itself.
constexpr std::string_view kKeyHex =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

CaseKey KnownKey() {
  return CaseKey::Parse("breachscope-case-key-v1 " + std::string(kKeyHex)).value();
}

std::vector<unsigned char> KnownKeyBytes() {
  std::vector<unsigned char> bytes(32);
  size_t len = 0;
  EXPECT_EQ(sodium_hex2bin(bytes.data(), bytes.size(), kKeyHex.data(),
                           kKeyHex.size(), nullptr, &len, nullptr),
            0);
  return bytes;
}

std::string ToText(const unsigned char* bytes, size_t n) {
  return std::string(reinterpret_cast<const char*>(bytes), n);
}

// Libsodium called directly with the case-key KDF's documented inputs
// (context "bscase01", subkey ids of KeyPurpose), not through the sealer.
std::string ExpectedSipHash(std::string_view value) {
  EXPECT_EQ(sodium_init() < 0, false);
  const std::vector<unsigned char> key = KnownKeyBytes();
  unsigned char sub[crypto_shorthash_siphashx24_KEYBYTES];
  EXPECT_EQ(crypto_kdf_derive_from_key(sub, sizeof sub, 5, "bscase01", key.data()), 0);
  unsigned char out[crypto_shorthash_siphashx24_BYTES];
  crypto_shorthash_siphashx24(out, reinterpret_cast<const unsigned char*>(value.data()),
                              value.size(), sub);
  return ToText(out, sizeof out);
}

std::string ExpectedBlake2b(std::string_view value) {
  const std::vector<unsigned char> key = KnownKeyBytes();
  unsigned char sub[32];
  EXPECT_EQ(crypto_kdf_derive_from_key(sub, sizeof sub, 2, "bscase01", key.data()), 0);
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(value.data()),
                     value.size(), sub, sizeof sub);
  return ToText(out, sizeof out);
}

TEST(SodiumSchemeTest, SipHashIsLibsodiumsUnderItsOwnSubkey) {
  auto sealer = NewSodiumSealer(KnownKey());
  EXPECT_EQ(sealer->scheme(), kSipHashScheme);
  for (std::string value : {std::string(), std::string("9876543210"),
                            std::string("Zoë Quagmire"), std::string(1000, 'x'),
                            std::string("\0\1", 2)}) {
    const std::string hash = sealer->Hash(value);
    EXPECT_EQ(hash.size(), 16u);
    EXPECT_EQ(hash, ExpectedSipHash(value));
    std::string appended = "prefix";
    sealer->HashAppend(value, &appended);
    EXPECT_EQ(appended, "prefix" + hash);
  }
}

TEST(SodiumSchemeTest, Blake2bSchemeHashesAsOlderCasesDid) {
  auto sealer = NewBlake2bSealer(KnownKey());
  EXPECT_EQ(sealer->scheme(), kBlake2bScheme);
  EXPECT_EQ(sealer->Hash("9876543210"), ExpectedBlake2b("9876543210"));
  EXPECT_EQ(sealer->Hash(""), ExpectedBlake2b(""));
}

TEST(SodiumSchemeTest, SipHashIsKeyedDeterministicAndSixteenBytes) {
  const CaseKey key = CaseKey::Generate();
  auto a = NewSodiumSealer(key);
  auto a2 = NewSodiumSealer(key);
  auto b = NewSodiumSealer(CaseKey::Generate());
  EXPECT_EQ(a->Hash("9876543210").size(), 16u);
  EXPECT_EQ(a->Hash("9876543210"), a2->Hash("9876543210"));
  EXPECT_NE(a->Hash("9876543210"), a->Hash("9876543211"));
  EXPECT_NE(a->Hash("9876543210"), b->Hash("9876543210"));
  EXPECT_NE(a->Hash("9876543210"), NewBlake2bSealer(key)->Hash("9876543210"));
  EXPECT_NE(a->Hash("9876543210"), NewPlainSealer()->Hash("9876543210"));
}

// The SipHash subkey is its own: not the BLAKE2b hash key's bytes, nor a
// prefix of any 32-byte subkey.
TEST(SodiumSchemeTest, ShortHashSubkeyIsDomainSeparated) {
  const CaseKey key = CaseKey::Generate();
  const CaseKey::ShortBytes sip = key.DeriveShort(KeyPurpose::kShortHash);
  for (KeyPurpose p : {KeyPurpose::kSeal, KeyPurpose::kHash, KeyPurpose::kAudit,
                       KeyPurpose::kName, KeyPurpose::kShortHash}) {
    const CaseKey::Bytes full = key.Derive(p);
    EXPECT_FALSE(std::equal(sip.begin(), sip.end(), full.begin()));
  }
  EXPECT_NE(sip, key.DeriveShort(KeyPurpose::kHash));
  EXPECT_EQ(sip, key.DeriveShort(KeyPurpose::kShortHash));
}

TEST(SodiumSchemeTest, BothSchemesSealAndNameAlike) {
  const CaseKey key = CaseKey::Generate();
  auto sip = NewSodiumSealer(key);
  auto blake = NewBlake2bSealer(key);
  EXPECT_EQ(blake->Unseal(sip->Seal("Jean Côté")).value(), "Jean Côté");
  EXPECT_EQ(sip->SealName("Smith_John_labs.pdf"), blake->SealName("Smith_John_labs.pdf"));
}

TEST(SodiumSchemeTest, SchemeByNameAndUnknownSchemesRefused) {
  const CaseKey key = CaseKey::Generate();
  EXPECT_EQ(NewSealerForScheme(kSipHashScheme, key).value()->scheme(), kSipHashScheme);
  EXPECT_EQ(NewSealerForScheme(kBlake2bScheme, key).value()->scheme(), kBlake2bScheme);
  EXPECT_EQ(kNewCaseScheme, kSipHashScheme);
  for (std::string_view bad : {"plain", "", "xchacha20poly1305-sha256"}) {
    Result<std::unique_ptr<Sealer>> sealer = NewSealerForScheme(bad, key);
    ASSERT_FALSE(sealer.ok());
    EXPECT_EQ(sealer.status().code(), StatusCode::kUnsupported);
    EXPECT_NE(sealer.status().message().find("'" + std::string(bad) + "'"),
              std::string::npos);
  }
}

// Writes two sources; source i holds "Jean Côté i" and the shared phone.
void Fill(const std::string& dir, std::unique_ptr<Sealer> sealer) {
  auto store = testing::OpenStore(dir, std::move(sealer));
  ASSERT_NE(store, nullptr);
  for (int i = 0; i < 2; ++i) {
    const std::string name = "f" + std::to_string(i) + ".csv";
    ASSERT_TRUE(store->BeginSource({name, 1, 1}).ok());
    ASSERT_TRUE(store->AddItem(MakeItem(name, name),
                               {MakeFinding("name", "Jean Côté " + std::to_string(i)),
                                MakeFinding("phone", "306-555-4217")})
                    .ok());
    ASSERT_TRUE(store->FinishSource({name, 1, 1}).ok());
  }
  ASSERT_TRUE(store->EndScan(store->BeginScan({"x"}, 1).value(), {}).ok());
}

// value_hash and value_key of every findings row, sorted.
std::vector<std::pair<std::string, int64_t>> StoredHashes(const std::string& dir) {
  return testing::StoredHashes(dir, "value_key");
}

// What the rows of Fill() must hold under `sealer`.
std::vector<std::pair<std::string, int64_t>> ExpectedHashes(const Sealer& sealer) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const char* v : {"Jean Côté 0", "Jean Côté 1", "306-555-4217", "306-555-4217"}) {
    const std::string hash = sealer.Hash(v);
    out.emplace_back(hash, sqlite::ValueKey(hash));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SodiumSchemeTest, NewCaseRecordsSipHashAndRefusesTheOtherScheme) {
  testing::TempDir tmp;
  const CaseKey key = CaseKey::Generate();
  Fill(tmp.case_dir(), NewSodiumSealer(key));
  EXPECT_EQ(ReadCaseMeta(tmp.case_dir(), "sealer_scheme").value(), kSipHashScheme);
  EXPECT_EQ(StoredHashes(tmp.case_dir()), ExpectedHashes(*NewSodiumSealer(key)));
  Result<std::unique_ptr<CaseStore>> wrong =
      OpenSqliteCaseStore(tmp.case_dir(), NewBlake2bSealer(key));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(wrong.status().message().find(std::string(kSipHashScheme)), std::string::npos);
  EXPECT_NE(wrong.status().message().find(std::string(kBlake2bScheme)), std::string::npos);
  // Nothing changed: it still opens with its own scheme.
  EXPECT_EQ(ReadCaseMeta(tmp.case_dir(), "sealer_scheme").value(), kSipHashScheme);
  EXPECT_TRUE(OpenSqliteCaseStore(tmp.case_dir(), NewSodiumSealer(key)).ok());
}

TEST(SodiumSchemeTest, OldCaseRefusesSipHashAndKeepsBlake2b) {
  testing::TempDir tmp;
  const CaseKey key = CaseKey::Generate();
  Fill(tmp.case_dir(), NewBlake2bSealer(key));
  Result<std::unique_ptr<CaseStore>> wrong =
      OpenSqliteCaseStore(tmp.case_dir(), NewSodiumSealer(key));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadCaseMeta(tmp.case_dir(), "sealer_scheme").value(), kBlake2bScheme);
  EXPECT_EQ(StoredHashes(tmp.case_dir()), ExpectedHashes(*NewBlake2bSealer(key)));
}

TEST(SodiumSchemeTest, CaseSealerFollowsTheRecordedScheme) {
  testing::TempDir tmp;
  const CaseKey key = CaseKey::Generate();
  const std::string old_case = tmp.path() + "/old", new_case = tmp.path() + "/new";
  EXPECT_EQ(NewCaseSealer(new_case, key).value()->scheme(), kNewCaseScheme);  // no case yet
  Fill(old_case, NewBlake2bSealer(key));
  Fill(new_case, NewSodiumSealer(key));
  EXPECT_EQ(NewCaseSealer(old_case, key).value()->scheme(), kBlake2bScheme);
  EXPECT_EQ(NewCaseSealer(new_case, key).value()->scheme(), kSipHashScheme);
  // An unknown recorded scheme is named, not replaced by another.
  ASSERT_TRUE(WriteCaseMeta(old_case, "sealer_scheme", "plain").ok());
  Result<std::unique_ptr<Sealer>> plain = NewCaseSealer(old_case, key);
  ASSERT_FALSE(plain.ok());
  EXPECT_NE(plain.status().message().find("'plain'"), std::string::npos);
}

// Rekey recomputes every hash with the case's own function under the new
// key, and refuses a sealer of the other scheme.
TEST(SodiumSchemeTest, RekeyKeepsEachCasesScheme) {
  struct Kind {
    std::unique_ptr<Sealer> (*make)(const CaseKey&);
    std::string_view scheme;
    std::unique_ptr<Sealer> (*other)(const CaseKey&);
  };
  for (const Kind& kind : {Kind{NewSodiumSealer, kSipHashScheme, NewBlake2bSealer},
                           Kind{NewBlake2bSealer, kBlake2bScheme, NewSodiumSealer}}) {
    SCOPED_TRACE(std::string(kind.scheme));
    testing::TempDir tmp;
    const CaseKey old_key = CaseKey::Generate(), new_key = CaseKey::Generate();
    Fill(tmp.case_dir(), kind.make(old_key));
    std::vector<std::string> before;
    {
      auto store = testing::OpenStore(tmp.case_dir(), kind.make(old_key));
      before = testing::AllFindings(*store);
    }
    EXPECT_FALSE(RekeySqliteCase(tmp.case_dir(), *kind.other(old_key),
                                 *kind.other(new_key))
                     .ok());
    Result<RekeyCounts> counts = RekeySqliteCase(tmp.case_dir(), *kind.make(old_key),
                                                 *kind.make(new_key));
    ASSERT_TRUE(counts.ok()) << counts.status().ToString();
    EXPECT_EQ(counts.value().rows, 4u);
    EXPECT_EQ(ReadCaseMeta(tmp.case_dir(), "sealer_scheme").value(), kind.scheme);
    EXPECT_EQ(StoredHashes(tmp.case_dir()), ExpectedHashes(*kind.make(new_key)));
    auto store = testing::OpenStore(tmp.case_dir(), kind.make(new_key));
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(testing::AllFindings(*store), before);
  }
}

}  // namespace
}  // namespace breachscope
