// Re-sealing a whole SQLite case under a new key (`breachscope case rekey`).
//
// Every sealed column of every table listed in kSealedTables is unsealed
// with the old sealer and sealed again with the new one (findings rows in
// the seal form each has, sealed_finding.h), and so is every
// sealed name (SealedNameColumns: paths, record keys); keyed hashes are
// recomputed; the key check is replaced. All in one transaction: the case is
// either wholly under the old key or wholly under the new one. Afterwards
// the WAL is checkpointed and truncated and (secure_delete being on) no old
// ciphertext is left in the file.
//
// A table added later that holds sealed values must be added to
// kSealedTables in sqlite_rekey.cc, or rekey would leave it unreadable.
#ifndef BREACHSCOPE_STORE_SQLITE_REKEY_H_
#define BREACHSCOPE_STORE_SQLITE_REKEY_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "store/sealer.h"

namespace breachscope {

struct RekeyCounts {
  uint64_t rows = 0;    // rows re-sealed
  uint64_t values = 0;  // seals re-made (one per one-seal finding)
  uint64_t names = 0;   // sealed names (paths) re-sealed
};

// kEncrypted when `old_sealer` does not open the case. `passphrase_kdf`
// is the new key's Argon2id parameters (meta 'passphrase_kdf') when it is
// derived from a passphrase, or empty when it lives in a key file; it is
// written (or removed) in the same transaction as the key check, so the
// case never says "passphrase" while sealed under a key file's key.
Result<RekeyCounts> RekeySqliteCase(const std::string& case_dir,
                                    const Sealer& old_sealer,
                                    const Sealer& new_sealer,
                                    std::string_view passphrase_kdf = {});

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SQLITE_REKEY_H_
