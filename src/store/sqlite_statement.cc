#include "store/sqlite_statement.h"

#include <string>
#include <utility>

namespace breachscope::sqlite {
namespace {

StatusCode CodeFor(int rc) {
  switch (rc & 0xff) {  // primary code; extended codes carry detail only
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PROTOCOL:
      return StatusCode::kIoError;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StatusCode::kCorrupt;
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
      return StatusCode::kInvalidArgument;
    default:
      return StatusCode::kInternal;
  }
}

}  // namespace

Status SqliteStatus(sqlite3* db, int rc, std::string_view op) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return {};
  // The connection's message is specific ("UNIQUE constraint failed:
  // items.name") but may belong to an older error; fall back to the
  // generic text of `rc` when the codes disagree.
  const char* text = (db != nullptr && sqlite3_errcode(db) == rc)
                         ? sqlite3_errmsg(db)
                         : sqlite3_errstr(rc);
  return Status(CodeFor(rc), std::string(op) + ": " + text);
}

Status Exec(sqlite3* db, std::string_view sql, std::string_view op) {
  std::string owned(sql);  // sqlite3_exec needs a NUL-terminated string
  const int rc = sqlite3_exec(db, owned.c_str(), nullptr, nullptr, nullptr);
  return SqliteStatus(db, rc, op);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      bind_rc_(std::exchange(other.bind_rc_, SQLITE_OK)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_rc_ = std::exchange(other.bind_rc_, SQLITE_OK);
  }
  return *this;
}

Result<Statement> Statement::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return SqliteStatus(db, rc, "prepare statement");
  }
  if (stmt == nullptr) return Internal("prepare statement: empty SQL");
  return Statement(stmt);
}

void Statement::NoteBind(int rc) {
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

Statement& Statement::BindInt(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::BindText(int index, std::string_view value) {
  // SQLITE_STATIC: no copy; Run()/Next() clear bindings before the caller's
  // buffers can go away. A non-null pointer keeps "" distinct from NULL.
  NoteBind(sqlite3_bind_text64(stmt_, index, value.empty() ? "" : value.data(),
                               value.size(), SQLITE_STATIC, SQLITE_UTF8));
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view value) {
  NoteBind(sqlite3_bind_blob64(stmt_, index, value.empty() ? "" : value.data(),
                               value.size(), SQLITE_STATIC));
  return *this;
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Status Statement::Run(std::string_view op) {
  Result<bool> row = Next(op);
  if (!row.ok()) return row.status();
  if (row.value()) {
    Reset();
    return Internal(std::string(op) + ": statement returned rows");
  }
  return {};
}

Status Statement::RunKeepingBindings(std::string_view op) {
  if (bind_rc_ != SQLITE_OK) {
    Status st = SqliteStatus(db(), bind_rc_, op);
    Reset();
    return st;
  }
  const int rc = sqlite3_step(stmt_);
  Status st = SqliteStatus(db(), rc, op);
  sqlite3_reset(stmt_);
  if (rc == SQLITE_ROW) {
    return Internal(std::string(op) + ": statement returned rows");
  }
  return st;
}

Result<bool> Statement::Next(std::string_view op) {
  if (bind_rc_ != SQLITE_OK) {
    Status st = SqliteStatus(db(), bind_rc_, op);
    Reset();
    return st;
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  Status st = SqliteStatus(db(), rc, op);
  Reset();
  if (!st.ok()) return st;
  return false;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = SQLITE_OK;
}

int64_t Statement::ColumnInt(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

double Statement::ColumnDouble(int index) const {
  return sqlite3_column_double(stmt_, index);
}

std::string_view Statement::ColumnText(int index) const {
  const auto* text =
      reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  if (text == nullptr) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, index))};
}

std::string_view Statement::ColumnBlob(int index) const {
  const auto* blob = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
  if (blob == nullptr) return {};
  return {blob, static_cast<size_t>(sqlite3_column_bytes(stmt_, index))};
}

bool Statement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Result<std::string> QueryText(sqlite3* db, std::string_view sql,
                              std::string_view op,
                              std::optional<std::string_view> param) {
  Result<Statement> stmt = Statement::Prepare(db, sql);
  if (!stmt.ok()) return stmt.status();
  if (param) stmt.value().BindText(1, *param);
  Result<bool> row = stmt.value().Next(op);
  if (!row.ok()) return row.status();
  if (!row.value()) return std::string();
  return std::string(stmt.value().ColumnText(0));
}

}  // namespace breachscope::sqlite
