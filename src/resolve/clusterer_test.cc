// The clustering rules, end to end through Resolve() on small populations:
// hard constraints, the review queue and reviewer decisions.
#include <gtest/gtest.h>

#include <algorithm>

#include "common/embedded_data.h"
#include "resolve/cluster_constraints.h"
#include "resolve/resolver.h"

namespace breachscope {
namespace {

PersonRecord Person(std::string key, std::string given, std::string family, std::string dob) {
  PersonRecord r;
  r.key = std::move(key);
  r.names.push_back({given, "", family, "", ""});
  if (!dob.empty()) r.dates_of_birth.push_back(std::move(dob));
  return r;
}

std::vector<std::string> Names(const char* path) {
  std::vector<std::string> out;
  ForEachDataLine(path, [&](std::string_view line) { out.emplace_back(line); });
  return out;
}

// Unrelated people around the cases (names spread over the embedded name
// lists), so name frequencies and estimated weights are realistic.
std::vector<PersonRecord> Crowd(size_t n) {
  static const std::vector<std::string> given = Names("names/first_names.txt");
  static const std::vector<std::string> family = Names("names/last_names.txt");
  std::vector<PersonRecord> out;
  for (size_t i = 0; i < n; ++i) {
    char dob[16];
    std::snprintf(dob, sizeof dob, "%04zu-%02zu-%02zu", 1930 + i % 80, 1 + i % 12, 1 + i % 28);
    out.push_back(Person("crowd#" + std::to_string(i), given[(i * 7919) % given.size()],
                         family[(i * 104729) % family.size()], dob));
  }
  return out;
}

struct Fixture {
  std::vector<PersonRecord> records = Crowd(300);
  size_t Add(PersonRecord r) {
    records.push_back(std::move(r));
    return records.size() - 1;
  }
  Resolution Run(const std::vector<ReviewDecision>& decisions = {}) {
    return Resolve(records, decisions, ResolveOptions());
  }
};

bool Together(const Resolution& res, size_t a, size_t b) { return res.individual_of[a] == res.individual_of[b]; }

void Household(PersonRecord* r) {
  r->addresses = {"12 Main St, Regina SK"};
  r->postal_codes = {"S4P 3Y2"};
  r->phones = {"+13065550100"};
}

TEST(ClusterTest, TwinsWithDifferentHealthNumbersStayApart) {
  Fixture f;
  PersonRecord a = Person("a#1", "Jean", "Cote", "1980-02-03"), b = Person("b#1", "Jean", "Cote", "1980-02-03");
  Household(&a);
  Household(&b);
  a.health_numbers = {{"SK", "111111111", true}};
  b.health_numbers = {{"SK", "222222222", true}};
  size_t x = f.Add(a), y = f.Add(b);
  Resolution res = f.Run();
  EXPECT_FALSE(Together(res, x, y));
  EXPECT_GE(res.stats.blocked_merges, 1u);
}

TEST(ClusterTest, TwinsWithDifferentGivenNamesStayApartEvenWithoutNumbers) {
  Fixture f;
  PersonRecord a = Person("a#1", "Mark", "Kusha", "1997-09-28"), b = Person("b#1", "Marsha", "Kusha", "1997-09-28");
  Household(&a);
  Household(&b);
  size_t x = f.Add(a), y = f.Add(b);
  EXPECT_FALSE(Together(f.Run(), x, y));
}

TEST(ClusterTest, FatherAndSonOfOneNameStayApart) {
  Fixture f;
  PersonRecord sr = Person("a#1", "John", "Smith", "1954-03-31"), jr = Person("b#1", "John", "Smith", "1979-03-31");
  Household(&sr);
  Household(&jr);
  // A record of either with no birth date at the shared address must not
  // bridge them.
  PersonRecord either = Person("c#1", "John", "Smith", "");
  Household(&either);
  size_t x = f.Add(sr), y = f.Add(jr), z = f.Add(either);
  Resolution res = f.Run();
  EXPECT_FALSE(Together(res, x, y));
  EXPECT_FALSE(Together(res, x, z) && Together(res, y, z));
}

TEST(ClusterTest, SuffixesKeepJrAndSrApart) {
  PersonRecord sr = Person("a#1", "John", "Smith Sr", ""), jr = Person("b#1", "John", "Smith", "");
  jr.names[0].suffix = "Jr";
  EXPECT_EQ(FindConflict(ClusterFacts::Of(PrepareRecord(sr)), ClusterFacts::Of(PrepareRecord(jr))),
            Conflict::kSuffix);
}

TEST(ClusterTest, NicknameWithSameBirthDateAndHealthNumberLinks) {
  Fixture f;
  PersonRecord a = Person("a#1", "Robert", "Smith", "1978-12-11"), b = Person("b#1", "Bob", "Smith", "1978-12-11");
  a.health_numbers = {{"SK", "123456789", true}};
  b.health_numbers = {{"SK", "123456789", true}};
  size_t x = f.Add(a), y = f.Add(b);
  Resolution res = f.Run();
  EXPECT_TRUE(Together(res, x, y));
  EXPECT_GT(res.confidence[res.individual_of[x]], 0.9);
}

TEST(ClusterTest, SwappedDayAndMonthLinks) {
  Fixture f;
  PersonRecord c = Person("c#1", "Daniella", "Shaw", "1991-03-04"), d = Person("d#1", "Daniella", "Shaw", "1991-04-03");
  Household(&c);
  Household(&d);
  size_t x = f.Add(c), y = f.Add(d);
  Resolution res = f.Run();
  EXPECT_TRUE(Together(res, x, y));
}

TEST(ClusterTest, UnsurePairsGoToReviewNotMerged) {
  Fixture f;
  // A common name and nothing else: not enough to merge, enough to ask.
  for (int i = 0; i < 40; ++i) {
    std::string dob = std::to_string(1940 + i) + "-03-0" + std::to_string(1 + i % 9);
    f.Add(Person("johns#" + std::to_string(i), "John", "other" + std::to_string(i), dob));
    f.Add(Person("smiths#" + std::to_string(i), "given" + std::to_string(i), "Smith", dob));
  }
  PersonRecord a = Person("a#1", "John", "Smith", ""), b = Person("b#1", "John", "Smith", "");
  a.emails = {"zq@example.com"};
  size_t x = f.Add(a), y = f.Add(b);
  Resolution res = f.Run();
  EXPECT_FALSE(Together(res, x, y));
  auto it = std::find_if(res.review.begin(), res.review.end(), [&](const ReviewPair& p) {
    return std::min(p.a, p.b) == x && std::max(p.a, p.b) == y;
  });
  ASSERT_NE(it, res.review.end());
  EXPECT_NE(it->why.find("given name exact"), std::string::npos);
  EXPECT_GE(it->weight, ResolveOptions().review_threshold);
  EXPECT_LT(it->weight, ResolveOptions().link_threshold);
}

TEST(ClusterTest, DecisionsOverrideTheScore) {
  Fixture f;
  PersonRecord a = Person("a#1", "Jean", "Cote", "1980-02-03"), b = Person("b#1", "Jean", "Cote", "1980-02-03");
  a.health_numbers = b.health_numbers = {{"SK", "555555555", true}};
  size_t x = f.Add(a), y = f.Add(b);
  size_t z = f.Add(Person("c#1", "Paul", "Roy", "1950-05-05"));
  EXPECT_TRUE(Together(f.Run(), x, y));
  Resolution res = f.Run({{"a#1", "b#1", false}, {"a#1", "c#1", true}, {"gone#1", "a#1", true}});
  EXPECT_FALSE(Together(res, x, y));
  EXPECT_TRUE(Together(res, x, z));
}

TEST(ClusterTest, SameResultWhateverTheThreadCount) {
  std::vector<PersonRecord> records = Crowd(20000);
  for (size_t i = 0; i < 3000; ++i) {  // duplicates with a typo in the given name
    PersonRecord r = records[i * 5];
    r.key += "/dup";
    r.names[0].given += "x";
    records.push_back(r);
  }
  ResolveOptions one, many;
  one.threads = 1;
  many.threads = 4;
  Resolution a = Resolve(records, {}, one), b = Resolve(records, {}, many);
  EXPECT_EQ(a.individual_of, b.individual_of);
  EXPECT_EQ(a.review.size(), b.review.size());
  EXPECT_EQ(a.confidence, b.confidence);
}

}  // namespace
}  // namespace breachscope
