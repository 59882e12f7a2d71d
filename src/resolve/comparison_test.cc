#include "resolve/comparison.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

PreparedRecord Record(std::string given, std::string family, std::string dob = "") {
  PersonRecord r;
  r.names.push_back({given, "", family, "", ""});
  if (!dob.empty()) r.dates_of_birth.push_back(dob);
  return PrepareRecord(r);
}

const PreparedName& Name(const PreparedRecord& r) { return r.names.at(0); }

TEST(CompareGivenTest, Levels) {
  struct Case {
    const char* a;
    const char* b;
    GivenLevel level;
  } cases[] = {
      {"Robert", "ROBERT", kGivenExact},   {"Robert", "Bob", kGivenNickname},
      {"Robert", "Robbie", kGivenNickname}, {"Analiese", "Annaliese", kGivenFuzzy},
      {"Danny", "Daniel", kGivenNickname},  {"Marie", "Mark", kGivenDiffers},
      {"Susan", "Susanne", kGivenFuzzy},   {"Darla", "Darletta", kGivenDiffers},
      {"B", "Bob", kGivenInitial},         {"J", "Bob", kGivenDiffers},
      {"Zoë", "zoe", kGivenExact},         {"Mark", "Marsha", kGivenDiffers},
      {"", "Bob", kGivenMissing},          {"Robert", "William", kGivenDiffers},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CompareGiven(Name(Record(c.a, "x")), Name(Record(c.b, "x"))), c.level) << c.a << " / " << c.b;
  }
}

TEST(CompareFamilyTest, Levels) {
  struct Case {
    const char* a;
    const char* b;
    FamilyLevel level;
  } cases[] = {
      {"Côté", "COTE", kFamilyExact},           {"O'Hare", "Ohare", kFamilyExact},
      {"Thompson", "Tompson", kFamilyFuzzy},    {"Medina Sentosa", "Sentosa", kFamilyFuzzy},
      {"Smith", "Jones", kFamilyDiffers},       {"Klempski", "Klempsky", kFamilyFuzzy},
      {"", "Smith", kFamilyMissing},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CompareFamily(Name(Record("x", c.a)), Name(Record("x", c.b))), c.level) << c.a << " / " << c.b;
  }
}

TEST(CompareDateTest, Levels) {
  struct Case {
    const char* a;
    const char* b;
    DateLevel level;
  } cases[] = {
      {"1978-12-11", "1978-12-11", kDateExact},  {"1978-12-11", "1978-11-12", kDateSwapped},
      {"1978-12-11", "1978-12-17", kDateTypo},   {"1978-12-11", "1987-12-11", kDateTypo},
      {"1939-04-08", "1969-04-08", kDateYearOff}, {"1978-12-11", "1979-12-11", kDateTypo},
      {"1954-03-31", "1978-03-31", kDateYearOff}, {"1954-03-31", "1978-06-02", kDateDiffers},
      {"1978-12-11", "not a date", kDateMissing},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CompareDate(ParseIsoDate(c.a), ParseIsoDate(c.b)), c.level) << c.a << " / " << c.b;
  }
}

TEST(CompareIdTest, Levels) {
  EXPECT_EQ(CompareId("123456789", "123456789"), kIdExact);
  EXPECT_EQ(CompareId("123456789", "123456798"), kIdTypo);
  EXPECT_EQ(CompareId("123456789", "987654321"), kIdDiffers);
  EXPECT_EQ(CompareId("123", "124"), kIdDiffers);  // too short to call a typo
  EXPECT_EQ(CompareId("", "124"), kIdMissing);
}

TEST(CompareTest, WholeRecords) {
  PersonRecord a, b;
  a.names.push_back({"Robert", "", "Smith", "", ""});
  b.names.push_back({"", "", "", "", "SMITH^BOB"});
  a.dates_of_birth = {"1978-12-11"};
  b.dates_of_birth = {"1978-11-12"};
  a.health_numbers = {{"SK", "123 456 789", true}};
  b.health_numbers = {{"SK", "123456789", true}};
  a.phones = {"+1 306 555 0100"};
  b.phones = {"306-555-0100"};
  a.addresses = {"12 Main St, Regina SK"};
  b.addresses = {"99 Other Ave, Saskatoon SK"};
  Comparison c = Compare(PrepareRecord(a), PrepareRecord(b));
  EXPECT_EQ(c.Level(kGivenName), kGivenNickname);
  EXPECT_EQ(c.Level(kFamilyName), kFamilyExact);
  EXPECT_EQ(c.Level(kBirthDate), kDateSwapped);
  EXPECT_EQ(c.Level(kHealthNumberField), kIdExact);
  EXPECT_EQ(c.Level(kPhoneField), kContactExact);
  EXPECT_EQ(c.Level(kAddressField), kAddressDiffers);
  EXPECT_EQ(c.Level(kEmailField), kContactMissing);
  EXPECT_TRUE(HasPersonalEvidence(c));
}

TEST(CompareTest, MarriedNameAndSwappedNameOrder) {
  PreparedRecord maiden = Record("Marie", "Tremblay", "1980-02-03"), wife = Record("Marie", "Roy", "1980-02-03");
  // Nothing ties them: two women named Marie born that day.
  EXPECT_EQ(Compare(maiden, wife).Level(kFamilyName), kFamilyDiffers);
  EXPECT_FALSE(HasPersonalEvidence(Compare(maiden, wife)));
  maiden.phones = wife.phones = {3065550100};
  Comparison married = Compare(maiden, wife);
  EXPECT_EQ(married.Level(kFamilyName), kFamilyChanged);
  EXPECT_TRUE(HasPersonalEvidence(married));
  Comparison swapped = Compare(Record("Shaw", "Daniella"), Record("Daniella", "Shaw"));
  EXPECT_EQ(swapped.Level(kGivenName), kGivenExact);
  EXPECT_EQ(swapped.Level(kFamilyName), kFamilyExact);
}

TEST(CompareTest, NamesThatOnlySoundAlikeAreNoPersonalEvidence) {
  Comparison c = Compare(Record("Abou", "Bells", "1967-02-26"), Record("Aabha", "Beel", "1967-02-26"));
  EXPECT_EQ(c.Level(kGivenName), kGivenPhonetic);
  EXPECT_EQ(c.Level(kFamilyName), kFamilyPhonetic);
  EXPECT_FALSE(HasPersonalEvidence(c));
}

TEST(CompareTest, TwinsHaveNoPersonalEvidence) {
  Comparison twins = Compare(Record("Mark", "Kusha", "1997-09-28"), Record("Marsha", "Kusha", "1997-09-28"));
  EXPECT_EQ(twins.Level(kGivenName), kGivenDiffers);
  EXPECT_FALSE(HasPersonalEvidence(twins));
}

TEST(CompareTest, NoBirthDateNorIdentifierNeedsAContactOfTheirOwn) {
  // Same name, one birth date missing: on the name alone, or on a family
  // line several people share, it may be the father or the namesake son.
  PreparedRecord dated = Record("Rishab", "Bibler", "1961-06-15"), undated = Record("Rishab", "Bibler");
  EXPECT_FALSE(HasPersonalEvidence(Compare(dated, undated)));
  dated.phones = undated.phones = {3063151678};
  dated.phone_shared = undated.phone_shared = 1;
  EXPECT_EQ(Compare(dated, undated).Level(kPhoneField), kContactShared);
  EXPECT_FALSE(HasPersonalEvidence(Compare(dated, undated)));
  // A line nobody else is seen with ties them.
  dated.phone_shared = undated.phone_shared = 0;
  EXPECT_TRUE(HasPersonalEvidence(Compare(dated, undated)));
  // So does an identifier, and so do agreeing birth dates.
  PreparedRecord numbered = Record("Rishab", "Bibler"), again = Record("Rishab", "Bibler");
  numbered.health_numbers = again.health_numbers = {PreparedId{"SK", "123456789", true}};
  EXPECT_TRUE(HasPersonalEvidence(Compare(numbered, again)));
  EXPECT_TRUE(HasPersonalEvidence(Compare(dated, Record("Rishab", "Bibler", "1961-06-15"))));
}

TEST(CompareTest, DifferentSexPartsLooseGivenNames) {
  PreparedRecord patrick = Record("Pat", "Kusha", "1997-09-28"), patricia = Record("Pat", "Kusha", "1997-09-28");
  patrick.sex = 'M';
  patricia.sex = 'F';
  // An exact given name outweighs a sex that may be miscoded...
  EXPECT_EQ(Compare(patrick, patricia).Level(kSexField), kSexDiffers);
  EXPECT_TRUE(HasPersonalEvidence(Compare(patrick, patricia)));
  // ...but a nickname or an initial does not: twins, a brother and a sister.
  PreparedRecord patty = Record("Patty", "Kusha", "1997-09-28");
  patty.sex = 'F';
  EXPECT_EQ(Compare(patrick, patty).Level(kGivenName), kGivenNickname);
  EXPECT_FALSE(HasPersonalEvidence(Compare(patrick, patty)));
  EXPECT_TRUE(HasPersonalEvidence(Compare(patricia, patty)));
}

TEST(ParseFullNameTest, Forms) {
  PersonName hl7 = ParseFullName("CÔTÉ-TREMBLAY^JEAN^M^JR");
  EXPECT_EQ(hl7.family, "CÔTÉ-TREMBLAY");
  EXPECT_EQ(hl7.given, "JEAN");
  EXPECT_EQ(hl7.suffix, "JR");
  PersonName comma = ParseFullName("Smith, John Q");
  EXPECT_EQ(comma.family, "Smith");
  PersonName plain = ParseFullName("John Q. Smith Jr");
  EXPECT_EQ(plain.given, "john");
  EXPECT_EQ(plain.family, "smith");
  EXPECT_EQ(plain.suffix, "jr");
}

}  // namespace
}  // namespace breachscope
