#include "subjects/record_links.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace breachscope {
namespace {

using ::testing::ElementsAre;

PersonRecord Patient(std::string source, std::string id) {
  PersonRecord r;
  r.source = std::move(source);
  r.link_ids = {std::move(id)};
  r.names = {PersonName{"Ann", "", "Roy", "", "Ann Roy"}};
  return r;
}

PersonRecord Referring(std::string source, std::string ref) {
  PersonRecord r;
  r.source = std::move(source);
  r.link_ref = std::move(ref);
  return r;
}

TEST(LinkScopeTest, TheFolderOnDiskOrInAnArchive) {
  EXPECT_EQ(LinkScope("exp/Observation.ndjson"), "exp");
  EXPECT_EQ(LinkScope("site/exp/Observation.ndjson"), "site/exp");
  EXPECT_EQ(LinkScope("a.zip!exp/Patient.ndjson"), "a.zip!exp");
  EXPECT_EQ(LinkScope("a.zip!Patient.ndjson"), "a.zip");
  EXPECT_EQ(LinkScope("Patient.ndjson"), "");
}

TEST(LinkTargetsTest, BulkExportJoinsAcrossItsFiles) {
  std::vector<PersonRecord> records = {
      Referring("exp/Condition.ndjson", "Patient/2"),
      Referring("exp/Observation.ndjson", "Patient/1"),
      Referring("exp/Observation.ndjson", "Patient/404"),
      Patient("exp/Patient.ndjson", "Patient/1"),
      Patient("exp/Patient.ndjson", "Patient/2"),
  };
  EXPECT_THAT(LinkTargets(records), ElementsAre(4, 3, -1, -1, -1));
}

TEST(LinkTargetsTest, TwoExportsUsingOneIdStayApart) {
  std::vector<PersonRecord> records = {
      Patient("clinic_a/Patient.ndjson", "Patient/1"),
      Patient("clinic_b/Patient.ndjson", "Patient/1"),
      Referring("clinic_b/Observation.ndjson", "Patient/1"),
      Referring("clinic_a/Observation.ndjson", "Patient/1"),
      Patient("a.zip!Patient.ndjson", "Patient/1"),
      Referring("b.zip!Observation.ndjson", "Patient/1"),
  };
  EXPECT_THAT(LinkTargets(records), ElementsAre(-1, -1, 1, 0, -1, -1));
}

TEST(LinkTargetsTest, OwnItemFirstAndNoGuessBetweenTwoItems) {
  std::vector<PersonRecord> records = {
      Patient("in/a_bundle.json", "Patient/1"),
      Referring("in/a_bundle.json", "Patient/1"),
      Patient("in/b_bundle.json", "Patient/1"),
      Referring("in/b_bundle.json", "Patient/1"),
      // Two other items define Patient/1: which is meant cannot be told.
      Referring("in/Observation.ndjson", "Patient/1"),
  };
  EXPECT_THAT(LinkTargets(records), ElementsAre(-1, 0, -1, 2, -1));
}

TEST(LinkTargetsTest, NeverItselfNorARecordThatRefersOn) {
  PersonRecord both = Referring("x/Obs.ndjson", "urn:uuid:a");
  both.link_ids = {"urn:uuid:a"};
  PersonRecord chained = Referring("x/Enc.ndjson", "urn:uuid:b");
  chained.link_ids = {"urn:uuid:c"};
  std::vector<PersonRecord> records = {both, chained, Referring("x/Cond.ndjson", "urn:uuid:c")};
  EXPECT_THAT(LinkTargets(records), ElementsAre(-1, -1, -1));
}

}  // namespace
}  // namespace breachscope
