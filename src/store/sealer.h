// Sealer: the one seam every PHI value crosses on its way to and from disk.
//
// The store calls Seal() on every PHI value (finding values, normalised
// values) before writing it and Unseal() after reading it; Hash() gives a
// keyed digest for equality look-ups. PlainSealer is the identity (no key
// yet); the encrypting sealer (XChaCha20-Poly1305 + BLAKE2b) replaces it
// without any other code changing. Implementations are thread-safe.
#ifndef BREACHSCOPE_STORE_SEALER_H_
#define BREACHSCOPE_STORE_SEALER_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope {

class Sealer {
 public:
  virtual ~Sealer() = default;
  // Name recorded in the case so a case sealed one way is not read another.
  virtual std::string_view scheme() const = 0;
  virtual std::string Seal(std::string_view plain) const = 0;
  virtual Result<std::string> Unseal(std::string_view sealed) const = 0;
  // Deterministic digest for equality look-ups (dedupe, blocking), as raw
  // bytes (not text): the store keeps it as a BLOB, and a short fixed-size
  // digest (16 bytes for "plain") keeps the look-up index small.
  virtual std::string Hash(std::string_view plain) const = 0;
};

// Identity sealing: values are stored as given. Scheme "plain".
std::unique_ptr<Sealer> NewPlainSealer();

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SEALER_H_
