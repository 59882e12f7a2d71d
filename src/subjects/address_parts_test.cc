#include "subjects/address_parts.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

Finding Address(const char* value, UnitKind kind, const char* label, const char* path = "",
                const char* detector = "address_field") {
  Finding f;
  f.category = "address";
  f.value = f.normalized = value;
  f.detector = detector;
  f.location.kind = kind;
  f.location.label = label;
  f.location.path = path;
  return f;
}

TEST(AddressPartsTest, PartOfLabel) {
  EXPECT_EQ(AddressPartOf(Address("Regina", UnitKind::kTableCell, "City")), AddressPart::kCity);
  EXPECT_EQ(AddressPartOf(Address("SK", UnitKind::kTableCell, "Province")),
            AddressPart::kProvince);
  EXPECT_EQ(AddressPartOf(Address("S4P 1Y5", UnitKind::kTableCell, "Code postal")),
            AddressPart::kPostalCode);
  EXPECT_EQ(AddressPartOf(Address("S4P 1Y5", UnitKind::kField, "address.postalCode",
                                  "address[0].postalCode", "postal_code_ca")),
            AddressPart::kPostalCode);
  EXPECT_EQ(AddressPartOf(Address("Regina", UnitKind::kField, "PID-11", "PID-11[1].3")),
            AddressPart::kCity);
  EXPECT_EQ(AddressPartOf(Address("1 Main St", UnitKind::kTableCell, "Adresse")),
            AddressPart::kStreet);
  EXPECT_EQ(AddressPartOf(Address("1 Main St, Regina", UnitKind::kText, "")),
            AddressPart::kLine);
}

TEST(AddressPartsTest, LineSkipsMissingParts) {
  AddressParts parts{"1 Main St", "Regina", "SK", "S4P 1Y5"};
  EXPECT_EQ(parts.Line(), "1 Main St, Regina, SK S4P 1Y5");
  AddressParts city_only{"", "Regina", "", ""};
  EXPECT_EQ(city_only.Line(), "Regina");
  AddressParts no_city{"1 Main St", "", "", "S4P 1Y5"};
  EXPECT_EQ(no_city.Line(), "1 Main St, S4P 1Y5");
}

TEST(AddressPartsTest, PostalCodeNormalised) {
  EXPECT_EQ(NormalizePostalCode("s4p1y5"), "S4P 1Y5");
  EXPECT_EQ(NormalizePostalCode("S4P 1Y5"), "S4P 1Y5");
  EXPECT_EQ(NormalizePostalCode("12345"), "12345");
}

}  // namespace
}  // namespace breachscope
