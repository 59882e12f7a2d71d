#include "store/case_meta.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "store/sqlite_statement.h"

namespace breachscope {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

Result<Db> OpenMetaConnection(const std::string& case_dir) {
  const std::string path = case_dir + "/case.db";
  if (!std::filesystem::exists(path)) return NotFound("no case in " + case_dir);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE,
                                 nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return sqlite::SqliteStatus(raw, rc, "open case");
  BS_RETURN_IF_ERROR(
      sqlite::Exec(db.get(), "PRAGMA busy_timeout = 10000", "open case"));
  return db;
}

}  // namespace

Result<std::string> ReadCaseMeta(const std::string& case_dir,
                                 const std::string& key) {
  Result<Db> db = OpenMetaConnection(case_dir);
  if (!db.ok()) return db.status();
  return sqlite::QueryText(db.value().get(),
                           "SELECT value FROM meta WHERE key = ?1",
                           "read case metadata", key);
}

Status WriteCaseMeta(const std::string& case_dir, const std::string& key,
                     const std::string& value) {
  Result<Db> db = OpenMetaConnection(case_dir);
  if (!db.ok()) return db.status();
  Result<sqlite::Statement> stmt = sqlite::Statement::Prepare(
      db.value().get(),
      "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
  if (!stmt.ok()) return stmt.status();
  return stmt.value().BindText(1, key).BindText(2, value).Run(
      "write case metadata");
}

}  // namespace breachscope
