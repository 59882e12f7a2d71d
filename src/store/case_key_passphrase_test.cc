#include "store/case_key_passphrase.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/sodium_sealer.h"

namespace breachscope {
namespace {

// Interactive limits keep each derivation near a tenth of a second.
PassphraseKdf Fast() { return PassphraseKdf::Fresh(KdfStrength::kInteractive); }

TEST(PassphraseKdfTest, TextRoundTrips) {
  const PassphraseKdf kdf = Fast();
  const std::string text = kdf.ToText();
  EXPECT_EQ(text.rfind("argon2id13 ops=2 mem=67108864 salt=", 0), 0u) << text;
  Result<PassphraseKdf> back = PassphraseKdf::Parse(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back.value().opslimit, kdf.opslimit);
  EXPECT_EQ(back.value().memlimit, kdf.memlimit);
  EXPECT_EQ(back.value().salt, kdf.salt);
}

TEST(PassphraseKdfTest, NamedLimits) {
  struct Row {
    const char* name;
    uint64_t ops, mem;
  };
  for (const Row& row : {Row{"interactive", 2, 64ull << 20}, Row{"moderate", 3, 256ull << 20},
                         Row{"sensitive", 4, 1024ull << 20}}) {
    Result<KdfStrength> strength = ParseKdfStrength(row.name);
    ASSERT_TRUE(strength.ok()) << row.name;
    const PassphraseKdf kdf = PassphraseKdf::Fresh(strength.value());
    EXPECT_EQ(kdf.opslimit, row.ops) << row.name;
    EXPECT_EQ(kdf.memlimit, row.mem) << row.name;
  }
  EXPECT_EQ(ParseKdfStrength("fast").status().code(), StatusCode::kInvalidArgument);
}

TEST(PassphraseKdfTest, FreshSaltsDiffer) { EXPECT_NE(Fast().salt, Fast().salt); }

TEST(PassphraseKdfTest, MalformedOrOutOfRangeTextIsRefused) {
  const std::string salt = "salt=00112233445566778899aabbccddeeff";
  for (const std::string& text : std::vector<std::string>{
           "", "scrypt ops=2 mem=67108864 " + salt,
        "argon2id13 ops=2 mem=67108864", "argon2id13 ops=x mem=67108864 " + salt,
        "argon2id13 ops=2 mem=67108864 salt=0011",
        "argon2id13 ops=2 mem=67108864 salt=zz112233445566778899aabbccddeeff",
        // A damaged row must not make Argon2id ask for a terabyte.
        "argon2id13 ops=2 mem=1099511627776 " + salt,
        "argon2id13 ops=0 mem=67108864 " + salt}) {
    EXPECT_EQ(PassphraseKdf::Parse(text).status().code(), StatusCode::kCorrupt) << text;
  }
}

TEST(DeriveCaseKeyTest, SamePassphraseAndSaltSameKeyOtherwiseNot) {
  const PassphraseKdf kdf = Fast();
  Result<CaseKey> a = DeriveCaseKey("correct horse battery", kdf);
  Result<CaseKey> b = DeriveCaseKey("correct horse battery", kdf);
  Result<CaseKey> wrong = DeriveCaseKey("correct horse battery!", kdf);
  Result<CaseKey> other_salt = DeriveCaseKey("correct horse battery", Fast());
  ASSERT_TRUE(a.ok() && b.ok() && wrong.ok() && other_salt.ok());
  EXPECT_EQ(a.value().ToFileText(), b.value().ToFileText());
  EXPECT_NE(a.value().ToFileText(), wrong.value().ToFileText());
  EXPECT_NE(a.value().ToFileText(), other_salt.value().ToFileText());
  // A value sealed under one opens only under the same derivation.
  const std::string sealed = NewSodiumSealer(a.value())->Seal("Jane Smith");
  EXPECT_EQ(NewSodiumSealer(b.value())->Unseal(sealed).value(), "Jane Smith");
  EXPECT_FALSE(NewSodiumSealer(wrong.value())->Unseal(sealed).ok());
}

TEST(DeriveCaseKeyTest, EmptyPassphraseIsRefused) {
  EXPECT_EQ(DeriveCaseKey("", Fast()).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace breachscope
