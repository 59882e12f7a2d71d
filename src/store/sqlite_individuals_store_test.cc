#include "store/sqlite_individuals_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/individuals_record_codec.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::OpenStore;
using testing::ReversingSealer;
using testing::TempDir;

PersonRecord Record(std::string key, std::string given, std::string family) {
  PersonRecord r;
  r.key = std::move(key);
  r.source = "clinic/a.csv";
  r.role = Role::kPatient;
  PersonName n;
  n.given = std::move(given);
  n.family = std::move(family);
  n.full = n.given + " " + n.family;
  r.names.push_back(n);
  r.dates_of_birth = {"1968-07-10"};
  r.health_numbers.push_back({"SK", "886579759", true});
  r.record_numbers = {"medical_record_number:5129255"};
  r.emails = {"zoe.quagmire@example.org"};
  r.phones = {"+13062474744"};
  r.addresses = {"15-6852 Prairie Blvd NW, Regina, SK S9Y 6B3"};
  r.postal_codes = {"S9Y 6B3"};
  r.categories = {"address", "name"};
  return r;
}

std::unique_ptr<IndividualsStore> Open(const std::string& dir,
                                       std::unique_ptr<Sealer> sealer = nullptr) {
  if (sealer == nullptr) sealer = NewPlainSealer();
  Result<std::unique_ptr<IndividualsStore>> store =
      OpenSqliteIndividualsStore(dir, std::move(sealer));
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

TEST(IndividualsRecordCodecTest, RoundTripsEveryField) {
  PersonRecord r = Record("k", "Zoë", "Quagmire");
  r.names[0].middle = "A";
  r.names[0].suffix = "Jr";
  r.sex = "F";
  PersonRecord back;
  ASSERT_TRUE(DecodePersonRecordPhi(EncodePersonRecordPhi(r), &back).ok());
  EXPECT_EQ(back.names[0].given, "Zoë");
  EXPECT_EQ(back.names[0].middle, "A");
  EXPECT_EQ(back.names[0].suffix, "Jr");
  EXPECT_EQ(back.names[0].full, "Zoë Quagmire");
  EXPECT_EQ(back.sex, "F");
  EXPECT_EQ(back.dates_of_birth, r.dates_of_birth);
  ASSERT_EQ(back.health_numbers.size(), 1u);
  EXPECT_EQ(back.health_numbers[0].jurisdiction, "SK");
  EXPECT_TRUE(back.health_numbers[0].check_digit_valid);
  EXPECT_EQ(back.record_numbers, r.record_numbers);
  EXPECT_EQ(back.emails, r.emails);
  EXPECT_EQ(back.phones, r.phones);
  EXPECT_EQ(back.addresses, r.addresses);
  EXPECT_EQ(back.postal_codes, r.postal_codes);
}

TEST(IndividualsRecordCodecTest, TruncatedBytesAreCorrupt) {
  const std::string bytes = EncodePersonRecordPhi(Record("k", "A", "B"));
  for (size_t n : {size_t{0}, size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    PersonRecord back;
    EXPECT_FALSE(DecodePersonRecordPhi(bytes.substr(0, n), &back).ok()) << n;
  }
}

TEST(SqliteIndividualsStoreTest, NeedsAnExistingCase) {
  TempDir dir;
  Result<std::unique_ptr<IndividualsStore>> store =
      OpenSqliteIndividualsStore(dir.case_dir(), NewPlainSealer());
  EXPECT_FALSE(store.ok());
}

TEST(SqliteIndividualsStoreTest, SavesAndLoadsAResolution) {
  TempDir dir;
  ASSERT_NE(OpenStore(dir.case_dir()), nullptr);
  auto store = Open(dir.case_dir());
  ASSERT_NE(store, nullptr);
  std::vector<PersonRecord> records = {Record("a#row 1", "Jean", "Côté"),
                                       Record("b#row 1", "Jean", "Cote"),
                                       Record("c#row 1", "Ann", "Roy")};
  records[2].role = Role::kRelated;
  ReviewPair pair;
  pair.a = 0;
  pair.b = 2;
  pair.weight = 3.5;
  pair.why = "names differ";
  ASSERT_TRUE(store->SaveResolution(records, {0, 0, 1}, {0.98, 0.7}, {pair}).ok());

  Result<std::vector<PersonRecord>> loaded = store->LoadPersonRecords();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded.value().size(), 3u);
  EXPECT_EQ(loaded.value()[1].key, "b#row 1");
  EXPECT_EQ(loaded.value()[1].names[0].family, "Cote");
  EXPECT_EQ(loaded.value()[2].role, Role::kRelated);
  EXPECT_EQ(loaded.value()[0].categories, (std::vector<std::string>{"address", "name"}));

  Result<std::vector<StoredIndividual>> individuals = store->LoadIndividuals();
  ASSERT_TRUE(individuals.ok());
  ASSERT_EQ(individuals.value().size(), 2u);
  EXPECT_EQ(individuals.value()[0].id, 1u);
  EXPECT_DOUBLE_EQ(individuals.value()[0].confidence, 0.98);
  EXPECT_EQ(individuals.value()[0].members, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(individuals.value()[1].members, (std::vector<uint32_t>{2}));

  Result<std::vector<StoredReviewPair>> pairs = store->LoadReviewPairs();
  ASSERT_TRUE(pairs.ok());
  ASSERT_EQ(pairs.value().size(), 1u);
  EXPECT_EQ(pairs.value()[0].number, 1u);
  EXPECT_EQ(pairs.value()[0].b, 2u);
  EXPECT_EQ(pairs.value()[0].why, "names differ");

  // A second run replaces the first entirely.
  ASSERT_TRUE(store->SaveResolution({records[0]}, {0}, {1.0}, {}).ok());
  Result<IndividualsCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts.value().person_records, 1u);
  EXPECT_EQ(counts.value().individuals, 1u);
  EXPECT_EQ(counts.value().review_pairs, 0u);
}

TEST(SqliteIndividualsStoreTest, RejectsInconsistentResolution) {
  TempDir dir;
  ASSERT_NE(OpenStore(dir.case_dir()), nullptr);
  auto store = Open(dir.case_dir());
  std::vector<PersonRecord> records = {Record("a", "A", "B")};
  EXPECT_FALSE(store->SaveResolution(records, {}, {1.0}, {}).ok());
  EXPECT_FALSE(store->SaveResolution(records, {1}, {1.0}, {}).ok());
  ReviewPair pair;
  pair.b = 5;
  EXPECT_FALSE(store->SaveResolution(records, {0}, {1.0}, {pair}).ok());
}

// The streamed save of `resolve`: records written as made, one waiting at
// a negative idx until placed, one dropped, read back for the resolver.
TEST(SqliteIndividualsStoreTest, StreamedSavePlacesReadsAndCommitsOnce) {
  TempDir dir;
  ASSERT_NE(OpenStore(dir.case_dir()), nullptr);
  auto store = Open(dir.case_dir());
  ASSERT_TRUE(store->SaveResolution({Record("old#row 1", "Old", "Run")}, {0}, {1.0}, {}).ok());
  ASSERT_TRUE(store->BeginSave().ok());
  ASSERT_TRUE(store->AddRecord(-1, Record("obs#record 1", "", "")).ok());
  ASSERT_TRUE(store->AddRecord(0, Record("pat#record 1", "Ann", "Roy")).ok());
  ASSERT_TRUE(store->AddRecord(-2, Record("obs#record 2", "", "")).ok());
  ASSERT_TRUE(store->AddRecord(1, Record("pat#record 2", "Li", "Wu")).ok());
  ASSERT_TRUE(store->DropRecord(-2).ok());
  ASSERT_TRUE(store->MoveRecord(-1, 2).ok());
  {
    Result<std::unique_ptr<PersonRecordReader>> reader = store->ReadRecords(2);
    ASSERT_TRUE(reader.ok());
    std::vector<std::string> keys;
    PersonRecord r;
    while (true) {
      Result<bool> more = reader.value()->Next(&r);
      ASSERT_TRUE(more.ok());
      if (!more.value()) break;
      keys.push_back(r.key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"pat#record 1", "pat#record 2"}));
  }
  // A numbering with a record left out commits nothing.
  EXPECT_FALSE(store->EndSave({0, 1}, {1.0, 1.0}, {}).ok());
  Result<std::vector<PersonRecord>> kept = store->LoadPersonRecords();
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept.value().size(), 1u);
  EXPECT_EQ(kept.value()[0].key, "old#row 1");

  ASSERT_TRUE(store->BeginSave().ok());
  ASSERT_TRUE(store->AddRecord(0, Record("pat#record 1", "Ann", "Roy")).ok());
  ASSERT_TRUE(store->AddRecord(-1, Record("obs#record 1", "", "")).ok());
  ASSERT_TRUE(store->MoveRecord(-1, 1).ok());
  ASSERT_TRUE(store->EndSave({0, 0}, {1.0}, {}).ok());
  Result<std::vector<StoredIndividual>> individuals = store->LoadIndividuals();
  ASSERT_TRUE(individuals.ok());
  ASSERT_EQ(individuals.value().size(), 1u);
  EXPECT_EQ(individuals.value()[0].members, (std::vector<uint32_t>{0, 1}));
  Result<std::vector<PersonRecord>> loaded = store->LoadPersonRecords();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded.value().size(), 2u);
  EXPECT_EQ(loaded.value()[1].key, "obs#record 1");
}

TEST(SqliteIndividualsStoreTest, DecisionsSurviveResolutionsAndReplaceEachOther) {
  TempDir dir;
  ASSERT_NE(OpenStore(dir.case_dir()), nullptr);
  {
    auto store = Open(dir.case_dir());
    ASSERT_TRUE(store->AddDecision({"b#row 1", "a#row 1", true}).ok());
    ASSERT_TRUE(store->AddDecision({"a#row 1", "c#row 2", false}).ok());
    ASSERT_TRUE(store->AddDecision({"a#row 1", "b#row 1", false}).ok());  // changes mind
    EXPECT_FALSE(store->AddDecision({"a", "a", true}).ok());
    ASSERT_TRUE(store->SaveResolution({Record("a#row 1", "A", "B")}, {0}, {1.0}, {}).ok());
  }
  auto store = Open(dir.case_dir());
  Result<std::vector<ReviewDecision>> decisions = store->LoadDecisions();
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions.value().size(), 2u);
  EXPECT_EQ(decisions.value()[0].key_a, "a#row 1");
  EXPECT_EQ(decisions.value()[0].key_b, "b#row 1");
  EXPECT_FALSE(decisions.value()[0].link);
  EXPECT_EQ(decisions.value()[1].key_b, "c#row 2");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(SqliteIndividualsStoreTest, NoPlainPhiReachesTheFile) {
  TempDir dir;
  ASSERT_NE(OpenStore(dir.case_dir(), std::make_unique<ReversingSealer>()), nullptr);
  {
    auto store = Open(dir.case_dir(), std::make_unique<ReversingSealer>());
    ASSERT_NE(store, nullptr);
    ReviewPair pair;
    pair.b = 0;
    pair.why = "email zoe.quagmire@example.org shared";
    ASSERT_TRUE(store->SaveResolution({Record("a#row 1", "Zoëlle", "Quagmire")}, {0}, {1.0},
                                      {pair})
                    .ok());
    Result<std::vector<PersonRecord>> back = store->LoadPersonRecords();
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value()[0].names[0].given, "Zoëlle");
  }
  std::string bytes;
  for (const char* file : {"/case.db", "/case.db-wal"}) {
    if (std::filesystem::exists(dir.case_dir() + file)) bytes += ReadFile(dir.case_dir() + file);
  }
  ASSERT_FALSE(bytes.empty());
  for (const char* secret : {"Zoëlle", "Quagmire", "1968-07-10", "886579759", "5129255",
                             "zoe.quagmire", "13062474744", "Prairie", "S9Y 6B3"}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(bytes.find("a#row 1"), std::string::npos);  // keys are not PHI
}

}  // namespace
}  // namespace breachscope
