#include "detect/validators/phone.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

struct PhoneCase {
  const char* text;
  const char* e164;  // nullptr: rejected
};

TEST(PhoneTest, Table) {
  const PhoneCase cases[] = {
      {"(306) 555-1234", "+13065551234"},
      {"306-555-1234", "+13065551234"},
      {"306.555.1234", "+13065551234"},
      {"306 555 1234", "+13065551234"},
      {"+1 306 555 1234", "+13065551234"},
      {"1-306-555-1234", "+13065551234"},
      {"3065551234", "+13065551234"},
      {"416-555-0199 x123", "+14165550199;ext=123"},
      {"416-555-0199 ext 45", "+14165550199;ext=45"},
      {"416-555-0199 ext. 6", "+14165550199;ext=6"},
      {"212-555-1234", "+12125551234"},
      {"306-055-1234", nullptr},
      {"123-456-7890", nullptr},
      {"2-306-555-1234", nullptr},
      {"306-555-123", nullptr},
      {"416-555-0199 x1234567", nullptr},
      {"", nullptr},
  };
  for (const PhoneCase& c : cases) {
    std::optional<std::string> got = NanpToE164(c.text);
    if (c.e164 == nullptr) {
      EXPECT_FALSE(got.has_value()) << c.text;
    } else {
      ASSERT_TRUE(got.has_value()) << c.text;
      EXPECT_EQ(*got, c.e164);
    }
  }
}

}  // namespace
}  // namespace breachscope
