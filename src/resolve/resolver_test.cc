#include "resolve/resolver.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

PersonRecord Person(std::string key, std::string given, std::string family, std::string dob) {
  PersonRecord r;
  r.key = std::move(key);
  r.names.push_back(PersonName{given, "", family, "", given + " " + family});
  if (!dob.empty()) r.dates_of_birth.push_back(std::move(dob));
  return r;
}

void AddHealthNumber(PersonRecord* r, std::string number, std::string jurisdiction = "SK") {
  r->health_numbers.push_back(HealthNumber{std::move(jurisdiction), std::move(number), true});
}

bool Together(const Resolution& res, size_t a, size_t b) { return res.individual_of[a] == res.individual_of[b]; }

TEST(ResolverTest, SameNameAndBirthDateLink) {
  std::vector<PersonRecord> records = {Person("a#1", "Jean", "Côté", "1980-02-03"),
                                       Person("b#1", "JEAN", "Cote", "1980-02-03"),
                                       Person("c#1", "Marie", "Cote", "1980-02-03")};
  Resolution res = Resolve(records, {}, ResolveOptions());
  EXPECT_TRUE(Together(res, 0, 1));
  EXPECT_FALSE(Together(res, 0, 2));
  EXPECT_EQ(res.individual_of, (std::vector<uint32_t>{0, 0, 1}));
  EXPECT_EQ(res.confidence.size(), 2u);
}

TEST(ResolverTest, SameValidHealthNumberLinks) {
  std::vector<PersonRecord> records = {Person("a#1", "Robert", "Smith", "1970-01-01"),
                                       Person("b#1", "Bob", "Smith", "")};
  AddHealthNumber(&records[0], "123456789");
  AddHealthNumber(&records[1], "123 456 789");
  Resolution res = Resolve(records, {}, ResolveOptions());
  EXPECT_TRUE(Together(res, 0, 1));
}

TEST(ResolverTest, TwinsWithDifferentHealthNumbersStayApart) {
  std::vector<PersonRecord> records = {Person("a#1", "Jean", "Cote", "1980-02-03"),
                                       Person("b#1", "Jean", "Cote", "1980-02-03")};
  for (PersonRecord& r : records) {
    r.addresses = {"12 Main St, Regina SK"};
    r.postal_codes = {"S4P 3Y2"};
    r.emails = {"cote.family@example.com"};
  }
  AddHealthNumber(&records[0], "111111111");
  AddHealthNumber(&records[1], "222222222");
  Resolution res = Resolve(records, {}, ResolveOptions());
  EXPECT_FALSE(Together(res, 0, 1));
  EXPECT_EQ(res.stats.blocked_merges, 1u);
}

TEST(ResolverTest, OneNameWithoutBirthDateInOneHouseholdIsReviewed) {
  // The family e-mail is used by Rishab (born 1961) and his wife; a record
  // of "Rishab Bibler" without a birth date has only that e-mail: it may be
  // a namesake son, so it goes to review instead of linking.
  std::vector<PersonRecord> records = {Person("a#1", "Rishab", "Bibler", "1961-06-15"),
                                       Person("b#1", "Anita", "Bibler", "1963-01-02"),
                                       Person("c#1", "Rishab", "Bibler", "")};
  for (PersonRecord& r : records) r.emails = {"bibler063@example.com"};
  Resolution res = Resolve(records, {}, ResolveOptions());
  EXPECT_FALSE(Together(res, 0, 2));
  ASSERT_EQ(res.review.size(), 1u);
  EXPECT_EQ(res.review[0].a + res.review[0].b, 2u);
  // His own phone on both records ties them.
  records[0].phones = records[2].phones = {"+13064213728"};
  EXPECT_TRUE(Together(Resolve(records, {}, ResolveOptions()), 0, 2));
}

TEST(ResolverTest, ABirthDateAndOneInitialBringTogetherRecordsMissingANamePart) {
  // No surname on one side and a mistyped given name on the other: only the
  // birth date and the given name's initial block them together.
  std::vector<PersonRecord> records = {Person("a#1", "Isaa", "James", "1991-05-06"),
                                       Person("b#1", "Isaac", "", "1991-05-06"),
                                       Person("c#1", "Oliver", "", "1991-05-06")};
  Resolution res = Resolve(records, {}, ResolveOptions());
  EXPECT_TRUE(Together(res, 0, 1));
  EXPECT_FALSE(Together(res, 0, 2));
}

TEST(ResolverTest, StreamedRecordsResolveAsTheVector) {
  std::vector<PersonRecord> records = {Person("a#1", "Jean", "Côté", "1980-02-03"),
                                       Person("b#1", "JEAN", "Cote", "1980-02-03"),
                                       Person("c#1", "Marie", "Cote", "1980-02-03")};
  size_t next = 0;
  Resolution streamed = Resolve(
      [&](PersonRecord* r) {
        if (next == records.size()) return false;
        *r = records[next++];
        return true;
      },
      0, {{"a#1", "c#1", true}}, ResolveOptions());
  Resolution whole = Resolve(records, {{"a#1", "c#1", true}}, ResolveOptions());
  EXPECT_EQ(streamed.individual_of, whole.individual_of);
  EXPECT_EQ(streamed.individual_of, (std::vector<uint32_t>{0, 0, 0}));
}

TEST(ResolverTest, DecisionsOverrideTheScore) {
  std::vector<PersonRecord> records = {Person("a#1", "Jean", "Cote", "1980-02-03"),
                                       Person("b#1", "Jean", "Cote", "1980-02-03"),
                                       Person("c#1", "Paul", "Roy", "1950-05-05")};
  Resolution res = Resolve(records, {{"a#1", "b#1", false}, {"a#1", "c#1", true}}, ResolveOptions());
  EXPECT_FALSE(Together(res, 0, 1));
  EXPECT_TRUE(Together(res, 0, 2));
}

}  // namespace
}  // namespace breachscope
