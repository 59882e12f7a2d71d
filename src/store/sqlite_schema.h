// Schema and connection set-up of the SQLite case database.
//
// Kept apart from the store so the layout of case.db is readable in one
// place. Internal to src/store.
#ifndef BREACHSCOPE_STORE_SQLITE_SCHEMA_H_
#define BREACHSCOPE_STORE_SQLITE_SCHEMA_H_

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/finding.h"
#include "common/status.h"

namespace breachscope::sqlite {

// Version of the layout below. Bump it, and add a migration, whenever a
// table or column changes; a build refuses cases newer than it knows.
//
// 2: findings rows may be of the one-seal form (findings.seal_form = 1,
//    store/sealed_finding.h), which a version-1 build would misread (it
//    would take the whole one-seal message for the value and fail on the
//    empty normalized_sealed). A new case starts at 2. A version-1 case
//    opened by this build gets the seal_form column (default 0, the
//    two-seal form of all its rows; version-1 builds ignore the column and
//    their rows keep its default) and stays at version 1, still open to
//    older builds, until this build writes a finding into it: then it is
//    marked 2, in the transaction of that first row (see
//    MarkOneSealRows). Its old rows are never rewritten, except by
//    `case rekey`, which keeps each row's form.
inline constexpr int kSchemaVersion = 2;
inline constexpr int kFirstOneSealVersion = 2;

// Stored codes of Role (findings.role) and UnitKind (findings.unit_kind).
// Part of the case format, so spelled out rather than taken from the enums'
// order; unknown codes read back as kUnknown / kText.
inline int64_t RoleCode(Role role) {
  switch (role) {
    case Role::kPatient: return 1;
    case Role::kStaff: return 2;
    case Role::kRelated: return 3;
    case Role::kUnknown: break;
  }
  return 0;
}
inline Role RoleFromCode(int64_t code) {
  switch (code) {
    case 1: return Role::kPatient;
    case 2: return Role::kStaff;
    case 3: return Role::kRelated;
    default: return Role::kUnknown;
  }
}
inline int64_t UnitKindCode(UnitKind kind) {
  switch (kind) {
    case UnitKind::kTableCell: return 1;
    case UnitKind::kField: return 2;
    case UnitKind::kText: break;
  }
  return 0;
}
inline UnitKind UnitKindFromCode(int64_t code) {
  switch (code) {
    case 1: return UnitKind::kTableCell;
    case 2: return UnitKind::kField;
    default: return UnitKind::kText;
  }
}

// findings.value_key of a Sealer::Hash digest: its first 8 bytes, big-endian,
// as a signed integer (zero-padded when shorter). Look-ups by value compute
// it the same way, then compare value_hash itself.
inline int64_t ValueKey(std::string_view hash) {
  uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i) {
    key = (key << 8) | (i < hash.size() ? static_cast<unsigned char>(hash[i]) : 0u);
  }
  return static_cast<int64_t>(key);
}

// Sets the per-connection pragmas (WAL, synchronous, foreign keys, busy
// timeout, cache). Must run before any transaction.
Status ConfigureConnection(sqlite3* db);

// Creates the tables of an empty database, recording kSchemaVersion and the
// sealer scheme; on an existing case checks both instead. Fails with a
// clear message on another scheme, a newer schema or a foreign database.
// The scheme (meta 'sealer_scheme', store/sodium_sealer.h) is fixed when
// the case is made: value_hash of every row comes from its Hash, so a case
// made with "xchacha20poly1305-blake2b" stays so after SipHash became the
// scheme of new cases, and a build that predates a scheme refuses its
// cases with this message instead of mixing hash functions.
Status InitOrCheckSchema(sqlite3* db, std::string_view sealer_scheme);

// Records that the case holds one-seal findings (schema version
// kFirstOneSealVersion) when it says less. Must run inside the write
// transaction that inserts them, so an older build never opens a case
// whose version promises rows it can read but that holds others.
Status MarkOneSealRows(sqlite3* db);

// Creates the indexes used for value_hash look-ups when absent. Cheap when
// they exist; a bulk build over all findings otherwise. Code that looks
// values up must call it first: it is built on that first need, not when a
// scan ends, so scans insert without it (kept row by row, it made inserts
// 3-4 times slower) and a case nobody looks values up in never pays the
// build. A case that has it (built by an older version) keeps it, and
// inserts maintain it.
Status EnsureLookupIndexes(sqlite3* db);

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_SCHEMA_H_
