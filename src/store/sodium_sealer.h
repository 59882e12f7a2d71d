// SodiumSealer: the sealer of keyed cases (scheme "xchacha20poly1305-blake2b").
//
// Seal: XChaCha20-Poly1305 (IETF AEAD) under a subkey of the case key, with a
// fresh random 24-byte nonce per value, stored as nonce || ciphertext || tag
// (40 bytes more than the value). Random nonces are safe at this size: the
// chance of a repeat stays negligible for far more values than a case holds.
// Nonces come from a per-thread pool of kernel random bytes refilled 4 KiB
// at a time (not a system call per value); no pool byte is used twice.
// Unseal authenticates before decrypting, so a flipped byte or a value
// sealed under another key gives kCorrupt, never garbage.
//
// Hash: BLAKE2b keyed with a second, independent subkey, truncated to 16
// bytes (the store's look-up index takes the first 8). Without the key,
// a guessed value cannot be confirmed from its hash.
//
// SealName: the same AEAD with a synthetic nonce (keyed BLAKE2b of the name
// under a third subkey), as URL-safe base64: deterministic, so sealed names
// still serve as keys and join columns.
//
// Thread-safe and immutable; key bytes are wiped on destruction.
#ifndef BREACHSCOPE_STORE_SODIUM_SEALER_H_
#define BREACHSCOPE_STORE_SODIUM_SEALER_H_

#include <memory>
#include <string_view>

#include "store/case_key.h"
#include "store/sealer.h"

namespace breachscope {

inline constexpr std::string_view kSodiumScheme = "xchacha20poly1305-blake2b";

std::unique_ptr<Sealer> NewSodiumSealer(const CaseKey& key);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SODIUM_SEALER_H_
