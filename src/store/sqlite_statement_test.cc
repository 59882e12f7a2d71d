#include "store/sqlite_statement.h"

#include <gtest/gtest.h>

namespace breachscope::sqlite {
namespace {

class StatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(Exec(db_, "CREATE TABLE t(k TEXT UNIQUE, v BLOB)", "setup").ok());
  }
  void TearDown() override { sqlite3_close_v2(db_); }
  sqlite3* db_ = nullptr;
};

TEST_F(StatementTest, ErrorNamesOperationAndSqliteMessage) {
  Status st = SqliteStatus(nullptr, SQLITE_IOERR, "insert finding");
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_EQ(st.message(), "insert finding: disk I/O error");
  EXPECT_EQ(SqliteStatus(nullptr, SQLITE_NOTADB, "open").code(),
            StatusCode::kCorrupt);
  EXPECT_TRUE(SqliteStatus(nullptr, SQLITE_DONE, "x").ok());
}

TEST_F(StatementTest, ReusedInsertAndConstraintError) {
  Result<Statement> ins = Statement::Prepare(db_, "INSERT INTO t VALUES(?1, ?2)");
  ASSERT_TRUE(ins.ok());
  ASSERT_TRUE(ins.value().BindText(1, "a").BindBlob(2, "x").Run("insert").ok());
  ASSERT_TRUE(ins.value().BindText(1, "b").BindBlob(2, "").Run("insert").ok());
  Status dup = ins.value().BindText(1, "a").BindBlob(2, "y").Run("insert row");
  EXPECT_EQ(dup.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(dup.message(), "insert row: UNIQUE constraint failed: t.k");

  Result<Statement> sel =
      Statement::Prepare(db_, "SELECT k, v FROM t ORDER BY k");
  ASSERT_TRUE(sel.ok());
  int rows = 0;
  while (true) {
    Result<bool> row = sel.value().Next("select");
    ASSERT_TRUE(row.ok());
    if (!row.value()) break;
    ++rows;
    EXPECT_FALSE(sel.value().ColumnIsNull(1));  // "" stays a blob, not NULL
  }
  EXPECT_EQ(rows, 2);
}

TEST_F(StatementTest, BindErrorIsReportedByRun) {
  Result<Statement> ins = Statement::Prepare(db_, "INSERT INTO t VALUES(?1, ?2)");
  ASSERT_TRUE(ins.ok());
  Status st = ins.value().BindText(3, "out of range").Run("insert row");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("insert row: "), std::string::npos);
  // The statement is usable again afterwards.
  EXPECT_TRUE(ins.value().BindText(1, "c").BindBlob(2, "z").Run("insert").ok());
}

TEST_F(StatementTest, PrepareErrorIsStatus) {
  Result<Statement> bad = Statement::Prepare(db_, "SELEKT 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("prepare statement: "),
            std::string::npos);
}

}  // namespace
}  // namespace breachscope::sqlite
