// Record links (common/record_link.h) are stored with an item's findings but
// are none: the summary and ForEachFinding leave them out, subjects reads
// them through ForEachRecordFinding, and they are sealed like values.
#include <gtest/gtest.h>

#include "common/record_link.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::TempDir;

Finding Link(std::string detector, std::string reference) {
  Finding f = MakeFinding(std::string(kRecordLinkCategory), reference, 0);
  f.detector = std::move(detector);
  return f;
}

TEST(SqliteRecordLinksTest, KeptForSubjectsOnlyAndSealed) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir(), std::make_unique<testing::ReversingSealer>());
  ASSERT_TRUE(store->AddItem(MakeItem("exp/Observation.ndjson", "exp/Observation.ndjson"),
                             {MakeFinding("lab_result", "4.6", 0),
                              Link("fhir_reference", "Patient/1")})
                  .ok());
  ASSERT_TRUE(store->AddItem(MakeItem("exp/Patient.ndjson", "exp/Patient.ndjson"),
                             {Link("fhir_id", "Patient/1")})
                  .ok());
  ASSERT_TRUE(store->Flush().ok());

  Result<CaseSummary> summary = store->Summary();
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary.value().findings, 1u);
  EXPECT_EQ(summary.value().items_with_findings, 1u);
  EXPECT_EQ(summary.value().findings_by_category.count(std::string(kRecordLinkCategory)), 0u);
  EXPECT_EQ(summary.value().findings_by_category.at("lab_result"), 1u);

  std::vector<std::string> exported;
  ASSERT_TRUE(store->ForEachFinding([&](const StoredFinding& s) {
                     exported.push_back(s.finding.category);
                   }).ok());
  EXPECT_EQ(exported, std::vector<std::string>{"lab_result"});

  std::vector<std::string> all;
  ASSERT_TRUE(store->ForEachRecordFinding([&](const StoredFinding& s) {
                     all.push_back(s.source + " " + s.finding.detector + " " +
                                   s.finding.normalized);
                   }).ok());
  EXPECT_EQ(all, (std::vector<std::string>{"exp/Observation.ndjson test 4.6",
                                           "exp/Observation.ndjson fhir_reference Patient/1",
                                           "exp/Patient.ndjson fhir_id Patient/1"}));
}

}  // namespace
}  // namespace breachscope
