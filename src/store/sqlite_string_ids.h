// StringIds: the interned non-PHI strings of a case (the `strings` table).
//
// Finding rows repeat a few strings over and over (category, detector,
// explanation, column label, field path, table name). Each is stored once
// in `strings` and findings refer to it by id, which keeps finding rows
// small; a bounded in-memory table (StringIdCache) makes the id look-up of
// a repeated string a hash probe instead of a query. The empty string is id 0 and never
// stored, so the common "no label / no path / no table" costs nothing.
//
// Only non-PHI text may be interned: the table is never sealed.
//
// Ids are stable once committed (strings are never deleted). An id handed
// out inside a batch that SQLite later rolls back would be stale, so the
// owner must call Forget() whenever it loses a batch. Threading: one thread
// at a time, like the connection. Internal to src/store.
#ifndef BREACHSCOPE_STORE_SQLITE_STRING_IDS_H_
#define BREACHSCOPE_STORE_SQLITE_STRING_IDS_H_

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/sqlite_statement.h"
#include "store/string_id_cache.h"

namespace breachscope::sqlite {

class StringIds {
 public:
  // Strings kept in memory before the cache is dropped and refilled; bounds
  // memory when a share yields unbounded distinct paths.
  static constexpr size_t kMaxCached = StringIdCache::kMaxEntries;

  StringIds() = default;
  Status Prepare(sqlite3* db);

  // The id of `text`, inserting it when new. Must run inside a write
  // transaction when `text` may be new.
  Result<int64_t> IdOf(std::string_view text);
  // Drops the cache; ids are looked up again.
  void Forget() { cache_.Clear(); }

  // Reads the whole table: (*out)[id] is the text of id (0 is "").
  static Status LoadAll(sqlite3* db, std::vector<std::string>* out);

 private:
  Statement select_;
  Statement insert_;
  StringIdCache cache_;
};

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_STRING_IDS_H_
