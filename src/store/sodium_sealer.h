// SodiumSealer: the sealer of keyed cases. Two schemes, recorded in each
// case (meta 'sealer_scheme') and differing only in Hash:
// - "xchacha20poly1305-siphash128" (kSipHashScheme): every case created
//   now. Hash is SipHash-2-4 with a 128-bit output.
// - "xchacha20poly1305-blake2b" (kBlake2bScheme): cases created before it.
//   Hash is keyed BLAKE2b.
// A case keeps its scheme for life (rekey included): its stored hashes are
// compared with new ones, so one case has one hash function.
//
// Seal: XChaCha20-Poly1305 (IETF AEAD) under a subkey of the case key, with a
// fresh random 24-byte nonce per value, stored as nonce || ciphertext || tag
// (40 bytes more than the value). Random nonces are safe at this size: the
// chance of a repeat stays negligible for far more values than a case holds.
// Nonces come from a per-thread pool of kernel random bytes refilled 4 KiB
// at a time (not a system call per value); no pool byte is used twice.
// A run of seals (Sealer::BeginSealRun: a chunk of findings) draws one
// random 16-byte nonce prefix and counts in the last 8 bytes, so it derives
// the XChaCha subkey once for the run (sodium_sealer.cc, XChaChaRun); the
// messages are the same standard ones under distinct nonces. Readers open
// rows through an OpenRun that keeps the subkey of the last prefix seen.
// Unseal authenticates before decrypting, so a flipped byte or a value
// sealed under another key gives kCorrupt, never garbage.
//
// Hash: 16 bytes under a subkey of its own (the store's look-up index takes
// the first 8). Without the key, a guessed value cannot be confirmed from
// its hash. It only serves equality look-ups (findings_by_hash), so what it
// needs is a PRF: deterministic under the key, unpredictable without it.
// SipHash-2-4 (libsodium's crypto_shorthash_siphashx24, 128-bit output,
// subkey KeyPurpose::kShortHash of 16 bytes) is such a PRF and costs about
// 21 ns for a short value where keyed BLAKE2b costs about 285 ns (two
// compressions, the key block and the data block): a dense scan hashes one
// value per 12-16 bytes of input, so BLAKE2b was about 4% of its CPU.
// 128 bits keep collisions between distinct values negligible; SipHash is
// not a collision-resistant hash against someone holding the key, which a
// look-up key need not be (whoever holds the key can unseal the values).
//
// SealName: the same AEAD with a synthetic nonce (keyed BLAKE2b of the name
// under a third subkey), as URL-safe base64: deterministic, so sealed names
// still serve as keys and join columns. The same in both schemes.
//
// Thread-safe and immutable; key bytes are wiped on destruction.
#ifndef BREACHSCOPE_STORE_SODIUM_SEALER_H_
#define BREACHSCOPE_STORE_SODIUM_SEALER_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/case_key.h"
#include "store/sealer.h"

namespace breachscope {

inline constexpr std::string_view kSipHashScheme = "xchacha20poly1305-siphash128";
inline constexpr std::string_view kBlake2bScheme = "xchacha20poly1305-blake2b";
// The scheme of cases created from now on.
inline constexpr std::string_view kNewCaseScheme = kSipHashScheme;

// A sealer of the scheme new cases get (kNewCaseScheme).
std::unique_ptr<Sealer> NewSodiumSealer(const CaseKey& key);
// A sealer of the older BLAKE2b scheme, for cases that record it.
std::unique_ptr<Sealer> NewBlake2bSealer(const CaseKey& key);
// The keyed sealer of `scheme` (a case's recorded sealer_scheme); kUnsupported
// with the scheme's name when it is not a keyed scheme this build knows.
Result<std::unique_ptr<Sealer>> NewSealerForScheme(std::string_view scheme,
                                                   const CaseKey& key);
// The sealer for the case in `case_dir`: of the scheme its meta records,
// so an existing case goes on with the hash its findings already carry,
// and of kNewCaseScheme when there is no case yet. A case.db whose scheme
// cannot be read (empty, or not a case) gets kNewCaseScheme too: opening
// the store then creates the schema, or says what is wrong, and refuses a
// scheme other than the recorded one in any case.
Result<std::unique_ptr<Sealer>> NewCaseSealer(const std::string& case_dir,
                                              const CaseKey& key);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SODIUM_SEALER_H_
