// PlainSealer: the identity sealer used until cases get a key.
//
// Seal/Unseal copy the value unchanged, so a "plain" case holds PHI in clear
// text; the scheme name recorded in the case makes sure such a case is never
// mistaken for a sealed one. Hash is an unkeyed 128-bit FNV-1a digest as 16
// big-endian bytes: stable across platforms and builds (it is stored), cheap,
// and with a collision chance negligible for equality look-ups over billions
// of values. It is not a secret: anyone can recompute it from a guessed
// value, which is why keyed cases hash with a key (store/sodium_sealer.h).
#include <memory>
#include <string>
#include <string_view>

#include "store/sealer.h"

namespace breachscope {
namespace {

using Uint128 = unsigned __int128;

// FNV-1a 128-bit parameters (http://www.isthe.com/chongo/tech/comp/fnv/).
constexpr Uint128 kFnvOffset =
    (Uint128{0x6c62272e07bb0142ULL} << 64) | 0x62b821756295c58dULL;
constexpr Uint128 kFnvPrime = (Uint128{0x0000000001000000ULL} << 64) | 0x13bULL;

std::string Fnv1a128(std::string_view bytes) {
  Uint128 h = kFnvOffset;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  std::string out(16, '\0');
  for (int i = 15; i >= 0; --i) {
    out[i] = static_cast<char>(static_cast<unsigned char>(h & 0xff));
    h >>= 8;
  }
  return out;
}

class PlainSealer final : public Sealer {
 public:
  std::string_view scheme() const override { return "plain"; }
  std::string Seal(std::string_view plain) const override {
    return std::string(plain);
  }
  Result<std::string> Unseal(std::string_view sealed) const override {
    return std::string(sealed);
  }
  std::string Hash(std::string_view plain) const override {
    return Fnv1a128(plain);
  }
  void SealAppend(std::string_view plain, std::string* out) const override {
    out->append(plain);
  }
  // No authentication, so the context is not checked: a plain case holds
  // its values in clear and protects nothing against tampering anyway.
  void SealAppendFor(std::string_view, std::string_view plain,
                     std::string* out) const override {
    out->append(plain);
  }
  Status UnsealFor(std::string_view, std::string_view sealed,
                   std::string* out) const override {
    out->assign(sealed);
    return {};
  }
};

}  // namespace

std::unique_ptr<Sealer> NewPlainSealer() {
  return std::make_unique<PlainSealer>();
}

}  // namespace breachscope
