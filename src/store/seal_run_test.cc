// SealRun: a chunk's values sealed with shared set-up are still standard,
// separately opened messages under distinct nonces.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "store/case_key.h"
#include "store/sealed_finding.h"
#include "store/sealer.h"
#include "store/sodium_sealer.h"

namespace breachscope {
namespace {

constexpr std::string_view kContext = "a test context";

std::vector<std::string> Values() {
  return {"", "046 454 286", "Zoë Quagmire", std::string(5000, 'x'),
          std::string("\0\1\2", 3)};
}

TEST(SealRunTest, SodiumRunSealsAreStandardXChaChaMessagesOfTheCaseKey) {
  const CaseKey key = CaseKey::Generate();
  auto sealer = NewSodiumSealer(key);
  const CaseKey::Bytes seal_key = key.Derive(KeyPurpose::kSeal);
  auto run = sealer->BeginSealRun(kContext);
  for (const std::string& value : Values()) {
    std::string sealed;
    run->SealAppend(value, &sealed);
    ASSERT_EQ(sealed.size(), 24 + value.size() + 16);
    // The same message from libsodium's XChaCha20-Poly1305 under the
    // stored nonce: the run is that construction, not a variant of it.
    std::string expected(sealed.size() - 24, '\0');
    unsigned long long written = 0;
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(expected.data()), &written,
        reinterpret_cast<const unsigned char*>(value.data()), value.size(),
        reinterpret_cast<const unsigned char*>(kContext.data()),
        kContext.size(), nullptr, nonce, seal_key.data());
    EXPECT_EQ(sealed.substr(24), expected);
    std::string back;
    ASSERT_TRUE(sealer->UnsealFor(kContext, sealed, &back).ok());
    EXPECT_EQ(back, value);
    EXPECT_FALSE(sealer->UnsealFor("another context", sealed, &back).ok());
  }
}

TEST(SealRunTest, NoncesAreDistinctWithinAndAcrossRuns) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  std::set<std::string> nonces;
  std::set<std::string> prefixes;
  for (int r = 0; r < 3; ++r) {
    auto run = sealer->BeginSealRun(kContext);
    for (int i = 0; i < 1000; ++i) {
      std::string sealed;
      run->SealAppend("same value", &sealed);
      EXPECT_TRUE(nonces.insert(sealed.substr(0, 24)).second);
      prefixes.insert(sealed.substr(0, 16));
    }
  }
  EXPECT_EQ(nonces.size(), 3000u);
  EXPECT_EQ(prefixes.size(), 3u);  // one random prefix per run
}

TEST(SealRunTest, DefaultRunSealsLikeSealAppendFor) {
  auto sealer = NewPlainSealer();  // deterministic: outputs comparable
  auto run = sealer->BeginSealRun(kContext);
  for (const std::string& value : Values()) {
    std::string by_run, alone;
    run->SealAppend(value, &by_run);
    sealer->SealAppendFor(kContext, value, &alone);
    EXPECT_EQ(by_run, alone);
  }
}

TEST(SealRunTest, FindingsSealedInOneRunOpenOneByOne) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  std::vector<Finding> findings;
  for (const std::string& value : Values()) {
    Finding& f = findings.emplace_back();
    f.category = "name";
    f.value = value;
    f.normalized = value + "!";
  }
  const SealedFindings sealed = SealFindingValues(*sealer, findings);
  ASSERT_EQ(sealed.size(), findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    std::string scratch, value, normalized;
    ASSERT_TRUE(UnsealFinding(*sealer, static_cast<int64_t>(SealForm::kOneSeal),
                              sealed[i].sealed, "", &scratch, &value,
                              &normalized)
                    .ok());
    EXPECT_EQ(value, findings[i].value);
    EXPECT_EQ(normalized, findings[i].normalized);
  }
}

// An open run reads back values of several seal runs and lone seals in any
// order, and refuses what UnsealFor refuses.
TEST(SealRunTest, OpenRunOpensRunsAndLoneSealsAndRefusesTampering) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  std::vector<std::pair<std::string, std::string>> sealed;  // (value, sealed)
  for (int r = 0; r < 2; ++r) {
    auto run = sealer->BeginSealRun(kContext);
    for (const std::string& value : Values()) {
      std::string s;
      run->SealAppend(value, &s);
      sealed.emplace_back(value, s);
      std::string lone;
      sealer->SealAppendFor(kContext, value + "#", &lone);
      sealed.emplace_back(value + "#", lone);
    }
  }
  auto open = sealer->BeginOpenRun(kContext);
  for (const auto& [value, s] : sealed) {
    std::string back = "stale";
    ASSERT_TRUE(open->Unseal(s, &back).ok());
    EXPECT_EQ(back, value);
  }
  // A flipped tag bit, a flipped counter bit, a cut value, another context.
  std::string tag = sealed[0].second;
  tag.back() ^= 1;
  std::string counter = sealed[2].second;
  counter[16] ^= 1;
  std::string out;
  EXPECT_EQ(open->Unseal(tag, &out).code(), StatusCode::kCorrupt);
  EXPECT_EQ(open->Unseal(counter, &out).code(), StatusCode::kCorrupt);
  EXPECT_EQ(open->Unseal(sealed[0].second.substr(0, 39), &out).code(),
            StatusCode::kCorrupt);
  auto other = sealer->BeginOpenRun("another context");
  EXPECT_EQ(other->Unseal(sealed[2].second, &out).code(),
            StatusCode::kCorrupt);
  // After a refusal the run still opens good values.
  ASSERT_TRUE(open->Unseal(sealed[2].second, &out).ok());
  EXPECT_EQ(out, sealed[2].first);
  // Another key's run refuses them all.
  auto stranger = NewSodiumSealer(CaseKey::Generate())->BeginOpenRun(kContext);
  EXPECT_EQ(stranger->Unseal(sealed[2].second, &out).code(),
            StatusCode::kCorrupt);
}

TEST(SealRunTest, DefaultOpenRunOpensLikeUnsealFor) {
  auto sealer = NewPlainSealer();
  auto open = sealer->BeginOpenRun(kContext);
  for (const std::string& value : Values()) {
    std::string sealed, by_run, alone;
    sealer->SealAppendFor(kContext, value, &sealed);
    ASSERT_TRUE(open->Unseal(sealed, &by_run).ok());
    ASSERT_TRUE(sealer->UnsealFor(kContext, sealed, &alone).ok());
    EXPECT_EQ(by_run, alone);
  }
}

}  // namespace
}  // namespace breachscope
