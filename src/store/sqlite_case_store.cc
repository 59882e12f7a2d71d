// Opening the case and the write path of SqliteCaseStore. The read path
// (summary, listings, export iteration) is in sqlite_case_store_read.cc.
#include "store/sqlite_case_store.h"

#include "store/json_quote.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>

#include "store/sqlite_key_check.h"
#include "store/sqlite_schema.h"

namespace breachscope {
namespace {

using sqlite::Statement;

constexpr char kDbFileName[] = "case.db";

// Creates the case folder (and parents) when absent. A folder created here
// is made owner-only: the case is the most sensitive data set around.
Status EnsureCaseDir(const std::string& case_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(case_dir, ec)) return {};
  if (!fs::create_directories(case_dir, ec) && ec) {
    return IoError("create case folder: " + ec.message());
  }
  fs::permissions(case_dir, fs::perms::owner_all, fs::perm_options::replace,
                  ec);
  if (ec) return IoError("restrict case folder: " + ec.message());
  return {};
}

// Creates an empty owner-only database file if there is none. SQLite gives
// its -wal and -shm files the mode of the database file, so they inherit it.
Status EnsureDbFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {
    return IoError("create case database: " + std::string(std::strerror(errno)));
  }
  ::close(fd);
  return {};
}

// Roots as a JSON array of strings (they are file paths, so only quotes,
// backslashes and control bytes need escaping).
std::string RootsJson(const std::vector<std::string>& roots) {
  std::string out = "[";
  for (size_t i = 0; i < roots.size(); ++i) {
    if (i > 0) out += ',';
    out += JsonQuoted(roots[i]);
  }
  return out + "]";
}

constexpr char kNow[] = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

}  // namespace

Result<std::unique_ptr<CaseStore>> OpenSqliteCaseStore(
    const std::string& case_dir, std::unique_ptr<Sealer> sealer) {
  Result<std::unique_ptr<SqliteCaseStore>> store =
      SqliteCaseStore::Open(case_dir, std::move(sealer));
  if (!store.ok()) return store.status();
  return std::unique_ptr<CaseStore>(std::move(store).value());
}

Result<std::unique_ptr<SqliteCaseStore>> SqliteCaseStore::Open(
    const std::string& case_dir, std::unique_ptr<Sealer> sealer) {
  if (sealer == nullptr) return InvalidArgument("open case: no sealer given");
  BS_RETURN_IF_ERROR(EnsureCaseDir(case_dir));
  const std::string path =
      (std::filesystem::path(case_dir) / kDbFileName).string();
  BS_RETURN_IF_ERROR(EnsureDbFile(path));

  sqlite3* raw = nullptr;
  // NOMUTEX: the store is used by one thread at a time, so SQLite's own
  // per-call locking would be pure overhead.
  const int rc = sqlite3_open_v2(
      path.c_str(), &raw,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
      nullptr);
  DbHandle db(raw);  // closes even when open failed
  if (rc != SQLITE_OK) return sqlite::SqliteStatus(raw, rc, "open case");
  BS_RETURN_IF_ERROR(sqlite::ConfigureConnection(db.get()));
  BS_RETURN_IF_ERROR(sqlite::InitOrCheckSchema(db.get(), sealer->scheme()));
  // Before anything is read: a wrong key must fail here, clearly.
  BS_RETURN_IF_ERROR(sqlite::CheckOrRecordKey(db.get(), *sealer));

  std::unique_ptr<SqliteCaseStore> store(
      new SqliteCaseStore(std::move(db), std::move(sealer)));
  BS_RETURN_IF_ERROR(store->PrepareStatements());
  return store;
}

SqliteCaseStore::SqliteCaseStore(DbHandle db, std::unique_ptr<Sealer> sealer)
    : db_(std::move(db)), sealer_(std::move(sealer)) {}

SqliteCaseStore::~SqliteCaseStore() {
  if (in_batch_ && broken_.ok()) (void)Flush();  // best effort, see header
  if (in_batch_) (void)sqlite::Exec(db_.get(), "ROLLBACK", "close case");
}

Status SqliteCaseStore::PrepareStatements() {
  const std::string now = kNow;
  const std::pair<Statement*, std::string> all[] = {
      {&begin_, "BEGIN IMMEDIATE"},
      {&commit_, "COMMIT"},
      {&insert_scan_, "INSERT INTO scans(started_at, roots, threads) VALUES (" +
                          now + ", ?1, ?2)"},
      {&end_scan_, "UPDATE scans SET finished_at = " + now +
                       ", sources = ?2, skipped_done = ?3, bytes = ?4, "
                       "seconds = ?5 WHERE id = ?1"},
      {&source_done_, "SELECT 1 FROM sources WHERE name = ?1 AND state = 'done' "
                      "AND size = ?2 AND mtime_ns = ?3"},
      {&delete_source_findings_,
       "DELETE FROM findings WHERE item_id IN "
       "(SELECT id FROM items WHERE source = ?1)"},
      {&delete_source_items_, "DELETE FROM items WHERE source = ?1"},
      {&upsert_source_,
       "INSERT INTO sources(name, size, mtime_ns, state, scan_id) "
       "VALUES (?1, ?2, ?3, 'begun', ?4) ON CONFLICT(name) DO UPDATE SET "
       "size = excluded.size, mtime_ns = excluded.mtime_ns, state = 'begun', "
       "scan_id = excluded.scan_id"},
      {&finish_source_, "UPDATE sources SET state = 'done', size = ?2, "
                        "mtime_ns = ?3 WHERE name = ?1 AND state = 'begun'"},
      // Findings first: during a scan ON DELETE CASCADE is off (BeginScan).
      {&delete_item_findings_, "DELETE FROM findings WHERE item_id = ?1"},
      {&delete_item_, "DELETE FROM items WHERE id = ?1"},
      {&insert_item_,
       "INSERT INTO items(name, source, format, status, error_code, "
       "error_message, bytes, units, warnings, depth, ocr_pages) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
      {&update_item_,
       "UPDATE items SET format = ?2, status = ?3, error_code = ?4, "
       "error_message = ?5, bytes = ?6, units = ?7, warnings = ?8, "
       "depth = ?9, ocr_pages = ?10 WHERE id = ?1"},
  };
  for (const auto& [stmt, sql] : all) {
    Result<Statement> prepared = Statement::Prepare(db_.get(), sql);
    if (!prepared.ok()) return prepared.status();
    *stmt = std::move(prepared).value();
  }
  return findings_.Prepare(db_.get(), sealer_.get());
}

template <typename Body>
Status SqliteCaseStore::Write(Body body) {
  if (!broken_.ok()) return broken_;
  if (!in_batch_) {
    BS_RETURN_IF_ERROR(begin_.Run("begin batch"));
    in_batch_ = true;
  }
  Status st = body();
  if (!st.ok()) return CheckBatchAfter(std::move(st));
  return {};
}

Status SqliteCaseStore::CheckBatchAfter(Status error) {
  if (!in_batch_ || sqlite3_get_autocommit(db_.get()) == 0) return error;
  // SQLite rolled back the whole batch (I/O error, disk full): the rows
  // written since the last commit are gone, so carrying on would record
  // sources as done without their items.
  in_batch_ = false;
  batch_rows_ = 0;
  findings_.Forget();  // ids handed out in the lost batch are gone too
  broken_ = Status(error.code(), error.message() +
                                     " (uncommitted batch lost; reopen the "
                                     "case and resume the scan)");
  return broken_;
}

Status SqliteCaseStore::CountRows(int64_t rows) {
  batch_rows_ += rows;
  if (batch_rows_ < kBatchRows) return {};
  // The caller's rows are in the batch whatever the commit does, so only a
  // lost batch is this call's failure (a retry would duplicate the rows).
  // A commit that merely could not run stays pending: it is retried at the
  // next row and reported by Flush().
  Status st = Flush();
  return broken_.ok() ? Status() : st;
}

Status SqliteCaseStore::Flush() {
  if (!broken_.ok()) return broken_;
  if (!in_batch_) return {};
  Status st = commit_.Run("commit batch");
  // A busy COMMIT leaves the batch open and can be retried; a COMMIT that
  // ended the transaction with an error lost it.
  if (!st.ok()) return CheckBatchAfter(std::move(st));
  in_batch_ = false;
  batch_rows_ = 0;
  return {};
}

Result<int64_t> SqliteCaseStore::BeginScan(const std::vector<std::string>& roots,
                                           int threads) {
  // A scan inserts millions of findings whose item ids come straight from
  // the item rows it has just written. Checking each against `items` (a
  // cursor opened, a seek and a close per row; 4% of the single writer's
  // CPU on a dense share in the b-tree seek alone) is wasted, so the
  // connection checks no foreign keys until EndScan; the deletes of a scan that ON DELETE
  // CASCADE served remove findings themselves (DeleteSourceRows, UndoItem).
  // SQLite changes the setting outside a transaction only.
  BS_RETURN_IF_ERROR(Flush());
  BS_RETURN_IF_ERROR(SetForeignKeys(false));
  // Scan roots are paths too, sealed like item names.
  const std::string roots_json = sealer_->SealName(RootsJson(roots));
  BS_RETURN_IF_ERROR(Write([&] {
    return insert_scan_.BindText(1, roots_json)
        .BindInt(2, threads)
        .Run("begin scan");
  }));
  scan_id_ = sqlite3_last_insert_rowid(db_.get());
  BS_RETURN_IF_ERROR(CountRows(1));
  return scan_id_;
}

Status SqliteCaseStore::EndScan(int64_t scan_id, const ScanTotals& totals) {
  BS_RETURN_IF_ERROR(Write([&]() -> Status {
    BS_RETURN_IF_ERROR(end_scan_.BindInt(1, scan_id)
                           .BindInt(2, static_cast<int64_t>(totals.sources))
                           .BindInt(3, static_cast<int64_t>(totals.skipped_done))
                           .BindInt(4, static_cast<int64_t>(totals.bytes))
                           .BindDouble(5, totals.seconds)
                           .Run("end scan"));
    if (sqlite3_changes(db_.get()) == 0) {
      return NotFound("end scan: no scan " + std::to_string(scan_id));
    }
    // The value_hash index is not built here: no reader of a case looks
    // values up yet, and the bulk build was an eighth of a dense scan's
    // CPU. Whoever first looks values up builds it (EnsureLookupIndexes).
    return {};
  }));
  if (scan_id == scan_id_) scan_id_ = 0;
  BS_RETURN_IF_ERROR(Flush());  // the end of a scan is a natural point to be durable
  return SetForeignKeys(true);
}

Status SqliteCaseStore::SetForeignKeys(bool on) {
  return sqlite::Exec(db_.get(),
                      on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF",
                      "set foreign key checks");
}

Status SqliteCaseStore::PurgeUnfinishedSources() {
  constexpr std::string_view kPurge =
      "DELETE FROM findings WHERE item_id IN (SELECT id FROM items WHERE "
      "source NOT IN (SELECT name FROM sources WHERE state = 'done'));"
      "DELETE FROM items WHERE source NOT IN "
      "(SELECT name FROM sources WHERE state = 'done');"
      "DELETE FROM sources WHERE state <> 'done';";
  BS_RETURN_IF_ERROR(Write([&] {
    return sqlite::Exec(db_.get(), kPurge, "purge unfinished sources");
  }));
  return Flush();  // a resumed scan must not see the purged rows come back
}

Result<bool> SqliteCaseStore::IsSourceDone(const SourceKey& key) {
  const std::string sealed_name = sealer_->SealName(key.name);  // bound, not copied
  source_done_.BindText(1, sealed_name)
      .BindInt(2, static_cast<int64_t>(key.size))
      .BindInt(3, key.mtime_ns);
  Result<bool> row = source_done_.Next("check source");
  if (row.ok() && row.value()) source_done_.Reset();
  return row;
}

Status SqliteCaseStore::DeleteSourceRows(std::string_view source) {
  BS_RETURN_IF_ERROR(
      delete_source_findings_.BindText(1, source).Run("delete source findings"));
  return delete_source_items_.BindText(1, source).Run("delete source items");
}

Status SqliteCaseStore::BeginSource(const SourceKey& key) {
  BS_RETURN_IF_ERROR(Write([&]() -> Status {
    // Mark the source 'begun' before deleting its old rows: if a delete
    // fails, the leftovers belong to an unfinished source and get purged.
    const std::string sealed_name = sealer_->SealName(key.name);
    upsert_source_.BindText(1, sealed_name)
        .BindInt(2, static_cast<int64_t>(key.size))
        .BindInt(3, key.mtime_ns);
    if (scan_id_ != 0) {
      upsert_source_.BindInt(4, scan_id_);
    } else {
      upsert_source_.BindNull(4);
    }
    BS_RETURN_IF_ERROR(upsert_source_.Run("begin source"));
    return DeleteSourceRows(sealed_name);
  }));
  return CountRows(1);
}

Status SqliteCaseStore::FinishSource(const SourceKey& key) {
  BS_RETURN_IF_ERROR(Write([&]() -> Status {
    BS_RETURN_IF_ERROR(finish_source_.BindText(1, sealer_->SealName(key.name))
                           .BindInt(2, static_cast<int64_t>(key.size))
                           .BindInt(3, key.mtime_ns)
                           .Run("finish source"));
    if (sqlite3_changes(db_.get()) == 0) {
      return InvalidArgument("finish source: source was not begun");
    }
    return {};
  }));
  return CountRows(1);
}

namespace {

// The item's columns from format to ocr_pages, bound from `first` on: the
// insert and the last part's update write the same ones.
sqlite::Statement& BindItemOutcome(sqlite::Statement& stmt, int first,
                                   const ItemRecord& item) {
  return stmt.BindText(first, item.format)
      .BindText(first + 1, ItemStatusName(item.status))
      .BindText(first + 2, item.error_code)
      .BindText(first + 3, item.error_message)
      .BindInt(first + 4, static_cast<int64_t>(item.bytes))
      .BindInt(first + 5, static_cast<int64_t>(item.units))
      .BindInt(first + 6, static_cast<int64_t>(item.warnings))
      .BindInt(first + 7, item.depth)
      .BindInt(first + 8, static_cast<int64_t>(item.ocr_pages));
}

}  // namespace

Status SqliteCaseStore::InsertItemRow(const ItemRecord& item,
                                      int64_t* item_id) {
  BS_RETURN_IF_ERROR(
      BindItemOutcome(insert_item_.BindText(1, sealer_->SealName(item.name))
                          .BindText(2, sealer_->SealName(item.source)),
                      3, item)
          .Run("insert item"));
  *item_id = sqlite3_last_insert_rowid(db_.get());
  return {};
}

Status SqliteCaseStore::AddSealedItem(const ItemRecord& item,
                                      const std::vector<Finding>& findings,
                                      const SealedFindings& sealed) {
  if (sealed.size() != findings.size()) {
    return InvalidArgument("add item: one sealed row per finding needed");
  }
  BS_RETURN_IF_ERROR(Write([&]() -> Status {
    int64_t item_id = 0;
    BS_RETURN_IF_ERROR(InsertItemRow(item, &item_id));
    Status st = findings_.InsertSealed(item_id, findings, sealed);
    if (!st.ok()) return UndoItem(item_id, std::move(st));
    return {};
  }));
  return CountRows(1 + static_cast<int64_t>(findings.size()));
}

Status SqliteCaseStore::AddSealedItemPart(const ItemRecord& item,
                                          const std::vector<Finding>& findings,
                                          const SealedFindings& sealed,
                                          const std::vector<int64_t>& seqs,
                                          bool last) {
  if (seqs.size() != findings.size() || sealed.size() != findings.size()) {
    return InvalidArgument(
        "add item part: one seq and one sealed row per finding needed");
  }
  auto open = part_items_.find(item.name);
  const bool first = open == part_items_.end();
  int64_t item_id = first ? 0 : open->second;
  Status written = Write([&]() -> Status {
    if (first) {
      BS_RETURN_IF_ERROR(InsertItemRow(item, &item_id));
    } else if (last) {
      BS_RETURN_IF_ERROR(
          BindItemOutcome(update_item_.BindInt(1, item_id), 2, item)
              .Run("update item"));
    }
    // A failed part removes the whole item: its earlier parts are
    // incomplete without it.
    Status st = findings_.InsertSealed(item_id, findings, sealed, &seqs);
    if (!st.ok()) return UndoItem(item_id, std::move(st));
    return {};
  });
  if (last || !written.ok()) {
    if (!first) part_items_.erase(open);
  } else if (first) {
    part_items_.emplace(item.name, item_id);
  }
  BS_RETURN_IF_ERROR(written);
  return CountRows((first ? 1 : 0) + static_cast<int64_t>(findings.size()));
}

Status SqliteCaseStore::UndoItem(int64_t item_id, Status error) {
  // A savepoint per item would make this automatic, but SQLite then copies
  // every page the item touches into a statement journal, which halved
  // insert speed. Failures after the item row are rare; undo by hand.
  if (sqlite3_get_autocommit(db_.get()) != 0) return error;  // batch gone
  Status undo =
      delete_item_findings_.BindInt(1, item_id).Run("undo failed item");
  if (undo.ok()) undo = delete_item_.BindInt(1, item_id).Run("undo failed item");
  if (!undo.ok()) {
    broken_ = Status(undo.code(), undo.message() + " after " + error.message());
  }
  return error;
}

}  // namespace breachscope
