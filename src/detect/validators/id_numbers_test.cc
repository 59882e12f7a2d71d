#include "detect/validators/id_numbers.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

struct Case {
  const char* text;
  bool valid;
};

using Check = bool (*)(std::string_view);

void ExpectAll(Check check, std::initializer_list<Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(check(c.text), c.valid) << c.text;
}

TEST(DigitGroupsTest, Table) {
  struct GroupCase {
    const char* text;
    const char* digits;  // nullptr: rejected
  };
  const GroupCase cases[] = {
      {"1234567890", "1234567890"}, {"1234 567 890", "1234567890"},
      {"1234-567-890", "1234567890"}, {"1234-567 890", nullptr},
      {"12--34", nullptr},          {"-1234", nullptr},
      {"1234-", nullptr},           {"12a4", nullptr},
      {"", nullptr},
  };
  for (const GroupCase& c : cases) {
    std::string digits;
    bool ok = DigitGroups(c.text, &digits);
    EXPECT_EQ(ok, c.digits != nullptr) << c.text;
    if (ok) {
      EXPECT_EQ(digits, c.digits);
    }
  }
}

TEST(OntarioHealthNumberTest, Table) {
  ExpectAll(OntarioHealthNumberValid,
            {{"1234567897", true}, {"9876543217", true}, {"4512345671", true},
             {"1234567890", false}, {"123456789", false},
             {"12345678970", false}, {"123456789a", false}});
}

TEST(BcPhnTest, Table) {
  ExpectAll(BcPhnValid,
            {{"9698658215", true}, {"9398259797", true}, {"9190748335", true},
             {"9000123454", true}, {"9698648215", false},  // check differs
             {"5736504210", false},  // does not start with 9
             {"9876543217", false}, {"969865821", false},
             {"9736A04212", false}});
}

TEST(RamqTest, Table) {
  ExpectAll(RamqValid,
            {{"TREM75031412", true},   // man, 14 March 1975
             {"TREM75531412", true},   // woman: month + 50
             {"GAGM00022912", true},   // 29 February
             {"TREM75131412", false},  // month 13
             {"TREM75631412", false},  // month 63
             {"TREM75043112", false},  // 31 April
             {"TREM75030012", false},  // day 0
             {"Trem75031412", false},  {"TRE175031412", false},
             {"TREM7503141", false}});
}

TEST(MbiTest, Table) {
  ExpectAll(MbiValid,
            {{"1EG4TE5MK73", true},  {"9AA0AA0AA00", true},
             {"1E24T35MK73", true},  // positions 3 and 6 may be digits
             {"0EG4TE5MK73", false},  // first is 1-9
             {"1SG4TE5MK73", false},  // S excluded
             {"1EG4TE5MK7O", false},  {"1EG4TE5M173", false},
             {"1eg4te5mk73", false},  {"1EG4TE5MK7", false}});
}

TEST(SsnTest, Table) {
  ExpectAll(SsnValid,
            {{"123456789", true},  {"078051120", true},  {"899991234", true},
             {"000123456", false}, {"666123456", false}, {"900123456", false},
             {"123001234", false}, {"123450000", false}, {"12345678", false}});
}

TEST(CardIssuerTest, Table) {
  struct CardCase {
    const char* digits;
    const char* issuer;
  };
  const CardCase cases[] = {
      {"4111111111111111", "visa"},       {"4111111111119", "visa"},
      {"4000000000000000006", "visa"},    {"5555555555554444", "mastercard"},
      {"2223000000000007", "mastercard"}, {"2721000000000000", ""},
      {"378282246310005", "amex"},        {"348282246310005", "amex"},
      {"6011111111111117", "discover"},   {"6500000000000002", "discover"},
      {"6440000000000000", "discover"},   {"6430000000000000", ""},
      {"1234567890123452", ""},           {"411111111111111", ""},
      {"3782822463100050", ""},           {"", ""},
  };
  for (const CardCase& c : cases) {
    EXPECT_EQ(CardIssuer(c.digits), c.issuer) << c.digits;
  }
}

}  // namespace
}  // namespace breachscope
