// A case key derived from a passphrase (Argon2id), instead of a key file.
//
// The key is crypto_pwhash(ARGON2ID13) of the passphrase under a random
// 16-byte salt and chosen limits. The salt and limits are not secret: they
// are kept in the case (meta 'passphrase_kdf', see PassphraseKdf::ToText)
// so every command derives the same key from the same passphrase. The
// passphrase itself is never stored. A wrong passphrase derives a wrong key,
// which the case's key check refuses like a wrong key file.
//
// Thread-safe: free functions over immutable values.
#ifndef BREACHSCOPE_STORE_CASE_KEY_PASSPHRASE_H_
#define BREACHSCOPE_STORE_CASE_KEY_PASSPHRASE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/case_key.h"
#include "store/sealer.h"

namespace breachscope {

// The meta key holding a passphrase case's KDF parameters.
inline constexpr std::string_view kPassphraseKdfMeta = "passphrase_kdf";

// How hard the derivation is, libsodium's named limits. Moderate (256 MiB,
// 3 passes, about a second) is the default; interactive (64 MiB, 2 passes)
// keeps tests fast; sensitive (1 GiB, 4 passes) for a strong machine.
enum class KdfStrength { kInteractive, kModerate, kSensitive };

// "interactive" | "moderate" | "sensitive"; kInvalidArgument otherwise.
Result<KdfStrength> ParseKdfStrength(std::string_view text);

// The parameters of one derivation.
struct PassphraseKdf {
  static constexpr size_t kSaltBytes = 16;  // crypto_pwhash_SALTBYTES
  uint64_t opslimit = 0;
  uint64_t memlimit = 0;  // bytes
  std::array<unsigned char, kSaltBytes> salt{};

  // Fresh parameters: a random salt and the limits of `strength`.
  static PassphraseKdf Fresh(KdfStrength strength);
  // One line, `argon2id13 ops=3 mem=268435456 salt=<32 hex>`.
  std::string ToText() const;
  // Parses ToText's output; kCorrupt with a reason when malformed or when
  // the limits are outside what libsodium accepts.
  static Result<PassphraseKdf> Parse(std::string_view text);
};

// Derives the case key. kInvalidArgument for an empty passphrase;
// kInternal when Argon2id fails (out of memory for `memlimit`).
Result<CaseKey> DeriveCaseKey(std::string_view passphrase,
                              const PassphraseKdf& kdf);

// Checks `sealer` against the key check stored in `case_dir`: kEncrypted
// when it does not open the case, OK when it does or when the case has no
// key check yet.
Status CheckCaseKey(const std::string& case_dir, const Sealer& sealer);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_CASE_KEY_PASSPHRASE_H_
