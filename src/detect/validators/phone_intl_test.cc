#include "detect/validators/phone_intl.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(InternationalToE164Test, ValidNumbersOfOtherCountries) {
  struct Row {
    std::string_view text;
    std::optional<std::string> expected;
  };
  std::vector<Row> rows = {
      {"+44 20 7946 0958", "+442079460958"},
      {"+33 1 42 68 53 00", "+33142685300"},
      {"+61 2 9374 4000", "+61293744000"},
      {"+49 30 901820", "+4930901820"},
      {"+1 306 721 0100", std::nullopt},  // North American: phone_nanp's
      {"+44 12", std::nullopt},           // too short
      {"+999 123 456 789", std::nullopt}, // no such country code
      {"44 20 7946 0958", std::nullopt},  // no '+'
  };
  for (const Row& row : rows) {
    EXPECT_EQ(InternationalToE164(row.text), row.expected) << row.text;
  }
}

}  // namespace
}  // namespace breachscope
