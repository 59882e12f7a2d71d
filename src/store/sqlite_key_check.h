// The key check value of a case: proof, kept in the database, that a key is
// the case's key, without the key itself being there.
//
// meta 'key_check' holds Seal(kKeyCheckText) in hex. Opening a case unseals
// it: with the wrong key the AEAD tag fails and the open is refused with
// kEncrypted ("wrong key") before any finding is read. A case without a
// check yet (just created) gets one. Internal to src/store.
#ifndef BREACHSCOPE_STORE_SQLITE_KEY_CHECK_H_
#define BREACHSCOPE_STORE_SQLITE_KEY_CHECK_H_

#include <sqlite3.h>

#include <string>

#include "common/status.h"
#include "store/sealer.h"

namespace breachscope::sqlite {

inline constexpr std::string_view kKeyCheckText = "breachscope key check v1";

// Checks the stored key check against `sealer`, recording one when absent.
Status CheckOrRecordKey(sqlite3* db, const Sealer& sealer);

// Replaces the key check with one made by `sealer` (rekey; inside the
// caller's transaction).
Status WriteKeyCheck(sqlite3* db, const Sealer& sealer);

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_KEY_CHECK_H_
