#include "store/sqlite_shape_inputs.h"

#include <cstdint>
#include <string>

#include "common/id_candidate.h"
#include "store/sqlite_statement.h"

namespace breachscope::sqlite {
namespace {

static_assert(kShapeInputCategories[0] == kIdCandidateCategory);

Result<std::string> IndexSql(sqlite3* db) {
  return QueryText(
      db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1",
      "read the shape input index", kShapeInputIndex);
}

}  // namespace

Status EnsureShapeInputIndex(sqlite3* db) {
  Result<std::string> sql = IndexSql(db);
  if (!sql.ok()) return sql.status();
  if (!sql.value().empty()) return {};
  // The ids must exist before the index names them: intern the strings
  // now, as the finding writer would when it first stores one.
  Result<Statement> intern = Statement::Prepare(
      db, "INSERT OR IGNORE INTO strings(text) VALUES (?1)");
  if (!intern.ok()) return intern.status();
  Result<Statement> id_of =
      Statement::Prepare(db, "SELECT id FROM strings WHERE text = ?1");
  if (!id_of.ok()) return id_of.status();
  std::string condition;
  for (std::string_view category : kShapeInputCategories) {
    BS_RETURN_IF_ERROR(
        intern.value().BindText(1, category).Run("intern a category"));
    Result<bool> row =
        id_of.value().BindText(1, category).Next("read a category id");
    if (!row.ok()) return row.status();
    if (!row.value()) return Corrupt("category string not interned");
    const int64_t id = id_of.value().ColumnInt(0);
    id_of.value().Reset();
    if (!condition.empty()) condition += " OR ";
    condition += "category_id = " + std::to_string(id);
  }
  return Exec(db,
              "CREATE INDEX " + std::string(kShapeInputIndex) +
                  " ON findings(category_id, item_id, seq, detector_id) "
                  "WHERE " +
                  condition,
              "build the shape input index");
}

Result<std::string> ShapeInputCondition(sqlite3* db) {
  Result<std::string> sql = IndexSql(db);
  if (!sql.ok()) return sql.status();
  const size_t where = sql.value().find(" WHERE ");
  if (where == std::string::npos) return std::string();
  return sql.value().substr(where + 7);
}

}  // namespace breachscope::sqlite
