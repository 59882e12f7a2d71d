#include <sqlite3.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/case_store.h"
#include "store/sqlite_schema.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::AllFindings;
using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::ReversingSealer;
using testing::TempDir;

struct LocationCase {
  const char* name;
  Location location;
  const char* value;
  const char* text;  // expected location_text
};

Location MakeLocation(UnitKind kind, int64_t record, int32_t column,
                      std::string label, std::string path, std::string table,
                      uint64_t offset) {
  Location l;
  l.kind = kind;
  l.record = record;
  l.column = column;
  l.label = std::move(label);
  l.path = std::move(path);
  l.table = std::move(table);
  l.offset = offset;
  return l;
}

const std::vector<LocationCase>& LocationCases() {
  static const auto* cases = new std::vector<LocationCase>{
      {"free_text", MakeLocation(UnitKind::kText, -1, -1, "", "", "", 1234),
       "Jean-François Côté", "offset 1234"},
      {"text_in_record", MakeLocation(UnitKind::kText, 2, -1, "", "", "", 7),
       "山田 太郎", "record 3, offset 7"},
      {"table_cell", MakeLocation(UnitKind::kTableCell, 11, 2, "DOB", "", "", 88),
       "1980-02-29", "row 12, column 3 (DOB)"},
      {"sql_cell",
       MakeLocation(UnitKind::kTableCell, 0, 0, "dob", "", "patients", 5),
       "Ωmega 🙂", "table patients, row 1, column 1 (dob)"},
      {"hl7_field",
       MakeLocation(UnitKind::kField, 2, -1, "PID-7", "PID-7[1].1", "", 300),
       "19800229", "record 3, PID-7[1].1"},
      {"json_field_no_path",
       MakeLocation(UnitKind::kField, -1, -1, "entry.resource.birthDate", "", "",
                    9),
       "", "entry.resource.birthDate"},
  };
  return *cases;
}

class LocationRoundTripTest : public ::testing::TestWithParam<LocationCase> {};

TEST_P(LocationRoundTripTest, FindingReadsBackExactly) {
  const LocationCase& c = GetParam();
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir(), std::make_unique<ReversingSealer>());
  ASSERT_NE(store, nullptr);
  Finding f = MakeFinding("date_of_birth", c.value);
  f.normalized = std::string(c.value) + "-norm";
  f.detector = "dob.label";
  f.confidence = 0.875;
  f.explanation = "label 'DOB' +0.30";
  f.role = Role::kStaff;
  f.location = c.location;
  ASSERT_TRUE(store->BeginSource({"s.csv", 1, 2}).ok());
  ASSERT_TRUE(store->AddItem(MakeItem("s.csv", "s.csv"), {f}).ok());
  ASSERT_TRUE(store->Flush().ok());
  store.reset();

  store = OpenStore(tmp.case_dir(), std::make_unique<ReversingSealer>());
  ASSERT_NE(store, nullptr);
  std::vector<StoredFinding> got;
  ASSERT_TRUE(store->ForEachFinding([&](const StoredFinding& s) {
    got.push_back(s);
  }).ok());
  ASSERT_EQ(got.size(), 1u);
  const Finding& g = got[0].finding;
  EXPECT_EQ(got[0].source, "s.csv");
  EXPECT_EQ(got[0].seq, 0);
  EXPECT_EQ(got[0].location_text, c.text);
  EXPECT_EQ(g.value, f.value);
  EXPECT_EQ(g.normalized, f.normalized);
  EXPECT_EQ(g.category, f.category);
  EXPECT_EQ(g.detector, f.detector);
  EXPECT_EQ(g.confidence, f.confidence);
  EXPECT_EQ(g.explanation, f.explanation);
  EXPECT_EQ(g.role, Role::kStaff);
  EXPECT_EQ(g.location.kind, c.location.kind);
  EXPECT_EQ(g.location.record, c.location.record);
  EXPECT_EQ(g.location.column, c.location.column);
  EXPECT_EQ(g.location.label, c.location.label);
  EXPECT_EQ(g.location.path, c.location.path);
  EXPECT_EQ(g.location.table, c.location.table);
  EXPECT_EQ(g.location.offset, c.location.offset);
}

INSTANTIATE_TEST_SUITE_P(AllKinds, LocationRoundTripTest,
                         ::testing::ValuesIn(LocationCases()),
                         [](const auto& info) { return info.param.name; });

TEST(SqliteCaseStoreTest, AllRolesRoundTrip) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  ASSERT_NE(store, nullptr);
  std::vector<Finding> findings;
  for (Role role : {Role::kUnknown, Role::kPatient, Role::kStaff, Role::kRelated}) {
    findings.push_back(MakeFinding("name", "x"));
    findings.back().role = role;
  }
  ASSERT_TRUE(store->AddItem(MakeItem("a", "a"), findings).ok());
  std::vector<Role> roles;
  ASSERT_TRUE(store->ForEachFinding([&](const StoredFinding& s) {
    roles.push_back(s.finding.role);
  }).ok());
  EXPECT_EQ(roles, (std::vector<Role>{Role::kUnknown, Role::kPatient,
                                      Role::kStaff, Role::kRelated}));
}

TEST(SqliteCaseStoreTest, SummaryCountsEverything) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  ASSERT_NE(store, nullptr);
  Result<int64_t> scan = store->BeginScan({"/share"}, 4);
  ASSERT_TRUE(scan.ok());
  const SourceKey zip{"labs.zip", 500, 1};
  const SourceKey csv{"list.csv", 50, 2};
  ASSERT_TRUE(store->BeginSource(zip).ok());
  ASSERT_TRUE(store->AddItem(MakeItem("labs.zip", "labs.zip", "zip", 0), {}).ok());
  ASSERT_TRUE(store->AddItem(MakeItem("labs.zip!a.csv", "labs.zip", "csv", 300),
                             {MakeFinding("name", "Ann"),
                              MakeFinding("phone", "555-0100"),
                              MakeFinding("name", "Bob")})
                  .ok());
  ItemRecord bad = MakeItem("labs.zip!b.pdf", "labs.zip", "pdf", 0);
  bad.status = ItemStatus::kError;
  bad.error_code = "encrypted";
  bad.error_message = "encrypted archive member";
  ASSERT_TRUE(store->AddItem(bad, {}).ok());
  ItemRecord bad2 = bad;
  bad2.name = "labs.zip!a.pdf";
  bad2.error_code = "corrupt";
  ASSERT_TRUE(store->AddItem(bad2, {}).ok());
  ItemRecord link = MakeItem("labs.zip!link", "labs.zip", "", 0);
  link.status = ItemStatus::kSkipped;
  link.error_code = "symlink";
  ASSERT_TRUE(store->AddItem(link, {}).ok());
  ASSERT_TRUE(store->FinishSource(zip).ok());
  ASSERT_TRUE(store->BeginSource(csv).ok());
  ASSERT_TRUE(store->AddItem(MakeItem("list.csv", "list.csv", "csv", 50),
                             {MakeFinding("name", "Cy")})
                  .ok());
  ASSERT_TRUE(store->FinishSource(csv).ok());
  ASSERT_TRUE(store->EndScan(scan.value(), {2, 0, 350, 1.5}).ok());

  Result<CaseSummary> sum = store->Summary();
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  const CaseSummary& s = sum.value();
  EXPECT_EQ(s.scans, 1u);
  EXPECT_EQ(s.sources, 2u);
  EXPECT_EQ(s.items, 6u);
  EXPECT_EQ(s.items_scanned, 3u);
  EXPECT_EQ(s.items_error, 2u);
  EXPECT_EQ(s.items_skipped, 1u);
  EXPECT_EQ(s.bytes, 350u);
  EXPECT_EQ(s.findings, 4u);
  EXPECT_EQ(s.items_with_findings, 2u);
  using Counts = std::map<std::string, uint64_t>;
  EXPECT_EQ(s.items_by_format, (Counts{{"csv", 2}, {"zip", 1}}));
  EXPECT_EQ(s.bytes_by_format, (Counts{{"csv", 350}, {"zip", 0}}));
  EXPECT_EQ(s.errors_by_reason, (Counts{{"corrupt", 1}, {"encrypted", 1}}));
  EXPECT_EQ(s.skipped_by_reason, (Counts{{"symlink", 1}}));
  EXPECT_EQ(s.findings_by_category, (Counts{{"name", 3}, {"phone", 1}}));
  EXPECT_EQ(s.items_by_category, (Counts{{"name", 2}, {"phone", 1}}));

  Result<std::vector<ErrorItem>> errors = store->ErrorItems(10);
  ASSERT_TRUE(errors.ok());
  ASSERT_EQ(errors.value().size(), 2u);
  EXPECT_EQ(errors.value()[0].name, "labs.zip!a.pdf");  // sorted by name
  EXPECT_EQ(errors.value()[0].code, "corrupt");
  EXPECT_EQ(errors.value()[1].message, "encrypted archive member");
  EXPECT_EQ(store->ErrorItems(1).value().size(), 1u);
}

TEST(SqliteCaseStoreTest, EmptyCaseSummaryIsZero) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  ASSERT_NE(store, nullptr);
  Result<CaseSummary> sum = store->Summary();
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum.value().items, 0u);
  EXPECT_EQ(sum.value().bytes, 0u);
  EXPECT_TRUE(sum.value().findings_by_category.empty());
  EXPECT_TRUE(AllFindings(*store).empty());
}

// Two parallel scans add the same items in different orders; exports must
// not tell them apart.
TEST(SqliteCaseStoreTest, FindingOrderIgnoresInsertionOrder) {
  const std::vector<std::string> names = {"b.csv", "a.zip!z.txt", "a.zip!a.txt",
                                          "c", "a.zip"};
  auto run = [&](const std::vector<size_t>& order) {
    TempDir tmp;
    auto store = OpenStore(tmp.case_dir());
    for (size_t i : order) {
      const std::string& n = names[i];
      std::vector<Finding> fs = {MakeFinding("name", n + "-0"),
                                 MakeFinding("email", n + "-1")};
      EXPECT_TRUE(store->AddItem(MakeItem(n, n.substr(0, n.find('!'))), fs).ok());
    }
    return AllFindings(*store);
  };
  const std::vector<std::string> forward = run({0, 1, 2, 3, 4});
  EXPECT_EQ(forward, run({4, 3, 2, 1, 0}));
  EXPECT_EQ(forward, run({2, 0, 4, 1, 3}));
  ASSERT_EQ(forward.size(), 10u);
  EXPECT_EQ(forward[0].substr(0, 7), "a.zip#0");
  EXPECT_EQ(forward[1].substr(0, 7), "a.zip#1");
  EXPECT_EQ(forward[2].substr(0, 13), "a.zip!a.txt#0");
}

TEST(SqliteCaseStoreTest, DuplicateItemFailsAndLeavesNoPartialRows) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  ASSERT_TRUE(store->AddItem(MakeItem("a", "a"), {MakeFinding("name", "x")}).ok());
  Status dup = store->AddItem(MakeItem("a", "a"), {MakeFinding("name", "y")});
  EXPECT_EQ(dup.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(dup.message().find("insert item"), std::string::npos);
  // The batch survives the failed call.
  ASSERT_TRUE(store->AddItem(MakeItem("b", "b"), {MakeFinding("name", "z")}).ok());
  ASSERT_TRUE(store->Flush().ok());
  EXPECT_EQ(store->Summary().value().findings, 2u);
}

// Makes the case at `db_path` refuse every finding of category "boom".
void RefuseBoomFindings(const std::string& db_path) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TRIGGER fail_boom BEFORE INSERT ON findings "
                         "WHEN (SELECT text FROM strings "
                         "WHERE id = NEW.category_id) = 'boom' "
                         "BEGIN SELECT RAISE(ABORT, 'refused'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

// A finding insert that fails after its item row leaves neither behind.
TEST(SqliteCaseStoreTest, FailedFindingUndoesItsItem) {
  TempDir tmp;
  ASSERT_NE(OpenStore(tmp.case_dir()), nullptr);
  RefuseBoomFindings(tmp.case_dir() + "/case.db");

  auto store = OpenStore(tmp.case_dir());
  ASSERT_TRUE(store->AddItem(MakeItem("a", "a"), {MakeFinding("name", "x")}).ok());
  Status st = store->AddItem(MakeItem("b", "b"), {MakeFinding("name", "y"),
                                                  MakeFinding("boom", "z")});
  EXPECT_EQ(st.message(), "insert finding: refused");
  ASSERT_TRUE(store->AddItem(MakeItem("c", "c"), {MakeFinding("name", "w")}).ok());
  ASSERT_TRUE(store->Flush().ok());
  const CaseSummary s = store->Summary().value();
  EXPECT_EQ(s.items, 2u);
  EXPECT_EQ(s.findings, 2u);
  // The failed item can be written again once the problem is gone.
  EXPECT_TRUE(store->AddItem(MakeItem("b", "b"), {MakeFinding("name", "y")}).ok());
}

// The same inside a scan, where the store checks no foreign keys and so
// no ON DELETE CASCADE removes the item's findings: none stay behind.
TEST(SqliteCaseStoreTest, FailedFindingInAScanLeavesNoOrphans) {
  TempDir tmp;
  ASSERT_NE(OpenStore(tmp.case_dir()), nullptr);
  const std::string path = tmp.case_dir() + "/case.db";
  RefuseBoomFindings(path);

  auto store = OpenStore(tmp.case_dir());
  Result<int64_t> scan = store->BeginScan({"root"}, 1);
  ASSERT_TRUE(scan.ok());
  std::vector<Finding> findings;
  for (int i = 0; i < 20; ++i) findings.push_back(MakeFinding("name", "y"));
  findings.push_back(MakeFinding("boom", "z"));
  EXPECT_FALSE(store->AddItem(MakeItem("b", "b"), findings).ok());
  ASSERT_TRUE(store->AddItem(MakeItem("c", "c"), {MakeFinding("name", "w")}).ok());
  ASSERT_TRUE(store->EndScan(scan.value(), {}).ok());
  EXPECT_EQ(store->Summary().value().findings, 1u);
  store.reset();
  EXPECT_EQ(testing::CaseInt(tmp.case_dir(),
                             "SELECT count(*) FROM findings WHERE item_id "
                             "NOT IN (SELECT id FROM items)"),
            0);
}

TEST(SqliteCaseStoreTest, FinishingAnUnbegunSourceFails) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  EXPECT_EQ(store->FinishSource({"x", 1, 1}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store->EndScan(42, {}).code(), StatusCode::kNotFound);
}

TEST(SqliteCaseStoreTest, OtherSealerSchemeIsRefused) {
  TempDir tmp;
  ASSERT_NE(OpenStore(tmp.case_dir()), nullptr);  // creates a "plain" case
  Result<std::unique_ptr<CaseStore>> other =
      OpenSqliteCaseStore(tmp.case_dir(), std::make_unique<ReversingSealer>());
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().message(),
            "case is sealed with scheme 'plain' but was opened with scheme "
            "'test-reverse'");
  EXPECT_NE(OpenStore(tmp.case_dir()), nullptr);  // same scheme still opens
}

TEST(SqliteCaseStoreTest, NewerSchemaVersionIsRefused) {
  TempDir tmp;
  ASSERT_NE(OpenStore(tmp.case_dir()), nullptr);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((tmp.case_dir() + "/case.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE meta SET value = '999' "
                         "WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  Result<std::unique_ptr<CaseStore>> store =
      OpenSqliteCaseStore(tmp.case_dir(), NewPlainSealer());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(store.status().message().find("schema version 999 is newer"),
            std::string::npos);
}

TEST(SqliteCaseStoreTest, ForeignDatabaseIsRefused) {
  TempDir tmp;
  const std::string dir = tmp.path() + "/other";
  std::filesystem::create_directories(dir);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir + "/case.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE x(a)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_FALSE(OpenSqliteCaseStore(dir, NewPlainSealer()).ok());
}

TEST(SqliteCaseStoreTest, GarbageFileIsCorrupt) {
  TempDir tmp;
  const std::string dir = tmp.path() + "/garbage";
  std::filesystem::create_directories(dir);
  FILE* f = fopen((dir + "/case.db").c_str(), "wb");
  ASSERT_NE(f, nullptr);
  for (int i = 0; i < 200; ++i) fputs("not a database at all ", f);
  fclose(f);
  Result<std::unique_ptr<CaseStore>> store =
      OpenSqliteCaseStore(dir, NewPlainSealer());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorrupt);
}

TEST(SqliteCaseStoreTest, CreatesNestedCaseFolderOwnerOnly) {
  TempDir tmp;
  const std::string dir = tmp.path() + "/a/b/case";
  ASSERT_NE(OpenStore(dir), nullptr);
  namespace fs = std::filesystem;
  EXPECT_TRUE(fs::exists(dir + "/case.db"));
  EXPECT_EQ(fs::status(dir).permissions() & fs::perms::all,
            fs::perms::owner_all);
  EXPECT_EQ(fs::status(dir + "/case.db").permissions() &
                (fs::perms::group_all | fs::perms::others_all),
            fs::perms::none);
}

TEST(SqliteCaseStoreTest, NullSealerIsRejected) {
  TempDir tmp;
  EXPECT_EQ(OpenSqliteCaseStore(tmp.case_dir(), nullptr).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace breachscope
