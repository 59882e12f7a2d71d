// The one-seal form of a finding's PHI (sealed_finding.h): its plaintext
// layout, its seal and what a tampered or mislabelled seal gives.
#include "store/sealed_finding.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "store/case_key.h"
#include "store/sodium_sealer.h"

namespace breachscope {
namespace {

Finding WithValues(std::string value, std::string normalized) {
  Finding f;
  f.value = std::move(value);
  f.normalized = std::move(normalized);
  return f;
}

// (value, normalised value) pairs covering every flag and length size.
std::vector<std::pair<std::string, std::string>> Pairs() {
  return {{"046 454 286", "046454286"},       // different
          {"jean@example.org", "jean@example.org"},  // equal
          {"Zoë Quagmire", ""},              // no normalised form
          {"", ""},
          {"", "x"},
          {std::string(300, 'v'), std::string(200, 'n')},  // 2-byte length
          {std::string("\0\1\2", 3), std::string("\0", 1)}};
}

TEST(FindingPlainTest, RoundTripsEveryShape) {
  for (const auto& [value, normalized] : Pairs()) {
    std::string plain;
    AppendFindingPlain(value, normalized, &plain);
    std::string v = "stale", n = "stale";
    ASSERT_TRUE(SplitFindingPlain(plain, &v, &n).ok());
    EXPECT_EQ(v, value);
    EXPECT_EQ(n, normalized);
  }
}

TEST(FindingPlainTest, EqualOrMissingNormalisedValueCostsOneByte) {
  std::string plain;
  AppendFindingPlain("jean@example.org", "jean@example.org", &plain);
  EXPECT_EQ(plain.size(), 1 + 16u);
  plain.clear();
  AppendFindingPlain("jean@example.org", "", &plain);
  EXPECT_EQ(plain.size(), 1 + 16u);
  plain.clear();
  AppendFindingPlain("046 454 286", "046454286", &plain);
  EXPECT_EQ(plain.size(), 1 + 1 + 11 + 9u);
}

TEST(FindingPlainTest, MalformedPlaintextIsCorrupt) {
  std::string v, n;
  EXPECT_EQ(SplitFindingPlain("", &v, &n).code(), StatusCode::kCorrupt);
  EXPECT_EQ(SplitFindingPlain("\x03value", &v, &n).code(), StatusCode::kCorrupt);
  // A length past the end, and one cut short.
  EXPECT_EQ(SplitFindingPlain(std::string("\x02\x09" "abc", 5), &v, &n).code(),
            StatusCode::kCorrupt);
  EXPECT_EQ(SplitFindingPlain(std::string("\x02\x80", 2), &v, &n).code(),
            StatusCode::kCorrupt);
}

class OneSealTest : public ::testing::Test {
 protected:
  std::unique_ptr<Sealer> sealer_ = NewSodiumSealer(CaseKey::Generate());

  Status Open(int64_t form, std::string_view value_sealed,
              std::string_view normalized_sealed, std::string* v,
              std::string* n) {
    std::string scratch;
    return UnsealFinding(*sealer_, form, value_sealed, normalized_sealed,
                         &scratch, v, n);
  }
};

TEST_F(OneSealTest, EveryFindingIsOneFreshSealThatOpens) {
  std::vector<Finding> findings;
  for (const auto& [value, normalized] : Pairs()) {
    findings.push_back(WithValues(value, normalized));
  }
  findings.push_back(findings[0]);  // the same values again
  const SealedFindings sealed = SealFindingValues(*sealer_, findings);
  ASSERT_EQ(sealed.size(), findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    std::string plain;
    AppendFindingPlain(f.value, f.normalized, &plain);
    EXPECT_EQ(sealed[i].sealed.size(), plain.size() + 40) << i;  // nonce, tag
    EXPECT_EQ(sealed[i].hash, sealer_->Hash(LookupForm(f))) << i;
    std::string v, n;
    Status st = Open(1, sealed[i].sealed, "", &v, &n);
    ASSERT_TRUE(st.ok()) << st.ToString();
    EXPECT_EQ(v, f.value);
    EXPECT_EQ(n, f.normalized);
  }
  // A fresh random nonce per finding, even for equal values.
  EXPECT_NE(sealed[0].sealed, sealed[findings.size() - 1].sealed);
  EXPECT_NE(sealed[0].sealed.substr(0, 24),
            sealed[findings.size() - 1].sealed.substr(0, 24));
}

TEST_F(OneSealTest, EveryFlippedBitFailsIncludingTheFlag) {
  const SealedFindings sealed =
      SealFindingValues(*sealer_, {WithValues("046 454 286", "046454286")});
  const std::string good(sealed[0].sealed);
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] ^= i == 24 ? 0x03 : 0x01;  // byte 24 is the flag, under the stream
    std::string v, n;
    EXPECT_EQ(Open(1, bad, "", &v, &n).code(), StatusCode::kCorrupt) << i;
    EXPECT_TRUE(v.empty() && n.empty()) << i;
  }
}

TEST_F(OneSealTest, NoRowPassesForTheOtherForm) {
  const SealedFindings sealed =
      SealFindingValues(*sealer_, {WithValues("046 454 286", "046454286")});
  std::string v, n;
  // A one-seal message given as a two-seal value, whatever the second one.
  EXPECT_EQ(Open(0, sealed[0].sealed, sealer_->Seal("046454286"), &v, &n).code(),
            StatusCode::kCorrupt);
  // Two-seal values given as a one-seal row.
  std::string plain;
  AppendFindingPlain("046 454 286", "046454286", &plain);
  EXPECT_EQ(Open(1, sealer_->Seal(plain), "", &v, &n).code(), StatusCode::kCorrupt);
  // A one-seal row with something in its unused column, or an unknown form.
  EXPECT_EQ(Open(1, sealed[0].sealed, sealer_->Seal("x"), &v, &n).code(),
            StatusCode::kCorrupt);
  EXPECT_EQ(Open(2, sealed[0].sealed, "", &v, &n).code(), StatusCode::kCorrupt);
  // Another context: the name seal's.
  std::string other;
  sealer_->SealAppendFor("breachscope name", plain, &other);
  EXPECT_EQ(Open(1, other, "", &v, &n).code(), StatusCode::kCorrupt);
}

TEST_F(OneSealTest, TwoSealRowsStillOpen) {
  std::string v, n;
  Status st = Open(0, sealer_->Seal("046 454 286"), sealer_->Seal("046454286"),
                   &v, &n);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(v, "046 454 286");
  EXPECT_EQ(n, "046454286");
  // A flipped byte in either seal still fails.
  std::string bad = sealer_->Seal("046454286");
  bad[30] ^= 1;
  EXPECT_EQ(Open(0, sealer_->Seal("046 454 286"), bad, &v, &n).code(),
            StatusCode::kCorrupt);
}

TEST_F(OneSealTest, ErrorsNameNoValue) {
  const SealedFindings sealed =
      SealFindingValues(*sealer_, {WithValues("046 454 286", "046454286")});
  std::string bad(sealed[0].sealed);
  bad[30] ^= 1;
  std::string v, n;
  const Status st = Open(1, bad, "", &v, &n);
  EXPECT_EQ(st.message().find("046"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace breachscope
