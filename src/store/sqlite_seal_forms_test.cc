// Findings rows of both seal forms in one case (sealed_finding.h): cases
// written by version-1 builds (two seals per finding) read exactly as
// before, stay version 1 until this build writes a finding into them,
// resume in the one-seal form, and rekey keeps each row's form.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/case_key.h"
#include "store/case_store.h"
#include "store/sealed_finding.h"
#include "store/sodium_sealer.h"
#include "store/sqlite_rekey.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::AllFindings;
using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::TempDir;

// Findings of every shape: normalised value equal, different, empty; a
// record number (read again by the end of a scan).
std::vector<Finding> Shapes(const std::string& tag) {
  Finding same = MakeFinding("email", "jean" + tag + "@example.org", 1);
  Finding different = MakeFinding("sin", "046 454 28" + tag, 1);
  different.normalized = "04645428" + tag;
  Finding bare = MakeFinding("name", "Zoë Quagmire " + tag, 2);
  bare.normalized.clear();
  Finding mrn = MakeFinding("medical_record_number", "MRN-00" + tag, 2);
  mrn.normalized = "00" + tag;
  return {same, different, bare, mrn};
}

void WriteSource(CaseStore& store, const std::string& name) {
  const SourceKey key{name, 1, 1};
  ASSERT_TRUE(store.BeginSource(key).ok());
  ASSERT_TRUE(store.AddItem(MakeItem(name, name), Shapes(name.substr(0, 1))).ok());
  ASSERT_TRUE(store.FinishSource(key).ok());
  ASSERT_TRUE(store.Flush().ok());
}

class Db {
 public:
  explicit Db(const std::string& case_dir) {
    EXPECT_EQ(sqlite3_open((case_dir + "/case.db").c_str(), &db_), SQLITE_OK);
  }
  ~Db() { sqlite3_close(db_); }
  void Exec(const std::string& sql) {
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_);
  }
  std::string Text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return out;
  }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

std::string SchemaVersion(const std::string& case_dir) {
  return Db(case_dir).Text("SELECT value FROM meta WHERE key = 'schema_version'");
}

// Rows per seal form ("0=4 1=4").
std::string Forms(const std::string& case_dir) {
  return Db(case_dir).Text(
      "SELECT group_concat(form || '=' || n, ' ') FROM (SELECT seal_form AS "
      "form, count(*) AS n FROM findings GROUP BY seal_form ORDER BY form)");
}

std::string Blob(sqlite3_stmt* stmt, int col) {
  return std::string(static_cast<const char*>(sqlite3_column_blob(stmt, col)),
                     static_cast<size_t>(sqlite3_column_bytes(stmt, col)));
}

// Turns the case into what a version-1 build wrote: every finding sealed
// twice, no seal_form column, schema version 1.
void MakeVersionOne(const std::string& case_dir, const Sealer& sealer) {
  Db db(case_dir);
  sqlite3_stmt* read = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db.get(),
                               "SELECT item_id, seq, value_sealed, "
                               "normalized_sealed, seal_form FROM findings",
                               -1, &read, nullptr),
            SQLITE_OK);
  struct Row {
    int64_t item, seq;
    std::string value, normalized;
  };
  std::vector<Row> rows;
  while (sqlite3_step(read) == SQLITE_ROW) {
    Row row{sqlite3_column_int64(read, 0), sqlite3_column_int64(read, 1), {}, {}};
    std::string scratch;
    ASSERT_TRUE(UnsealFinding(sealer, sqlite3_column_int64(read, 4), Blob(read, 2),
                              Blob(read, 3), &scratch, &row.value, &row.normalized)
                    .ok());
    rows.push_back(row);
  }
  sqlite3_finalize(read);
  sqlite3_stmt* write = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db.get(),
                               "UPDATE findings SET value_sealed = ?1, "
                               "normalized_sealed = ?2 WHERE item_id = ?3 AND seq = ?4",
                               -1, &write, nullptr),
            SQLITE_OK);
  for (const Row& row : rows) {
    const std::string v = sealer.Seal(row.value), n = sealer.Seal(row.normalized);
    sqlite3_bind_blob(write, 1, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(write, 2, n.data(), static_cast<int>(n.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(write, 3, row.item);
    sqlite3_bind_int64(write, 4, row.seq);
    ASSERT_EQ(sqlite3_step(write), SQLITE_DONE);
    sqlite3_reset(write);
  }
  sqlite3_finalize(write);
  db.Exec("ALTER TABLE findings DROP COLUMN seal_form");
  db.Exec("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
}

std::vector<std::string> RecordNumbers(CaseStore& store) {
  std::vector<std::string> out;
  EXPECT_TRUE(store
                  .ForEachFindingOf({"medical_record_number"},
                                    [&](const StoredFinding& s) {
                                      out.push_back(testing::Describe(s));
                                    })
                  .ok());
  return out;
}

class SealFormsTest : public ::testing::Test {
 protected:
  std::unique_ptr<CaseStore> Open() {
    return OpenStore(tmp_.case_dir(), NewSodiumSealer(key_));
  }
  // A case with source a.csv written by this build.
  void WriteA() {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    WriteSource(*store, "a.csv");
  }

  TempDir tmp_;
  CaseKey key_ = CaseKey::Generate();
};

TEST_F(SealFormsTest, NewCaseIsVersionTwoWithOneSealPerFinding) {
  WriteA();
  EXPECT_EQ(SchemaVersion(tmp_.case_dir()), "2");
  EXPECT_EQ(Forms(tmp_.case_dir()), "1=4");
  EXPECT_EQ(Db(tmp_.case_dir()).Text("SELECT count(*) FROM findings WHERE "
                                     "length(normalized_sealed) > 0"),
            "0");
  auto store = Open();
  const std::vector<std::string> found = AllFindings(*store);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_NE(found[1].find("|046 454 28a|04645428a|"), std::string::npos) << found[1];
  EXPECT_NE(found[2].find("|Zoë Quagmire a||"), std::string::npos) << found[2];
}

TEST_F(SealFormsTest, VersionOneCaseReadsAsBeforeAndStaysVersionOne) {
  WriteA();
  std::vector<std::string> before, numbers_before;
  {
    auto store = Open();
    before = AllFindings(*store);
    numbers_before = RecordNumbers(*store);
  }
  MakeVersionOne(tmp_.case_dir(), *NewSodiumSealer(key_));
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(AllFindings(*store), before);
  EXPECT_EQ(RecordNumbers(*store), numbers_before);
  ASSERT_EQ(numbers_before.size(), 1u);
  store.reset();
  // Opened and read: still a case a version-1 build opens.
  EXPECT_EQ(SchemaVersion(tmp_.case_dir()), "1");
  EXPECT_EQ(Forms(tmp_.case_dir()), "0=4");
}

TEST_F(SealFormsTest, ResumedVersionOneCaseAddsOneSealRowsAndBecomesVersionTwo) {
  WriteA();
  MakeVersionOne(tmp_.case_dir(), *NewSodiumSealer(key_));
  std::vector<std::string> mixed;
  {
    auto store = Open();
    WriteSource(*store, "b.csv");
    mixed = AllFindings(*store);
  }
  EXPECT_EQ(SchemaVersion(tmp_.case_dir()), "2");
  EXPECT_EQ(Forms(tmp_.case_dir()), "0=4 1=4");
  // The same two sources written wholly by this build read the same.
  TempDir fresh;
  {
    auto store = OpenStore(fresh.case_dir(), NewSodiumSealer(key_));
    WriteSource(*store, "a.csv");
    WriteSource(*store, "b.csv");
    EXPECT_EQ(AllFindings(*store), mixed);
  }
  ASSERT_EQ(mixed.size(), 8u);
}

TEST_F(SealFormsTest, RekeyReSealsBothFormsKeepingEachRowsForm) {
  WriteA();
  MakeVersionOne(tmp_.case_dir(), *NewSodiumSealer(key_));
  std::vector<std::string> before;
  {
    auto store = Open();
    WriteSource(*store, "b.csv");
    before = AllFindings(*store);
  }
  const std::string old_blobs = Db(tmp_.case_dir()).Text(
      "SELECT hex(group_concat(value_sealed || normalized_sealed)) FROM findings");
  const CaseKey new_key = CaseKey::Generate();
  Result<RekeyCounts> counts = RekeySqliteCase(
      tmp_.case_dir(), *NewSodiumSealer(key_), *NewSodiumSealer(new_key));
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts.value().rows, 8u);
  EXPECT_EQ(counts.value().values, 4u * 2 + 4u);  // two seals, then one
  EXPECT_EQ(Forms(tmp_.case_dir()), "0=4 1=4");
  EXPECT_NE(Db(tmp_.case_dir()).Text(
                "SELECT hex(group_concat(value_sealed || normalized_sealed)) "
                "FROM findings"),
            old_blobs);
  EXPECT_FALSE(OpenSqliteCaseStore(tmp_.case_dir(), NewSodiumSealer(key_)).ok());
  auto store = OpenStore(tmp_.case_dir(), NewSodiumSealer(new_key));
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(AllFindings(*store), before);
}

// A version-1 case rekeyed before this build ever opened it: it has no
// seal_form column yet, and stays a version-1 case.
TEST_F(SealFormsTest, RekeyOfAnUnopenedVersionOneCase) {
  WriteA();
  std::vector<std::string> before;
  {
    auto store = Open();
    before = AllFindings(*store);
  }
  MakeVersionOne(tmp_.case_dir(), *NewSodiumSealer(key_));
  const CaseKey new_key = CaseKey::Generate();
  Result<RekeyCounts> counts = RekeySqliteCase(
      tmp_.case_dir(), *NewSodiumSealer(key_), *NewSodiumSealer(new_key));
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts.value().values, 4u * 2);
  EXPECT_EQ(SchemaVersion(tmp_.case_dir()), "1");
  EXPECT_EQ(Forms(tmp_.case_dir()), "0=4");
  auto store = OpenStore(tmp_.case_dir(), NewSodiumSealer(new_key));
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(AllFindings(*store), before);
}

// A case newer than this build is refused by rekey too, and left alone.
TEST_F(SealFormsTest, RekeyRefusesANewerCase) {
  WriteA();
  Db(tmp_.case_dir()).Exec("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  Result<RekeyCounts> counts =
      RekeySqliteCase(tmp_.case_dir(), *NewSodiumSealer(key_),
                      *NewSodiumSealer(CaseKey::Generate()));
  EXPECT_EQ(counts.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(counts.status().message().find("newer than this build"),
            std::string::npos);
}

// Flipping a row's form, either way, makes it fail authentication rather
// than read as something else.
TEST_F(SealFormsTest, ChangedFormIsDetected) {
  WriteA();
  MakeVersionOne(tmp_.case_dir(), *NewSodiumSealer(key_));
  {
    auto store = Open();
    WriteSource(*store, "b.csv");
  }
  for (const char* flip : {"UPDATE findings SET seal_form = 0 WHERE item_id = "
                           "(SELECT max(item_id) FROM findings) AND seq = 1",
                           "UPDATE findings SET seal_form = 1 WHERE item_id = "
                           "(SELECT min(item_id) FROM findings) AND seq = 1"}) {
    TempDir copy;
    std::filesystem::copy(tmp_.case_dir(), copy.case_dir(),
                          std::filesystem::copy_options::recursive);
    Db(copy.case_dir()).Exec(flip);
    auto store = OpenStore(copy.case_dir(), NewSodiumSealer(key_));
    ASSERT_NE(store, nullptr);
    const Status st = store->ForEachFinding([](const StoredFinding&) {});
    EXPECT_EQ(st.code(), StatusCode::kCorrupt) << flip;
    EXPECT_NE(st.message().find("unseal finding 1 of "), std::string::npos)
        << st.message();
  }
}

}  // namespace
}  // namespace breachscope
