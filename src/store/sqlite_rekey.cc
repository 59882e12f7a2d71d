#include "store/sqlite_rekey.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "store/sealed_finding.h"
#include "store/sqlite_key_check.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_statement.h"

namespace breachscope {
namespace {

using sqlite::Statement;

// A table holding sealed values. Keys are integer columns (the primary key);
// `hash` (optional) is recomputed from the first non-empty plaintext of
// `hash_from` (indexes into `sealed`), and `hash_key` (optional) from the
// hash with sqlite::ValueKey. `finding_form` (optional) names the column
// of a findings row's seal form (sealed_finding.h): `sealed` is then
// value_sealed and normalized_sealed, and each row is re-sealed in the
// form it has.
struct SealedTable {
  const char* table;
  std::vector<const char*> keys;
  std::vector<const char*> sealed;
  const char* hash = nullptr;
  const char* hash_key = nullptr;
  std::vector<int> hash_from{};
  const char* finding_form = nullptr;
};

// Look-ups match the normalised form, or the raw value when there is none
// (as FindingWriter hashes them). Findings keep their seal form: a
// version-1 case stays readable by the builds that made it.
const std::vector<SealedTable>& SealedTables() {
  static const std::vector<SealedTable> tables = {
      {"findings", {"item_id", "seq"}, {"value_sealed", "normalized_sealed"},
       "value_hash", "value_key", {1, 0}, "seal_form"},
      // resolve's tables (sqlite_individuals_store.cc).
      {"person_records", {"idx"}, {"phi_sealed"}},
      {"review_pairs", {"number"}, {"why_sealed"}},
  };
  return tables;
}

std::string Join(const std::vector<const char*>& names, const char* sep,
                 const char* suffix = "") {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += sep;
    out += names[i];
    out += suffix;
  }
  return out;
}

bool TableExists(sqlite3* db, const char* table) {
  Result<Statement> stmt = Statement::Prepare(
      db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1");
  if (!stmt.ok()) return false;
  stmt.value().BindText(1, table);
  Result<bool> row = stmt.value().Next("rekey");
  if (row.ok() && row.value()) stmt.value().Reset();
  return row.ok() && row.value();
}

struct RowWork {
  std::vector<int64_t> keys;
  std::vector<std::string> sealed;
  int64_t form = 0;  // of a findings row
};

// The plaintexts of `work`'s sealed columns, in order, and their new
// sealed forms; *values counts the seals made.
Status Reseal(const SealedTable& t, const RowWork& work, const Sealer& old_sealer,
              OpenRun& old_open, const Sealer& new_sealer,
              std::vector<std::string>* plain,
              std::vector<std::string>* resealed, uint64_t* values) {
  plain->assign(work.sealed.size(), std::string());
  resealed->assign(work.sealed.size(), std::string());
  if (t.finding_form != nullptr) {
    std::string scratch;
    BS_RETURN_IF_ERROR(UnsealFinding(old_sealer, old_open, work.form,
                                     work.sealed[0], work.sealed[1], &scratch,
                                     &(*plain)[0], &(*plain)[1]));
    if (static_cast<SealForm>(work.form) == SealForm::kOneSeal) {
      scratch.clear();
      AppendFindingPlain((*plain)[0], (*plain)[1], &scratch);
      new_sealer.SealAppendFor(kFindingSealContext, scratch, &(*resealed)[0]);
      ++*values;  // normalized_sealed stays empty
      return {};
    }
  } else {
    for (size_t i = 0; i < work.sealed.size(); ++i) {
      Result<std::string> p = old_sealer.Unseal(work.sealed[i]);
      if (!p.ok()) return p.status();
      (*plain)[i] = std::move(p).value();
    }
  }
  for (size_t i = 0; i < plain->size(); ++i) {
    (*resealed)[i] = new_sealer.Seal((*plain)[i]);
  }
  *values += plain->size();
  return {};
}

// Re-seals one table in pages of rows after the last key seen, so memory
// stays bounded whatever the table's size.
Status RekeyTable(sqlite3* db, const SealedTable& t, const Sealer& old_sealer,
                  const Sealer& new_sealer, RekeyCounts* counts) {
  if (!TableExists(db, t.table)) return {};
  const size_t nk = t.keys.size(), ns = t.sealed.size();
  const std::string key_list = Join(t.keys, ", ");
  std::string params;
  for (size_t i = 0; i < nk; ++i) params += (i ? ", ?" : "?") + std::to_string(i + 1);
  Result<Statement> select = Statement::Prepare(
      db, "SELECT " + key_list + ", " + Join(t.sealed, ", ") +
              (t.finding_form ? std::string(", ") + t.finding_form : "") +
              " FROM " + t.table + " WHERE (" + key_list + ") > (" + params +
              ") ORDER BY " + key_list + " LIMIT 2000");
  if (!select.ok()) return select.status();
  std::string set = Join(t.sealed, ", ", " = ?");
  if (t.hash) set += std::string(", ") + t.hash + " = ?";
  if (t.hash_key) set += std::string(", ") + t.hash_key + " = ?";
  std::string where;
  for (size_t i = 0; i < nk; ++i) where += (i ? " AND " : "") + std::string(t.keys[i]) + " = ?";
  Result<Statement> update = Statement::Prepare(
      db, std::string("UPDATE ") + t.table + " SET " + set + " WHERE " + where);
  if (!update.ok()) return update.status();

  // Rows come in key order, so a chunk's findings, sealed in one run,
  // open through one run too (OpenRun).
  const std::unique_ptr<OpenRun> old_open =
      old_sealer.BeginOpenRun(kFindingSealContext);
  std::vector<int64_t> last(nk, INT64_MIN);
  while (true) {
    for (size_t i = 0; i < nk; ++i) select.value().BindInt(static_cast<int>(i + 1), last[i]);
    std::vector<RowWork> page;
    while (true) {
      Result<bool> row = select.value().Next("rekey: read");
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      RowWork work;
      for (size_t i = 0; i < nk; ++i) work.keys.push_back(select.value().ColumnInt(i));
      for (size_t i = 0; i < ns; ++i) {
        work.sealed.emplace_back(select.value().ColumnBlob(static_cast<int>(nk + i)));
      }
      if (t.finding_form) work.form = select.value().ColumnInt(static_cast<int>(nk + ns));
      page.push_back(std::move(work));
    }
    if (page.empty()) return {};
    for (RowWork& work : page) {
      // Bound without a copy (SQLITE_STATIC): keep the bytes alive until Run.
      std::vector<std::string> plain, resealed;
      Status st = Reseal(t, work, old_sealer, *old_open, new_sealer, &plain,
                         &resealed, &counts->values);
      if (!st.ok()) {
        return Status(st.code(), std::string("rekey: a value in ") + t.table +
                                     ": " + st.message());
      }
      std::string hash;
      if (t.hash) {
        std::string_view source;
        for (int from : t.hash_from) {
          if (!plain[from].empty()) {
            source = plain[from];
            break;
          }
        }
        hash = new_sealer.Hash(source);
      }
      int col = 1;
      for (const std::string& sealed : resealed) update.value().BindBlob(col++, sealed);
      if (t.hash) {
        update.value().BindBlob(col++, hash);
        if (t.hash_key) update.value().BindInt(col++, sqlite::ValueKey(hash));
      }
      for (int64_t k : work.keys) update.value().BindInt(col++, k);
      BS_RETURN_IF_ERROR(update.value().Run("rekey: write"));
      ++counts->rows;
    }
    last = page.back().keys;
  }
}

// Columns holding names sealed with Sealer::SealName (TEXT), by rowid.
struct SealedNames {
  const char* table;
  std::vector<const char*> columns;
};

const std::vector<SealedNames>& SealedNameColumns() {
  static const std::vector<SealedNames> tables = {
      {"scans", {"roots"}},
      {"sources", {"name"}},
      {"items", {"name", "source"}},
      // resolve's tables (sqlite_individuals_store.cc).
      {"person_records", {"record_key", "source"}},
      {"review_decisions", {"key_a", "key_b"}},
  };
  return tables;
}

// Re-seals one table's names, in pages of rows after the last rowid seen.
Status RekeyNames(sqlite3* db, const SealedNames& t, const Sealer& old_sealer,
                  const Sealer& new_sealer, RekeyCounts* counts) {
  if (!TableExists(db, t.table)) return {};
  Result<Statement> select = Statement::Prepare(
      db, "SELECT rowid, " + Join(t.columns, ", ") + " FROM " + t.table +
              " WHERE rowid > ?1 ORDER BY rowid LIMIT 2000");
  if (!select.ok()) return select.status();
  Result<Statement> update = Statement::Prepare(
      db, std::string("UPDATE ") + t.table + " SET " + Join(t.columns, ", ", " = ?") +
              " WHERE rowid = ?");
  if (!update.ok()) return update.status();
  int64_t last = INT64_MIN;
  while (true) {
    select.value().BindInt(1, last);
    std::vector<std::pair<int64_t, std::vector<std::string>>> page;
    while (true) {
      Result<bool> row = select.value().Next("rekey: read names");
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      std::vector<std::string> resealed;
      for (size_t i = 0; i < t.columns.size(); ++i) {
        Result<std::string> plain =
            old_sealer.UnsealName(select.value().ColumnText(static_cast<int>(i + 1)));
        if (!plain.ok()) {
          select.value().Reset();
          return Status(plain.status().code(), std::string("rekey: a name in ") + t.table +
                                                   ": " + plain.status().message());
        }
        resealed.push_back(new_sealer.SealName(plain.value()));
      }
      page.emplace_back(select.value().ColumnInt(0), std::move(resealed));
    }
    if (page.empty()) return {};
    for (const auto& [rowid, names] : page) {
      int col = 1;
      for (const std::string& name : names) update.value().BindText(col++, name);
      BS_RETURN_IF_ERROR(update.value().BindInt(col, rowid).Run("rekey: write names"));
      counts->names += names.size();
    }
    last = page.back().first;
  }
}

// Records how the new key is obtained (see RekeySqliteCase).
Status WriteKeySource(sqlite3* db, std::string_view passphrase_kdf) {
  Result<Statement> stmt = Statement::Prepare(
      db, passphrase_kdf.empty()
              ? "DELETE FROM meta WHERE key = 'passphrase_kdf'"
              : "INSERT OR REPLACE INTO meta(key, value) "
                "VALUES ('passphrase_kdf', ?1)");
  if (!stmt.ok()) return stmt.status();
  if (!passphrase_kdf.empty()) stmt.value().BindText(1, passphrase_kdf);
  return stmt.value().Run("rekey: key source");
}

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

}  // namespace

Result<RekeyCounts> RekeySqliteCase(const std::string& case_dir,
                                    const Sealer& old_sealer,
                                    const Sealer& new_sealer,
                                    std::string_view passphrase_kdf) {
  const std::string path = case_dir + "/case.db";
  if (!std::filesystem::exists(path)) return NotFound("no case in " + case_dir);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  if (rc != SQLITE_OK) return sqlite::SqliteStatus(raw, rc, "open case");
  BS_RETURN_IF_ERROR(sqlite::ConfigureConnection(db.get()));
  // Refuses a case newer than this build, and gives a case no build of
  // this version has opened yet the columns read below (seal_form).
  BS_RETURN_IF_ERROR(sqlite::InitOrCheckSchema(db.get(), old_sealer.scheme()));
  BS_RETURN_IF_ERROR(sqlite::Exec(db.get(), "BEGIN IMMEDIATE", "rekey"));
  RekeyCounts counts;
  Status st = sqlite::CheckOrRecordKey(db.get(), old_sealer);
  for (const SealedTable& table : SealedTables()) {
    if (!st.ok()) break;
    st = RekeyTable(db.get(), table, old_sealer, new_sealer, &counts);
  }
  for (const SealedNames& table : SealedNameColumns()) {
    if (!st.ok()) break;
    st = RekeyNames(db.get(), table, old_sealer, new_sealer, &counts);
  }
  if (st.ok()) st = sqlite::WriteKeyCheck(db.get(), new_sealer);
  if (st.ok()) st = WriteKeySource(db.get(), passphrase_kdf);
  if (!st.ok()) {
    (void)sqlite::Exec(db.get(), "ROLLBACK", "rekey");
    return st;
  }
  BS_RETURN_IF_ERROR(sqlite::Exec(db.get(), "COMMIT", "rekey"));
  // Old ciphertexts may linger in WAL frames until a checkpoint.
  BS_RETURN_IF_ERROR(sqlite::Exec(db.get(), "PRAGMA wal_checkpoint(TRUNCATE)",
                                  "rekey: checkpoint"));
  return counts;
}

}  // namespace breachscope
