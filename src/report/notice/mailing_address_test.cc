#include "report/notice/mailing_address.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(MailingAddress, CanadianLineSplitsForTheMailHouse) {
  auto a = ParseMailingAddress("15-6852 Prairie Boulevard NW, Regina, SK S9Y6B3");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->street, "15-6852 Prairie Boulevard NW");
  EXPECT_EQ(a->city, "Regina");
  EXPECT_EQ(a->region, "SK");
  EXPECT_EQ(a->postal_code, "S9Y 6B3");
  EXPECT_EQ(a->country, "CA");
}

TEST(MailingAddress, CityBeforeRegionWithoutComma) {
  auto a = ParseMailingAddress("12 rue Saint-Jean, Québec QC G1R 1P5");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->city, "Québec");
  EXPECT_EQ(a->region, "QC");
  auto b = ParseMailingAddress("700 Main St, Vancouver British Columbia V6B 1A1");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->region, "BC");
  EXPECT_EQ(b->city, "Vancouver");
}

TEST(MailingAddress, UsLine) {
  auto a = ParseMailingAddress("400 E Broadway Ave, Bismarck, ND 58501-4071");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->region, "ND");
  EXPECT_EQ(a->postal_code, "58501-4071");
  EXPECT_EQ(a->country, "US");
}

TEST(MailingAddress, UnusableLines) {
  EXPECT_FALSE(ParseMailingAddress("Regina, SK"));                      // no postal code
  EXPECT_FALSE(ParseMailingAddress("S4P 3Y2"));                         // no street
  EXPECT_FALSE(ParseMailingAddress("1 Main St, Regina, SK M5V 2T6"));   // Toronto code in SK
  EXPECT_FALSE(ParseMailingAddress(""));
}

TEST(MailingAddress, FrenchStreetsOutsideQuebec) {
  auto moncton = ParseMailingAddress("120 rue Principale, Moncton, NB E1C 1B3");
  ASSERT_TRUE(moncton);
  EXPECT_TRUE(WrittenInFrench(*moncton));
  auto chemin = ParseMailingAddress("45 chemin du Lac, Sudbury, ON P3A 1A1");
  ASSERT_TRUE(chemin);
  EXPECT_TRUE(WrittenInFrench(*chemin));
  auto english = ParseMailingAddress("700 Boulevard Avenue, Regina, SK S4P 3Y2");
  ASSERT_TRUE(english);
  EXPECT_FALSE(WrittenInFrench(*english));
}

TEST(MailingAddress, ProvinceFromPostalCode) {
  EXPECT_EQ(ProvinceOfPostalCode("S4P 3Y2"), "SK");
  EXPECT_EQ(ProvinceOfPostalCode("h2x1y4"), "QC");
  EXPECT_EQ(ProvinceOfPostalCode("X0A 0H0"), "NU");
  EXPECT_EQ(ProvinceOfPostalCode("X1A 2P7"), "NT");
  EXPECT_EQ(ProvinceOfPostalCode("D4P 3Y2"), "");
  EXPECT_EQ(ProvinceOfPostalCode("12345"), "");
}

TEST(MailingAddress, JurisdictionFromAddressThenHealthNumber) {
  AffectedPerson p;
  p.health_numbers = {{"AB", "123456789"}};
  EXPECT_EQ(JurisdictionOf(p), "AB");
  p.addresses = {"somewhere unknown", "400 E Broadway Ave, Bismarck, ND 58501"};
  EXPECT_EQ(JurisdictionOf(p), "US-ND");
  EXPECT_EQ(CountryOf("US-ND"), "US");
  EXPECT_EQ(CountryOf("SK"), "CA");
  EXPECT_EQ(CountryOf(""), "");
}

}  // namespace
}  // namespace breachscope
