// Sealer: the one seam every PHI value crosses on its way to and from disk.
//
// The store calls Seal() on every PHI value (finding values, normalised
// values) before writing it and Unseal() after reading it; Hash() gives a
// keyed digest for equality look-ups. PlainSealer is the identity (no key
// yet); the encrypting sealer (XChaCha20-Poly1305 + SipHash-2-4, or keyed
// BLAKE2b in older cases: store/sodium_sealer.h) replaces it without any
// other code changing. Implementations are thread-safe.
#ifndef BREACHSCOPE_STORE_SEALER_H_
#define BREACHSCOPE_STORE_SEALER_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope {

// Seals a run of values under one context (SealRun). Each value is still a
// message of its own that Sealer::UnsealFor opens; a run only lets a sealer
// share set-up work between the values.
class SealRun {
 public:
  virtual ~SealRun() = default;
  // Sealer::SealAppendFor(context of the run, plain, out).
  virtual void SealAppend(std::string_view plain, std::string* out) = 0;
};

// Opens a run of values sealed under one context (OpenRun): what
// Sealer::UnsealFor does, with set-up shared between values that a SealRun
// sealed together.
class OpenRun {
 public:
  virtual ~OpenRun() = default;
  // Sealer::UnsealFor(context of the run, sealed, out).
  virtual Status Unseal(std::string_view sealed, std::string* out) = 0;
};

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
  // Seal() and Hash() appended to *out: what the scan's hot path uses, so a
  // sealer can write in place instead of allocating a string per value.
  virtual void SealAppend(std::string_view plain, std::string* out) const {
    out->append(Seal(plain));
  }
  virtual void HashAppend(std::string_view plain, std::string* out) const {
    out->append(Hash(plain));
  }
  // Seal() and Unseal() bound to `context`: associated data that the seal
  // authenticates but does not store. A value sealed under one context
  // fails to unseal under another (or with none), so one sealed form cannot
  // be passed off as another. UnsealFor replaces *out (keeping its
  // capacity: readers unseal millions of values into one buffer).
  virtual void SealAppendFor(std::string_view context, std::string_view plain,
                             std::string* out) const = 0;
  virtual Status UnsealFor(std::string_view context, std::string_view sealed,
                           std::string* out) const = 0;
  // A run of SealAppendFor(context, ...) calls, for a chunk of findings.
  // One thread uses a run; the sealer must outlive it. By default each
  // value is sealed alone.
  virtual std::unique_ptr<SealRun> BeginSealRun(std::string_view context) const;
  // A run of UnsealFor(context, ...) calls, for reading findings in order.
  // One thread uses a run; the sealer must outlive it. By default each
  // value is opened alone.
  virtual std::unique_ptr<OpenRun> BeginOpenRun(std::string_view context) const;
  // Names (source paths, which can name a patient: "Smith_John_labs.pdf")
  // sealed deterministically, as text: one name always gives the same
  // sealed text under one key, so the store's UNIQUE columns, joins and
  // '=' look-ups work on the sealed form unchanged. It reveals which rows
  // share a name, no more than Hash() does. The identity by default (the
  // plain sealer keeps names as they are).
  virtual std::string SealName(std::string_view plain) const { return std::string(plain); }
  virtual Result<std::string> UnsealName(std::string_view sealed) const {
    return std::string(sealed);
  }
};

// Identity sealing: values are stored as given. Scheme "plain".
std::unique_ptr<Sealer> NewPlainSealer();

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SEALER_H_
