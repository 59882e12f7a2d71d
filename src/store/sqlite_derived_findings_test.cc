// Identifier candidates (common/id_candidate.h) are stored with an item's
// findings but are none until the end of a scan promotes them; the findings
// a detector derived from the whole case are replaced as a whole.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "common/id_candidate.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::TempDir;

std::vector<std::string> Visit(CaseStore& store,
                               const std::vector<std::string>& categories) {
  std::vector<std::string> out;
  Status st = store.ForEachFindingOf(categories, [&](const StoredFinding& s) {
    out.push_back(s.source + "#" + std::to_string(s.seq) + " " +
                  s.finding.category + " " + s.finding.value);
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

class DerivedFindingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(tmp_.case_dir(),
                       std::make_unique<testing::ReversingSealer>());
    const Finding candidate =
        MakeFinding(std::string(kIdCandidateCategory), "RVH-0042371");
    ASSERT_TRUE(store_->AddItem(MakeItem("b/letter.txt", "b/letter.txt"),
                                {MakeFinding("phone", "306-555-0101"),
                                 candidate})
                    .ok());
    ASSERT_TRUE(store_->AddItem(MakeItem("a/chart.csv", "a/chart.csv"),
                                {MakeFinding("medical_record_number",
                                             "RVH-0042371")})
                    .ok());
    ASSERT_TRUE(store_->AddItem(MakeItem("c/only.txt", "c/only.txt"),
                                {candidate})
                    .ok());
    ASSERT_TRUE(store_->Flush().ok());
  }
  TempDir tmp_;
  std::unique_ptr<CaseStore> store_;
};

TEST_F(DerivedFindingsTest, CandidatesAreNoFindings) {
  Result<CaseSummary> summary = store_->Summary();
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary.value().findings, 2u);
  EXPECT_EQ(summary.value().items_with_findings, 2u);
  EXPECT_EQ(summary.value().findings_by_category.count(
                std::string(kIdCandidateCategory)),
            0u);
  EXPECT_EQ(testing::AllFindings(*store_).size(), 2u);
  size_t for_subjects = 0;
  ASSERT_TRUE(store_->ForEachRecordFinding([&](const StoredFinding&) {
                       ++for_subjects;
                     }).ok());
  EXPECT_EQ(for_subjects, 2u);
}

TEST_F(DerivedFindingsTest, VisitsTheNamedCategoriesByItemAndSeq) {
  EXPECT_EQ(Visit(*store_, {std::string(kIdCandidateCategory)}),
            (std::vector<std::string>{"b/letter.txt#1 id_candidate RVH-0042371",
                                      "c/only.txt#0 id_candidate RVH-0042371"}));
  EXPECT_EQ(Visit(*store_, {"medical_record_number", "patient_number"}),
            (std::vector<std::string>{
                "a/chart.csv#0 medical_record_number RVH-0042371"}));
  EXPECT_TRUE(Visit(*store_, {"never_stored"}).empty());
}

TEST_F(DerivedFindingsTest, DerivedFindingsAreReplacedAsAWhole) {
  StoredFinding derived;
  derived.source = "c/only.txt";
  derived.seq = (int64_t{1} << 40) + 0;
  derived.finding = MakeFinding("medical_record_number", "RVH-0042371");
  derived.finding.detector = "mrn_learned_shape";
  ASSERT_TRUE(store_->ReplaceDetectorFindings("mrn_learned_shape", {derived})
                  .ok());
  // Twice: the second replaces the first.
  ASSERT_TRUE(store_->ReplaceDetectorFindings("mrn_learned_shape", {derived})
                  .ok());
  std::vector<std::string> all = testing::AllFindings(*store_);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].rfind("c/only.txt#1099511627776|medical_record_number|"
                         "mrn_learned_shape|RVH-0042371",
                         0),
            0u)
      << all[2];
  ASSERT_TRUE(store_->ReplaceDetectorFindings("mrn_learned_shape", {}).ok());
  EXPECT_EQ(testing::AllFindings(*store_).size(), 2u);
  derived.source = "no/such/item";
  EXPECT_FALSE(store_->ReplaceDetectorFindings("mrn_learned_shape", {derived})
                   .ok());
  EXPECT_EQ(testing::AllFindings(*store_).size(), 2u);
}

// Runs `sql` on the case's database; the first column of the first row.
std::string QueryText(const std::string& case_dir, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open((case_dir + "/case.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string out = "<error>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) out = "<none>";
    if (rc == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      out = text == nullptr ? "" : reinterpret_cast<const char*>(text);
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// The end of a scan reads candidates and record and patient numbers
// through a partial index of just those rows.
TEST_F(DerivedFindingsTest, APartialIndexHoldsTheRowsTheEndOfAScanReads) {
  const std::string dir = tmp_.case_dir();
  const std::string sql = QueryText(
      dir, "SELECT sql FROM sqlite_master WHERE name = 'findings_shape_inputs'");
  const size_t where = sql.find(" WHERE ");
  ASSERT_NE(where, std::string::npos) << sql;
  // Two candidates and one record number, not the phone number.
  EXPECT_EQ(QueryText(dir, "SELECT count(*) FROM findings INDEXED BY "
                           "findings_shape_inputs WHERE " +
                               sql.substr(where + 7)),
            "3");
  StoredFinding derived;
  derived.source = "c/only.txt";
  derived.finding = MakeFinding("phone", "306-555-0101");
  EXPECT_EQ(store_->ReplaceDetectorFindings("mrn_learned_shape", {derived})
                .code(),
            StatusCode::kInvalidArgument);
}

// A case written before the index gets it when opened, and reads the same.
TEST_F(DerivedFindingsTest, OlderCasesGetTheIndex) {
  const std::string dir = tmp_.case_dir();
  const auto before = Visit(*store_, {std::string(kIdCandidateCategory)});
  store_.reset();
  EXPECT_EQ(QueryText(dir, "DROP INDEX findings_shape_inputs"), "<none>");
  EXPECT_EQ(QueryText(dir, "SELECT count(*) FROM sqlite_master WHERE name = "
                           "'findings_shape_inputs'"),
            "0");
  store_ = OpenStore(dir, std::make_unique<testing::ReversingSealer>());
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(QueryText(dir, "SELECT count(*) FROM sqlite_master WHERE name = "
                           "'findings_shape_inputs'"),
            "1");
  EXPECT_EQ(Visit(*store_, {std::string(kIdCandidateCategory)}), before);
  EXPECT_EQ(before.size(), 2u);
}

}  // namespace
}  // namespace breachscope
