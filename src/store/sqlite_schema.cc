#include "store/sqlite_schema.h"

#include <charconv>
#include <string>
#include <system_error>

#include "store/sqlite_shape_inputs.h"
#include "store/sqlite_statement.h"

namespace breachscope::sqlite {
namespace {

// Only sealed forms of PHI are stored: value_sealed and normalized_sealed
// come from the Sealer in the row's seal_form (store/sealed_finding.h: one
// seal of both values in value_sealed and an empty normalized_sealed, or,
// in rows of version-1 cases, a seal each), value_hash (raw digest bytes)
// from Sealer::Hash.
// The other finding columns are assumed free of PHI: label and path are
// column headers and field paths, explanation is scoring text that
// detectors must never build from the value itself.
//
// Findings are the bulk of a case (hundreds per item), so their rows are
// kept small, which is what makes bulk inserts fast:
// - category, detector, explanation, label, path and table are ids into
//   `strings` (0 is the empty string, which has no row);
// - role and unit_kind are small codes (see sqlite_case_store.cc);
// - the location text is not stored: it is rendered from the location
//   fields at read time (Location::ToString), so it always matches them;
// - WITHOUT ROWID: the (item_id, seq) key is the table itself rather than a
//   second b-tree next to a rowid table, and rows come back in that order.
// No foreign key on the string ids: they are checked when a case is read,
// and a check per id per row would cost an index probe each.
constexpr std::string_view kCreateSchema = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE scans (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  roots        TEXT NOT NULL,
  threads      INTEGER NOT NULL,
  sources      INTEGER,
  skipped_done INTEGER,
  bytes        INTEGER,
  seconds      REAL
);
CREATE TABLE sources (
  name     TEXT PRIMARY KEY,
  size     INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  state    TEXT NOT NULL CHECK (state IN ('begun', 'done')),
  scan_id  INTEGER REFERENCES scans(id)
);
CREATE TABLE items (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  source        TEXT NOT NULL,
  format        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('scanned', 'error', 'skipped')),
  error_code    TEXT NOT NULL,
  error_message TEXT NOT NULL,
  bytes         INTEGER NOT NULL,
  units         INTEGER NOT NULL,
  warnings      INTEGER NOT NULL,
  depth         INTEGER NOT NULL,
  ocr_pages     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX items_by_source ON items(source);
CREATE TABLE strings (
  id   INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE
);
CREATE TABLE findings (
  item_id           INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  seq               INTEGER NOT NULL,
  category_id       INTEGER NOT NULL,
  detector_id       INTEGER NOT NULL,
  value_sealed      BLOB NOT NULL,
  normalized_sealed BLOB NOT NULL,
  value_hash        BLOB NOT NULL,
  value_key         INTEGER NOT NULL,
  confidence        REAL NOT NULL,
  explanation_id    INTEGER NOT NULL,
  role              INTEGER NOT NULL,
  unit_kind         INTEGER NOT NULL,
  record            INTEGER NOT NULL,
  col               INTEGER NOT NULL,
  label_id          INTEGER NOT NULL,
  path_id           INTEGER NOT NULL,
  tbl_id            INTEGER NOT NULL,
  offset_bytes      INTEGER NOT NULL,
  seal_form         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, seq)
) WITHOUT ROWID;
)sql";

// Built in bulk rather than row by row: value hashes are random, so keeping
// this index up to date during inserts rewrites about one index page per
// finding at every commit, which made bulk inserts 3-4 times slower.
// It indexes value_key, the first 8 bytes of value_hash as an integer, not
// the BLOB: SQLite's sorter compares integer keys on a fast path, which
// halves the build, and the index gets smaller. A look-up matches
// value_key and then value_hash, so a 64-bit collision costs nothing.
constexpr std::string_view kCreateLookupIndexes =
    "CREATE INDEX IF NOT EXISTS findings_by_hash ON findings(value_key)";

// Runs a query returning one integer (0 when no row).
Result<int64_t> QueryInt(sqlite3* db, std::string_view sql,
                         std::string_view op) {
  Result<Statement> stmt = Statement::Prepare(db, sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt.value().Next(op);
  if (!row.ok()) return row.status();
  if (!row.value()) return int64_t{0};
  const int64_t v = stmt.value().ColumnInt(0);
  stmt.value().Reset();
  return v;
}

Status ReadMeta(sqlite3* db, std::string_view key, std::string* out) {
  Result<Statement> stmt =
      Statement::Prepare(db, "SELECT value FROM meta WHERE key = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt.value().BindText(1, key);
  Result<bool> row = stmt.value().Next("read case metadata");
  if (!row.ok()) return row.status();
  if (!row.value()) {
    return Corrupt("case metadata lacks '" + std::string(key) + "'");
  }
  *out = std::string(stmt.value().ColumnText(0));
  stmt.value().Reset();
  return {};
}

Status CreateSchema(sqlite3* db, std::string_view scheme) {
  BS_RETURN_IF_ERROR(Exec(db, kCreateSchema, "create case schema"));
  Result<Statement> stmt =
      Statement::Prepare(db, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
  if (!stmt.ok()) return stmt.status();
  const std::string version = std::to_string(kSchemaVersion);
  BS_RETURN_IF_ERROR(stmt.value()
                         .BindText(1, "schema_version")
                         .BindText(2, version)
                         .Run("write case metadata"));
  return stmt.value()
      .BindText(1, "sealer_scheme")
      .BindText(2, scheme)
      .Run("write case metadata");
}

Status CheckSchema(sqlite3* db, std::string_view scheme) {
  Result<int64_t> has_meta = QueryInt(
      db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'",
      "read case metadata");
  if (!has_meta.ok()) return has_meta.status();
  if (has_meta.value() == 0) {
    return InvalidArgument("case.db is a database but not a breachscope case");
  }
  std::string version_text;
  BS_RETURN_IF_ERROR(ReadMeta(db, "schema_version", &version_text));
  int version = 0;
  const char* end = version_text.data() + version_text.size();
  auto [ptr, ec] = std::from_chars(version_text.data(), end, version);
  if (ec != std::errc() || ptr != end) {
    return Corrupt("case schema version is not a number");
  }
  if (version > kSchemaVersion) {
    return Unsupported("case schema version " + std::to_string(version) +
                       " is newer than this build supports (" +
                       std::to_string(kSchemaVersion) + "); upgrade breachscope");
  }
  if (version < 1) return Corrupt("case schema version is invalid");
  std::string stored_scheme;
  BS_RETURN_IF_ERROR(ReadMeta(db, "sealer_scheme", &stored_scheme));
  if (stored_scheme != scheme) {
    return InvalidArgument("case is sealed with scheme '" + stored_scheme +
                           "' but was opened with scheme '" +
                           std::string(scheme) + "'");
  }
  return {};
}

// Adds `column` (a definition with a default) to `table` when missing.
Status AddColumnIfMissing(sqlite3* db, std::string_view table,
                          std::string_view column, std::string_view definition) {
  Result<int64_t> has = QueryInt(
      db, "SELECT count(*) FROM pragma_table_info('" + std::string(table) +
              "') WHERE name = '" + std::string(column) + "'",
      "read case schema");
  if (!has.ok()) return has.status();
  if (has.value() > 0) return {};
  return Exec(db,
              "ALTER TABLE " + std::string(table) + " ADD COLUMN " +
                  std::string(column) + " " + std::string(definition),
              "add the " + std::string(table) + "' " + std::string(column) +
                  " column");
}

// Columns added since version 1 with a default, so a case written before
// them still opens (and older builds still write it): added when missing.
// seal_form's default is the form of every row a version-1 build writes.
Status AddMissingColumns(sqlite3* db) {
  BS_RETURN_IF_ERROR(AddColumnIfMissing(db, "items", "ocr_pages",
                                        "INTEGER NOT NULL DEFAULT 0"));
  return AddColumnIfMissing(db, "findings", "seal_form",
                            "INTEGER NOT NULL DEFAULT 0");
}

}  // namespace

Status ConfigureConnection(sqlite3* db) {
  // WAL with synchronous=NORMAL: commits append to the WAL without an fsync
  // (only checkpoints sync), which makes per-batch commits cheap. The price
  // is that a power loss or OS crash may lose the last committed batches;
  // the database itself stays consistent. That loss is harmless here: the
  // lost batches belong to sources not yet durably 'done', so the resumed
  // scan purges and redoes them.
  BS_RETURN_IF_ERROR(Exec(db, "PRAGMA busy_timeout = 10000", "configure case"));
  // 16 KiB pages for a new case (an existing one keeps its size: SQLite
  // applies this only before the file's first page is written, and so it
  // must come before the switch to WAL). Finding rows are about 200 bytes
  // and are appended in key order: larger pages mean fewer page splits,
  // b-tree levels and WAL frames per row. store_bench, 1M sealed findings:
  // writer 2.09-2.14 us CPU per finding with 4 KiB pages, 1.87 with 8 KiB,
  // 1.74-1.77 with 16 KiB, 1.95 with 64 KiB.
  BS_RETURN_IF_ERROR(Exec(db, "PRAGMA page_size = 16384", "configure case"));
  Result<Statement> wal = Statement::Prepare(db, "PRAGMA journal_mode = WAL");
  if (!wal.ok()) return wal.status();
  Result<bool> row = wal.value().Next("enable WAL journal");
  if (!row.ok()) return row.status();
  const std::string mode(row.value() ? wal.value().ColumnText(0) : "");
  wal.value().Reset();
  if (mode != "wal") {
    return Unsupported("case folder does not support SQLite WAL journaling "
                       "(got '" + mode + "'); use a local disk");
  }
  // secure_delete: rows of a re-scanned source are overwritten, not left in
  // free pages, since even sealed PHI should not linger. cache_size (KiB
  // when negative) keeps the finding indexes in memory during bulk inserts.
  return Exec(db,
              "PRAGMA synchronous = NORMAL;"
              "PRAGMA foreign_keys = ON;"
              "PRAGMA secure_delete = ON;"
              "PRAGMA temp_store = MEMORY;"
              "PRAGMA cache_size = -65536;",
              "configure case");
}

Status MarkOneSealRows(sqlite3* db) {
  // Text compared as a number: the version is stored as text.
  return Exec(db,
              "UPDATE meta SET value = '" +
                  std::to_string(kFirstOneSealVersion) +
                  "' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < " +
                  std::to_string(kFirstOneSealVersion),
              "mark the case as holding one-seal findings");
}

Status EnsureLookupIndexes(sqlite3* db) {
  return Exec(db, kCreateLookupIndexes, "build look-up indexes");
}

Status InitOrCheckSchema(sqlite3* db, std::string_view sealer_scheme) {
  // IMMEDIATE takes the write lock first, so two processes opening a new
  // case at once cannot both create the schema.
  BS_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE", "open case"));
  Result<int64_t> objects =
      QueryInt(db, "SELECT count(*) FROM sqlite_master", "open case");
  Status st = !objects.ok()            ? objects.status()
              : objects.value() == 0   ? CreateSchema(db, sealer_scheme)
                                       : CheckSchema(db, sealer_scheme);
  if (st.ok() && objects.value() != 0) st = AddMissingColumns(db);
  if (st.ok()) st = EnsureShapeInputIndex(db);  // new cases and older ones
  if (!st.ok()) {
    Exec(db, "ROLLBACK", "open case");  // the first error is the one to report
    return st;
  }
  return Exec(db, "COMMIT", "open case");
}

}  // namespace breachscope::sqlite
