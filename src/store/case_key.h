// CaseKey: the secret that opens a case, and the key file that holds it.
//
// A case key is 32 random bytes. It never enters the case database: the
// store keeps only a key check value (a sealed constant) so that a wrong key
// is refused with a clear error instead of yielding garbage. Every use of the
// key goes through a subkey derived for one purpose (libsodium's BLAKE2b
// KDF), so the sealing key, the look-up hash key and the audit MAC key are
// independent: knowing one reveals nothing of the others.
//
// Key file: one line `breachscope-case-key-v1 <64 hex digits>`, mode 0600,
// created exclusively (never overwrites). By default it lives beside the
// case folder, not in it (`/cases/acme` -> `/cases/acme.key`), so a copy of
// the case folder alone does not open.
//
// Thread-safe: a CaseKey is immutable; its bytes are wiped on destruction.
#ifndef BREACHSCOPE_STORE_CASE_KEY_H_
#define BREACHSCOPE_STORE_CASE_KEY_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope {

// What a derived subkey is for. Stored implicitly in every case (changing a
// number makes old cases unreadable): never renumber.
enum class KeyPurpose : uint64_t {
  kSeal = 1,   // XChaCha20-Poly1305 sealing of PHI values
  kHash = 2,   // keyed BLAKE2b for equality look-ups
  kAudit = 3,  // keyed BLAKE2b chaining the audit log
  kName = 4,   // synthetic nonces of deterministically sealed names
  kShortHash = 5,  // keyed SipHash-2-4 (128-bit) for equality look-ups
};

class CaseKey {
 public:
  static constexpr size_t kBytes = 32;
  using Bytes = std::array<unsigned char, kBytes>;
  // SipHash's key size.
  static constexpr size_t kShortBytes = 16;
  using ShortBytes = std::array<unsigned char, kShortBytes>;

  // A fresh random key.
  static CaseKey Generate();
  // Parses the text of a key file; kCorrupt with a reason when malformed.
  static Result<CaseKey> Parse(std::string_view file_text);
  // A key made of given bytes (a passphrase's Argon2id output).
  static CaseKey FromBytes(const Bytes& bytes) { return CaseKey(bytes); }

  CaseKey(const CaseKey& other) = default;
  CaseKey& operator=(const CaseKey& other) = default;
  ~CaseKey();

  // The key file's text (one line, trailing newline).
  std::string ToFileText() const;
  // The subkey for `purpose`.
  Bytes Derive(KeyPurpose purpose) const;
  // A 16-byte subkey for `purpose`, derived as such (the KDF's output
  // length is a BLAKE2b parameter, so it is not a prefix of Derive()).
  ShortBytes DeriveShort(KeyPurpose purpose) const;
  // A short public fingerprint (16 hex digits) to tell keys apart in
  // messages; reveals nothing about the key.
  std::string Fingerprint() const;

 private:
  explicit CaseKey(const Bytes& bytes) : bytes_(bytes) {}
  Bytes bytes_{};
};

// Where the key of `case_dir` lives when no key file is named: beside the
// folder, `<case_dir without trailing slash>.key`, made absolute.
std::string DefaultKeyPath(const std::string& case_dir);

// Writes `key` to a new file at `path` with mode 0600 (parents created);
// fails with kInvalidArgument if the file exists.
Status WriteKeyFile(const std::string& path, const CaseKey& key);
// Reads a key file. kNotFound when absent; kCorrupt when malformed.
Result<CaseKey> ReadKeyFile(const std::string& path);

// Initialises libsodium once; kInternal if it cannot (no entropy source).
Status EnsureSodium();

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_CASE_KEY_H_
