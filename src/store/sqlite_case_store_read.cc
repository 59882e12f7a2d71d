// The read path of SqliteCaseStore: summary counts, error listing and the
// ordered walk over findings used by exports. Item names are sealed, so
// listings in name order unseal and sort them here. Reads see the connection's
// own uncommitted batch, so no Flush() is needed before them.
#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/id_candidate.h"
#include "common/record_link.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_finding_rows.h"
#include "store/sqlite_items_by_name.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_string_ids.h"

namespace breachscope {
namespace {

using sqlite::Statement;

// Runs `sql`, which yields one row of integer columns, into `out`.
Status QueryInts(sqlite3* db, std::string_view sql,
                 std::initializer_list<uint64_t*> out) {
  Result<Statement> stmt = Statement::Prepare(db, sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt.value().Next("summarise case");
  if (!row.ok()) return row.status();
  int col = 0;
  for (uint64_t* field : out) {
    *field = row.value() ? static_cast<uint64_t>(stmt.value().ColumnInt(col))
                         : 0;
    ++col;
  }
  stmt.value().Reset();
  return {};
}

// Runs `sql`, which yields (key TEXT, count INTEGER) rows, into `out`.
Status QueryCounts(sqlite3* db, std::string_view sql,
                   std::map<std::string, uint64_t>* out) {
  Result<Statement> stmt = Statement::Prepare(db, sql);
  if (!stmt.ok()) return stmt.status();
  out->clear();
  while (true) {
    Result<bool> row = stmt.value().Next("summarise case");
    if (!row.ok()) return row.status();
    if (!row.value()) return {};
    (*out)[std::string(stmt.value().ColumnText(0))] =
        static_cast<uint64_t>(stmt.value().ColumnInt(1));
  }
}

// Counts per category: one pass over findings, names joined afterwards.
constexpr std::string_view kCategoryCounts =
    "SELECT coalesce(s.text, ''), c.n, c.items FROM (SELECT category_id, "
    "count(*) AS n, count(DISTINCT item_id) AS items FROM findings "
    "GROUP BY category_id) AS c LEFT JOIN strings AS s ON s.id = c.category_id";

}  // namespace

Result<CaseSummary> SqliteCaseStore::Summary() {
  sqlite3* db = db_.get();
  CaseSummary s;
  BS_RETURN_IF_ERROR(QueryInts(db, "SELECT count(*) FROM scans", {&s.scans}));
  BS_RETURN_IF_ERROR(QueryInts(
      db, "SELECT count(*) FROM sources WHERE state = 'done'", {&s.sources}));
  BS_RETURN_IF_ERROR(QueryInts(
      db,
      "SELECT count(*), total(status = 'scanned'), total(status = 'error'), "
      "total(status = 'skipped'), "
      "coalesce(sum(CASE WHEN status = 'scanned' THEN bytes END), 0), "
      "coalesce(sum(CASE WHEN status = 'scanned' THEN ocr_pages END), 0) "
      "FROM items",
      {&s.items, &s.items_scanned, &s.items_error, &s.items_skipped,
       &s.bytes, &s.ocr_pages}));
  // Record links (common/record_link.h) and identifier candidates
  // (common/id_candidate.h) are not findings.
  BS_RETURN_IF_ERROR(QueryInts(
      db,
      "SELECT count(*), count(DISTINCT item_id) FROM findings WHERE category_id "
      "NOT IN (SELECT id FROM strings WHERE text IN ('" +
          std::string(kRecordLinkCategory) + "', '" +
          std::string(kIdCandidateCategory) + "'))",
      {&s.findings, &s.items_with_findings}));
  BS_RETURN_IF_ERROR(QueryCounts(
      db,
      "SELECT format, count(*) FROM items WHERE status = 'scanned' "
      "GROUP BY format",
      &s.items_by_format));
  BS_RETURN_IF_ERROR(QueryCounts(
      db,
      "SELECT format, sum(bytes) FROM items WHERE status = 'scanned' "
      "GROUP BY format",
      &s.bytes_by_format));
  BS_RETURN_IF_ERROR(QueryCounts(
      db,
      "SELECT error_code, count(*) FROM items WHERE status = 'error' "
      "GROUP BY error_code",
      &s.errors_by_reason));
  BS_RETURN_IF_ERROR(QueryCounts(
      db,
      "SELECT error_code, count(*) FROM items WHERE status = 'skipped' "
      "GROUP BY error_code",
      &s.skipped_by_reason));
  Result<Statement> stmt = Statement::Prepare(db, kCategoryCounts);
  if (!stmt.ok()) return stmt.status();
  while (true) {
    Result<bool> row = stmt.value().Next("summarise case");
    if (!row.ok()) return row.status();
    if (!row.value()) return s;
    const Statement& r = stmt.value();
    const std::string category(r.ColumnText(0));
    if (category == kRecordLinkCategory || category == kIdCandidateCategory) {
      continue;
    }
    s.findings_by_category[category] = static_cast<uint64_t>(r.ColumnInt(1));
    s.items_by_category[category] = static_cast<uint64_t>(r.ColumnInt(2));
  }
}

Result<std::vector<ErrorItem>> SqliteCaseStore::ErrorItems(size_t limit) {
  Result<std::vector<std::pair<std::string, int64_t>>> items =
      sqlite::ItemsByName(db_.get(), *sealer_, "WHERE status = 'error'");
  if (!items.ok()) return items.status();
  Result<Statement> stmt = Statement::Prepare(
      db_.get(), "SELECT error_code, error_message FROM items WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  std::vector<ErrorItem> out;
  for (auto& [name, id] : items.value()) {
    if (out.size() >= limit) break;
    stmt.value().BindInt(1, id);
    Result<bool> row = stmt.value().Next("list error items");
    if (!row.ok()) return row.status();
    if (!row.value()) continue;
    const Statement& r = stmt.value();
    out.push_back(ErrorItem{std::move(name), std::string(r.ColumnText(0)),
                            std::string(r.ColumnText(1))});
    stmt.value().Reset();
  }
  return out;
}

Status SqliteCaseStore::ForEachFinding(
    const std::function<void(const StoredFinding&)>& visit) {
  return VisitFindings(visit, /*with_links=*/false);
}

Status SqliteCaseStore::ForEachRecordFinding(
    const std::function<void(const StoredFinding&)>& visit) {
  return VisitFindings(visit, /*with_links=*/true);
}

Status SqliteCaseStore::VisitFindings(
    const std::function<void(const StoredFinding&)>& visit, bool with_links) {
  Result<std::vector<std::pair<std::string, int64_t>>> items =
      sqlite::ItemsByName(db_.get(), *sealer_, "WHERE id IN (SELECT DISTINCT item_id FROM findings)");
  if (!items.ok()) return items.status();
  // One item's findings by their (item_id, seq) key: no sort. Items are
  // taken in the order of their names, which are sealed (see ItemsByName).
  Result<Statement> prepared = Statement::Prepare(
      db_.get(), "SELECT " + std::string(sqlite::kFindingRowColumns) +
                     " FROM findings WHERE item_id = ?1 ORDER BY seq");
  if (!prepared.ok()) return prepared.status();
  Statement& r = prepared.value();
  // The interned strings are few (repeated labels, explanations, ...), so
  // they are read once rather than joined into every row.
  std::vector<std::string> strings;
  BS_RETURN_IF_ERROR(sqlite::StringIds::LoadAll(db_.get(), &strings));
  sqlite::FindingRowReader reader(*sealer_, strings);
  StoredFinding out;  // reused: its strings keep their capacity
  for (const auto& [name, item_id] : items.value()) {
    r.BindInt(1, item_id);
    out.source.assign(name);
    while (true) {
      Result<bool> row = r.Next("read findings");
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      // Record links are read only for subjects, and not even unsealed
      // otherwise; identifier candidates are not findings. An unknown
      // category id is left to Read to report.
      const std::string* category = reader.Category(r);
      if (category != nullptr &&
          ((!with_links && *category == kRecordLinkCategory) ||
           *category == kIdCandidateCategory)) {
        continue;
      }
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

}  // namespace breachscope
