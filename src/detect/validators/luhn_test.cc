#include "detect/validators/luhn.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

struct LuhnCase {
  const char* digits;
  bool valid;
};

TEST(LuhnTest, Table) {
  const LuhnCase cases[] = {
      {"046454286", true},         {"046454287", false},
      {"130692544", true},         {"130692545", false},
      {"4111111111111111", true},  {"4111111111111112", false},
      {"0", true},                 {"18", true},
      {"", false},                 {"04645428a", false},
      {"046 454 286", false},      {"79927398713", true},
  };
  for (const LuhnCase& c : cases) {
    EXPECT_EQ(LuhnValid(c.digits), c.valid) << c.digits;
  }
}

}  // namespace
}  // namespace breachscope
