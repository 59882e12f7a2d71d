#include "detect/validators/postal_code.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

struct PostalCase {
  const char* text;
  const char* canonical;  // nullptr: rejected
};

TEST(PostalCodeTest, Table) {
  const PostalCase cases[] = {
      {"K1A 0B1", "K1A 0B1"}, {"K1A0B1", "K1A 0B1"},  {"k1a 0b1", "K1A 0B1"},
      {"S4P 3Y2", "S4P 3Y2"}, {"H2X 1Y4", "H2X 1Y4"},  {"X0A 0H0", "X0A 0H0"},
      {"T2P 2W2", "T2P 2W2"}, {"D1A 0B1", nullptr},    {"W1A 0B1", nullptr},
      {"Z1A 0B1", nullptr},   {"K1D 0B1", nullptr},    {"K1A 0F1", nullptr},
      {"KIA 0B1", nullptr},   {"K1A 0O1", nullptr},    {"K1A-0B1", nullptr},
      {"K1A  0B1", nullptr},  {"K1A 0B", nullptr},     {"11A 0B1", nullptr},
      {"", nullptr},
  };
  for (const PostalCase& c : cases) {
    std::optional<std::string> got = CanonicalPostalCode(c.text);
    if (c.canonical == nullptr) {
      EXPECT_FALSE(got.has_value()) << c.text;
    } else {
      ASSERT_TRUE(got.has_value()) << c.text;
      EXPECT_EQ(*got, c.canonical);
    }
  }
}

}  // namespace
}  // namespace breachscope
