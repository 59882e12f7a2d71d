#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "store/sealer.h"

namespace breachscope {
namespace {

TEST(PlainSealerTest, SchemeIsPlain) {
  EXPECT_EQ(NewPlainSealer()->scheme(), "plain");
}

TEST(PlainSealerTest, SealIsIdentityAndRoundTrips) {
  auto sealer = NewPlainSealer();
  for (std::string value : {std::string(), std::string("1980-02-29"),
                            std::string("Zoë Ångström 山田"),
                            std::string("nul\0inside", 10)}) {
    EXPECT_EQ(sealer->Seal(value), value);
    Result<std::string> back = sealer->Unseal(sealer->Seal(value));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), value);
  }
}

std::string Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0xf];
  }
  return out;
}

// The hash is stored in cases, so it must never change between builds.
TEST(PlainSealerTest, HashIsStableFnv1a128) {
  auto sealer = NewPlainSealer();
  EXPECT_EQ(Hex(sealer->Hash("")), "6c62272e07bb014262b821756295c58d");
  EXPECT_EQ(Hex(sealer->Hash("a")), "d228cb696f1a8caf78912b704e4a8964");
}

TEST(PlainSealerTest, HashSeparatesValuesAndNeverContainsThem) {
  auto sealer = NewPlainSealer();
  const std::string a = sealer->Hash("046 454 286");
  const std::string b = sealer->Hash("046 454 287");
  EXPECT_NE(a, b);
  EXPECT_EQ(a, sealer->Hash("046 454 286"));
  EXPECT_EQ(a.size(), 16u);  // raw digest bytes, stored as a BLOB
  EXPECT_EQ(a.find("046"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
