#include "store/sqlite_items_by_name.h"

#include <algorithm>

#include "store/sqlite_statement.h"

namespace breachscope::sqlite {

Result<std::vector<std::pair<std::string, int64_t>>> ItemsByName(
    sqlite3* db, const Sealer& sealer, std::string_view where) {
  Result<Statement> stmt =
      Statement::Prepare(db, "SELECT id, name FROM items " + std::string(where));
  if (!stmt.ok()) return stmt.status();
  std::vector<std::pair<std::string, int64_t>> items;
  while (true) {
    Result<bool> row = stmt.value().Next("list items");
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    const int64_t id = stmt.value().ColumnInt(0);
    Result<std::string> name = sealer.UnsealName(stmt.value().ColumnText(1));
    if (!name.ok()) {
      stmt.value().Reset();
      return Status(name.status().code(),
                    "item " + std::to_string(id) + ": " + name.status().message());
    }
    items.emplace_back(std::move(name).value(), id);
  }
  std::sort(items.begin(), items.end());
  return items;
}

}  // namespace breachscope::sqlite
