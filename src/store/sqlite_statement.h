// Thin RAII helpers over the SQLite C API, used only inside src/store.
//
// SqliteStatus turns a SQLite result code into a Status that names the
// operation ("insert finding: disk I/O error"). Statement owns one prepared
// statement, is reused across executions, and collects bind errors so call
// sites can bind a row without checking every call.
//
// Threading: like the connection they belong to, used by one thread at a
// time. Ownership: a Statement must be destroyed before its connection is
// closed.
#ifndef BREACHSCOPE_STORE_SQLITE_STATEMENT_H_
#define BREACHSCOPE_STORE_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope::sqlite {

// Status for SQLite result code `rc` on `db`, prefixed with `op`. Uses the
// connection's last error message when it matches `rc`.
Status SqliteStatus(sqlite3* db, int rc, std::string_view op);

// Runs one or more SQL statements that return no rows.
Status Exec(sqlite3* db, std::string_view sql, std::string_view op);

class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Compiles `sql` (a single statement) on `db`.
  static Result<Statement> Prepare(sqlite3* db, std::string_view sql);

  // Parameters are 1-based, as in SQLite. Text and blobs are NOT copied:
  // the bytes must stay valid until Run() returns or Next() reports the
  // end (both clear the bindings). The first failure is kept and reported
  // by the next Run()/Next().
  Statement& BindInt(int index, int64_t value);
  Statement& BindDouble(int index, double value);
  Statement& BindText(int index, std::string_view value);
  Statement& BindBlob(int index, std::string_view value);
  Statement& BindNull(int index);

  // Executes to completion (no rows expected), then resets for reuse.
  Status Run(std::string_view op);
  // The same, but the bindings stay: for a statement whose every parameter
  // is bound again before each run (clearing thousands of parameters of a
  // multi-row INSERT was measurable). The bound bytes may be gone once
  // this returns; stepping again without rebinding reads freed memory.
  Status RunKeepingBindings(std::string_view op);
  // Steps once: true with a row ready, false when done (then the statement
  // is reset for reuse). Errors reset it too.
  Result<bool> Next(std::string_view op);
  // Abandons a partly read result set and clears bindings.
  void Reset();

  // Column accessors, valid while Next() last returned true. Views point
  // into SQLite's buffers and die at the next step or reset.
  int64_t ColumnInt(int index) const;
  double ColumnDouble(int index) const;
  std::string_view ColumnText(int index) const;
  std::string_view ColumnBlob(int index) const;
  bool ColumnIsNull(int index) const;

  sqlite3* db() const { return stmt_ ? sqlite3_db_handle(stmt_) : nullptr; }

 private:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  void NoteBind(int rc);

  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = SQLITE_OK;
};

// The first column of the first row of `sql` as text, "" when there is no
// row; `param`, when given, is bound to ?1.
Result<std::string> QueryText(sqlite3* db, std::string_view sql,
                              std::string_view op,
                              std::optional<std::string_view> param = {});

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_STATEMENT_H_
