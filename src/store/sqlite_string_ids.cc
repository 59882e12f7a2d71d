#include "store/sqlite_string_ids.h"

#include <utility>

namespace breachscope::sqlite {

Status StringIds::Prepare(sqlite3* db) {
  Result<Statement> select =
      Statement::Prepare(db, "SELECT id FROM strings WHERE text = ?1");
  if (!select.ok()) return select.status();
  Result<Statement> insert =
      Statement::Prepare(db, "INSERT INTO strings(text) VALUES (?1)");
  if (!insert.ok()) return insert.status();
  select_ = std::move(select).value();
  insert_ = std::move(insert).value();
  return {};
}

Result<int64_t> StringIds::IdOf(std::string_view text) {
  if (text.empty()) return int64_t{0};
  if (const int64_t cached = cache_.Find(text); cached != 0) return cached;
  int64_t id = 0;
  select_.BindText(1, text);
  Result<bool> row = select_.Next("look up string");
  if (!row.ok()) return row.status();
  if (row.value()) {
    id = select_.ColumnInt(0);
    select_.Reset();
  } else {
    BS_RETURN_IF_ERROR(insert_.BindText(1, text).Run("insert string"));
    id = sqlite3_last_insert_rowid(select_.db());
  }
  cache_.Add(text, id);
  return id;
}

Status StringIds::LoadAll(sqlite3* db, std::vector<std::string>* out) {
  Result<Statement> stmt =
      Statement::Prepare(db, "SELECT id, text FROM strings ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  out->assign(1, std::string());  // id 0: the empty string
  while (true) {
    Result<bool> row = stmt.value().Next("read strings");
    if (!row.ok()) return row.status();
    if (!row.value()) return {};
    const int64_t id = stmt.value().ColumnInt(0);
    // Ids come from INTEGER PRIMARY KEY and strings are never deleted, so
    // they are dense; anything else is a damaged case.
    if (id < 1 || id > static_cast<int64_t>(out->size()) + (1 << 20)) {
      stmt.value().Reset();
      return Corrupt("case string table has id " + std::to_string(id));
    }
    if (static_cast<size_t>(id) >= out->size()) out->resize(id + 1);
    (*out)[id].assign(stmt.value().ColumnText(1));
  }
}

}  // namespace breachscope::sqlite
