// The end-of-scan path of SqliteCaseStore: reading the findings of a few
// categories (candidates included) and replacing the findings one detector
// derived from the whole case (detect/learned_shapes.h).
//
// Candidates and record and patient numbers are few among a case's
// findings; the partial index of sqlite_shape_inputs.h finds them, so the
// end of a scan reads each of its rows once and no other row.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/sqlite_case_store.h"
#include "store/sqlite_finding_rows.h"
#include "store/sqlite_items_by_name.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_shape_inputs.h"
#include "store/sqlite_string_ids.h"

namespace breachscope {
namespace {

using sqlite::Statement;

// "category_id IN (3,7)" for the interned ids of `categories`; empty when
// none of them was ever stored.
std::string CategoryFilter(const std::vector<std::string>& strings,
                           const std::vector<std::string>& categories) {
  std::string ids;
  for (size_t id = 1; id < strings.size(); ++id) {
    if (std::find(categories.begin(), categories.end(), strings[id]) ==
        categories.end()) {
      continue;
    }
    if (!ids.empty()) ids += ',';
    ids += std::to_string(id);
  }
  return ids.empty() ? "" : "category_id IN (" + ids + ")";
}

bool AllShapeInputs(const std::vector<std::string>& categories) {
  return std::all_of(categories.begin(), categories.end(),
                     [](const std::string& c) {
                       return std::find(sqlite::kShapeInputCategories.begin(),
                                        sqlite::kShapeInputCategories.end(),
                                        c) !=
                              sqlite::kShapeInputCategories.end();
                     });
}

// "findings INDEXED BY ... WHERE (<index condition>) AND" when the shape
// input index holds every row of `categories`: the repeated condition lets
// SQLite use the partial index, and naming it keeps the planner from
// reading a whole item by its primary key instead. Plain "findings WHERE"
// otherwise.
Result<std::string> FindingsOf(sqlite3* db,
                               const std::vector<std::string>& categories) {
  if (!AllShapeInputs(categories)) return std::string("findings WHERE");
  Result<std::string> condition = sqlite::ShapeInputCondition(db);
  if (!condition.ok()) return condition.status();
  if (condition.value().empty()) return std::string("findings WHERE");
  return "findings INDEXED BY " + std::string(sqlite::kShapeInputIndex) +
         " WHERE (" + condition.value() + ") AND";
}

}  // namespace

Status SqliteCaseStore::ForEachFindingOf(
    const std::vector<std::string>& categories,
    const std::function<void(const StoredFinding&)>& visit) {
  std::vector<std::string> strings;
  BS_RETURN_IF_ERROR(sqlite::StringIds::LoadAll(db_.get(), &strings));
  const std::string filter = CategoryFilter(strings, categories);
  if (filter.empty()) return {};
  Result<std::string> from = FindingsOf(db_.get(), categories);
  if (!from.ok()) return from.status();
  const std::string rows = from.value() + " " + filter;
  auto items = sqlite::ItemsByName(
      db_.get(), *sealer_, "WHERE id IN (SELECT item_id FROM " + rows + ")");
  if (!items.ok()) return items.status();
  Result<Statement> prepared = Statement::Prepare(
      db_.get(), "SELECT " + std::string(sqlite::kFindingRowColumns) +
                     " FROM " + rows + " AND item_id = ?1 ORDER BY seq");
  if (!prepared.ok()) return prepared.status();
  Statement& r = prepared.value();
  sqlite::FindingRowReader reader(*sealer_, strings);
  StoredFinding out;
  for (const auto& [name, item_id] : items.value()) {
    r.BindInt(1, item_id);
    out.source = name;
    while (true) {
      Result<bool> row = r.Next("read findings");
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      Status st = reader.Read(r, &out);
      if (!st.ok()) {
        r.Reset();
        return st;
      }
      visit(out);
    }
  }
  return {};
}

Status SqliteCaseStore::ReplaceDetectorFindings(
    std::string_view detector, const std::vector<StoredFinding>& findings) {
  // By item, so each item's rows go in one insert.
  DerivedByItem by_item;
  for (const StoredFinding& s : findings) {
    // Derived findings are record and patient numbers, which the shape
    // input index holds: that index finds the earlier ones to replace.
    if (!AllShapeInputs({s.finding.category})) {
      return InvalidArgument("derived finding of category '" +
                             s.finding.category +
                             "': only record and patient numbers are");
    }
    auto& [rows, seqs] = by_item[s.source];
    rows.push_back(s.finding);
    seqs.push_back(s.seq);
  }
  // One transaction of its own, after the open batch: the old derived
  // findings and the new ones are swapped at once or not at all.
  BS_RETURN_IF_ERROR(Flush());
  BS_RETURN_IF_ERROR(begin_.Run("begin derived findings"));
  Status st = ReplaceRows(detector, by_item);
  if (st.ok()) st = commit_.Run("commit derived findings");
  if (!st.ok()) {
    (void)sqlite::Exec(db_.get(), "ROLLBACK", "drop derived findings");
    findings_.Forget();  // ids interned in the lost transaction are gone
  }
  return st;
}

Status SqliteCaseStore::ReplaceRows(std::string_view detector,
                                    const DerivedByItem& by_item) {
  Result<std::string> from = FindingsOf(
      db_.get(), std::vector<std::string>(sqlite::kShapeInputCategories.begin(),
                                          sqlite::kShapeInputCategories.end()));
  if (!from.ok()) return from.status();
  Result<Statement> drop = Statement::Prepare(
      db_.get(), "DELETE FROM " + from.value() +
                     " detector_id IN (SELECT id FROM strings WHERE text = ?1)");
  if (!drop.ok()) return drop.status();
  BS_RETURN_IF_ERROR(
      drop.value().BindText(1, detector).Run("drop derived findings"));
  Result<Statement> item =
      Statement::Prepare(db_.get(), "SELECT id FROM items WHERE name = ?1");
  if (!item.ok()) return item.status();
  for (const auto& [name, rows] : by_item) {
    const std::string sealed = sealer_->SealName(name);
    Result<bool> row = item.value().BindText(1, sealed).Next("find item");
    if (!row.ok()) return row.status();
    if (!row.value()) return NotFound("derived findings: no item " + name);
    const int64_t item_id = item.value().ColumnInt(0);
    item.value().Reset();
    BS_RETURN_IF_ERROR(findings_.Insert(item_id, rows.first, &rows.second));
  }
  return {};
}

}  // namespace breachscope
