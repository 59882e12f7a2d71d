#include <gtest/gtest.h>

#include <string>

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

// The hash is stored in cases, so it must never change between builds.
TEST(PlainSealerTest, HashIsStableFnv1a128) {
  auto sealer = NewPlainSealer();
  EXPECT_EQ(sealer->Hash(""), "6c62272e07bb014262b821756295c58d");
  EXPECT_EQ(sealer->Hash("a"), "d228cb696f1a8caf78912b704e4a8964");
}

TEST(PlainSealerTest, HashSeparatesValuesAndNeverContainsThem) {
  auto sealer = NewPlainSealer();
  const std::string a = sealer->Hash("046 454 286");
  const std::string b = sealer->Hash("046 454 287");
  EXPECT_NE(a, b);
  EXPECT_EQ(a, sealer->Hash("046 454 286"));
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
