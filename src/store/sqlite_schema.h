// Schema and connection set-up of the SQLite case database.
//
// Kept apart from the store so the layout of case.db is readable in one
// place. Internal to src/store.
#ifndef BREACHSCOPE_STORE_SQLITE_SCHEMA_H_
#define BREACHSCOPE_STORE_SQLITE_SCHEMA_H_

#include <sqlite3.h>

#include <string_view>

#include "common/status.h"

namespace breachscope::sqlite {

// Version of the layout below. Bump it, and add a migration, whenever a
// table or column changes; a build refuses cases newer than it knows.
inline constexpr int kSchemaVersion = 1;

// Sets the per-connection pragmas (WAL, synchronous, foreign keys, busy
// timeout, cache). Must run before any transaction.
Status ConfigureConnection(sqlite3* db);

// Creates the tables of an empty database, recording kSchemaVersion and the
// sealer scheme; on an existing case checks both instead. Fails with a
// clear message on another scheme, a newer schema or a foreign database.
Status InitOrCheckSchema(sqlite3* db, std::string_view sealer_scheme);

// Creates the indexes used for value_hash look-ups when absent. Cheap when
// they exist; a bulk build over all findings otherwise. Called when a scan
// ends, so the first (largest) scan of a case inserts without them; later
// scans maintain them row by row. Code that looks values up must call it.
Status EnsureLookupIndexes(sqlite3* db);

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_SCHEMA_H_
