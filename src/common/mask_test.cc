#include "common/mask.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(MaskValue, NamesKeepFirstLetterOfEachWord) {
  EXPECT_EQ(MaskValue("name", "John Smith"), "J*** S****");
  EXPECT_EQ(MaskValue("name", "Côté-Tremblay, Jean"), "C***-T*******, J***");
  EXPECT_EQ(MaskValue("name", "O'Brien"), "O'B****");
}

TEST(MaskValue, PhonesKeepLastFourDigits) {
  EXPECT_EQ(MaskValue("phone", "306-555-4217"), "***-***-4217");
  EXPECT_EQ(MaskValue("phone", "+13065554217"), "+*******4217");
}

TEST(MaskValue, EmailsKeepFirstLettersAndTld) {
  EXPECT_EQ(MaskValue("email", "jean@example.com"), "j***@e******.com");
  EXPECT_EQ(MaskValue("email", "no-at-sign"), "**-**-**gn");
}

TEST(MaskValue, DatesKeepTheYear) {
  EXPECT_EQ(MaskValue("date_of_birth", "1975-03-14"), "1975-**-**");
  EXPECT_EQ(MaskValue("date_of_birth", "14/03/1975"), "**/**/1975");
  EXPECT_EQ(MaskValue("date_of_birth", "Mar 14"), "*** **");
}

TEST(MaskValue, OtherValuesKeepLastTwo) {
  EXPECT_EQ(MaskValue("health_insurance_number", "9876 543 210"), "**** *** *10");
  EXPECT_EQ(MaskValue("address", "12 Main St"), "** **** St");
}

TEST(MaskValue, ShortValuesAreMaskedWhole) {
  EXPECT_EQ(MaskValue("sin", "1234"), "****");
  EXPECT_EQ(MaskValue("phone", "4217"), "****");
}

TEST(MaskValue, MalformedUtf8DoesNotCrashOrLeak) {
  const std::string bad = "\xC3";
  EXPECT_EQ(MaskValue("name", bad + "x"), bad + "*");
  EXPECT_EQ(MaskValue("sin", std::string("\xFF\xFE", 2)), "**");
}

}  // namespace
}  // namespace breachscope
