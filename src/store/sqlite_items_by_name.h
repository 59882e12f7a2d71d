// Item listings in name order. Item names are sealed, and sealed names sort
// by ciphertext, so a listing unseals the names and sorts them here.
#ifndef BREACHSCOPE_STORE_SQLITE_ITEMS_BY_NAME_H_
#define BREACHSCOPE_STORE_SQLITE_ITEMS_BY_NAME_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "store/sealer.h"

namespace breachscope::sqlite {

// (name, id) of the items `where` selects ("WHERE status = 'error'"),
// names unsealed, sorted by name.
Result<std::vector<std::pair<std::string, int64_t>>> ItemsByName(
    sqlite3* db, const Sealer& sealer, std::string_view where);

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_ITEMS_BY_NAME_H_
