#include "store/sodium_sealer.h"

#include <pthread.h>
#include <sodium.h>
#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>

#include "store/case_meta.h"

namespace breachscope {
namespace {

constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr size_t kHashBytes = 16;
static_assert(crypto_shorthash_siphashx24_BYTES == kHashBytes);
static_assert(crypto_shorthash_siphashx24_KEYBYTES == CaseKey::kShortBytes);
// Associated data of sealed names: a name cannot pass for a sealed value.
constexpr std::string_view kNameAd = "breachscope name";

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* Bytes(std::string& s) {
  return reinterpret_cast<unsigned char*>(s.data());
}

// Fills `out` from the kernel's CSPRNG. getrandom(2) may return less than
// asked (over 256 bytes, when a signal arrives), so it loops; libsodium's
// own source is the fallback on a kernel without it.
void FillRandom(unsigned char* out, size_t size) {
  while (size > 0) {
    const ssize_t got = ::getrandom(out, size, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      randombytes_buf(out, size);
      return;
    }
    out += got;
    size -= static_cast<size_t>(got);
  }
}

// Random nonces, drawn from a per-thread pool refilled about 4 KiB at a
// time: one getrandom call per 170 seals instead of one per seal (the call
// was 4% of a dense scan's CPU). Every nonce is still 192 fresh random bits
// from the kernel, and each pool byte is handed out once: a thread owns its
// pool, and a forked child (whose only thread is a copy of the forking one)
// drops the copied pool before its first seal.
class NoncePool {
 public:
  void Take(unsigned char* nonce) {
    if (kPoolBytes - used_ < kNonceBytes) Refill();
    std::memcpy(nonce, bytes_ + used_, kNonceBytes);
    sodium_memzero(bytes_ + used_, kNonceBytes);  // never handed out twice
    used_ += kNonceBytes;
  }
  void Discard() {
    sodium_memzero(bytes_, sizeof(bytes_));
    used_ = kPoolBytes;
  }

 private:
  static constexpr size_t kPoolBytes = 4096 / kNonceBytes * kNonceBytes;

  void Refill() {
    FillRandom(bytes_, kPoolBytes);
    used_ = 0;
  }

  unsigned char bytes_[kPoolBytes];
  size_t used_ = kPoolBytes;  // empty until the first seal
};

thread_local NoncePool tls_nonce_pool;

// Called by every sealer's factory, so it runs before any seal.
void DiscardPoolsInForkedChildren() {
  static std::once_flag at_fork;
  std::call_once(at_fork, [] {
    pthread_atfork(nullptr, nullptr, [] { tls_nonce_pool.Discard(); });
  });
}

// A run of XChaCha20-Poly1305 seals sharing the first 16 bytes of their
// nonces. XChaCha20-Poly1305 with nonce N = N16 || N8 is ChaCha20-Poly1305
// (IETF) under the subkey HChaCha20(key, N16) with nonce 0^4 || N8, so a
// run draws a random N16 once, derives that subkey once, and gives each
// value the next N8: every message is a standard one under a distinct
// 24-byte nonce (random 128-bit prefix, counter within the run), opened by
// UnsealFor like any other. It saves an HChaCha20 and 24 random bytes per
// value. The subkey is wiped when the run ends.
static_assert(crypto_core_hchacha20_INPUTBYTES + 8 == kNonceBytes);

class XChaChaRun final : public SealRun {
 public:
  XChaChaRun(const unsigned char* seal_key, std::string_view context)
      : context_(context) {
    unsigned char random[kNonceBytes];
    tls_nonce_pool.Take(random);
    std::memcpy(prefix_, random, sizeof prefix_);
    std::memcpy(&counter_, random + sizeof prefix_, sizeof counter_);
    sodium_memzero(random, sizeof random);
    crypto_core_hchacha20(subkey_, prefix_, seal_key, nullptr);
  }
  ~XChaChaRun() override { sodium_memzero(subkey_, sizeof subkey_); }
  XChaChaRun(const XChaChaRun&) = delete;
  XChaChaRun& operator=(const XChaChaRun&) = delete;

  void SealAppend(std::string_view plain, std::string* out) override {
    const size_t start = out->size();
    out->resize(start + kNonceBytes + plain.size() + kTagBytes);
    unsigned char* nonce = Bytes(*out) + start;
    std::memcpy(nonce, prefix_, sizeof prefix_);
    // Little-endian on every host, so the stored nonce does not depend on
    // the machine (any distinct 8 bytes would do).
    uint64_t n = counter_++;
    for (size_t i = 0; i < 8; ++i, n >>= 8) {
      nonce[sizeof prefix_ + i] = static_cast<unsigned char>(n);
    }
    unsigned char ietf_nonce[crypto_aead_chacha20poly1305_ietf_NPUBBYTES] = {};
    std::memcpy(ietf_nonce + 4, nonce + sizeof prefix_, 8);
    unsigned long long written = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(
        nonce + kNonceBytes, &written, Bytes(plain), plain.size(),
        context_.empty() ? nullptr : Bytes(context_), context_.size(),
        nullptr, ietf_nonce, subkey_);
  }

 private:
  const std::string context_;
  unsigned char prefix_[crypto_core_hchacha20_INPUTBYTES];
  uint64_t counter_ = 0;
  unsigned char subkey_[crypto_core_hchacha20_OUTPUTBYTES];
};

// Opens values, keeping the XChaCha subkey of the last nonce prefix seen:
// values a XChaChaRun sealed together (a chunk of findings, stored in
// order) share it, so reading them back derives it once per chunk rather
// than once per value. Any other value opens as UnsealFor opens it. The
// cached subkey is wiped when the run ends.
class XChaChaOpenRun final : public OpenRun {
 public:
  XChaChaOpenRun(const unsigned char* seal_key, std::string_view context)
      : seal_key_(seal_key), context_(context) {}
  ~XChaChaOpenRun() override { sodium_memzero(subkey_, sizeof subkey_); }
  XChaChaOpenRun(const XChaChaOpenRun&) = delete;
  XChaChaOpenRun& operator=(const XChaChaOpenRun&) = delete;

  Status Unseal(std::string_view sealed, std::string* out) override {
    if (sealed.size() < kNonceBytes + kTagBytes) {
      return Corrupt("sealed value too short");
    }
    const unsigned char* nonce = Bytes(sealed);
    if (!have_subkey_ || std::memcmp(nonce, prefix_, sizeof prefix_) != 0) {
      std::memcpy(prefix_, nonce, sizeof prefix_);
      crypto_core_hchacha20(subkey_, prefix_, seal_key_, nullptr);
      have_subkey_ = true;
    }
    unsigned char ietf_nonce[crypto_aead_chacha20poly1305_ietf_NPUBBYTES] = {};
    std::memcpy(ietf_nonce + 4, nonce + sizeof prefix_, 8);
    out->resize(sealed.size() - kNonceBytes - kTagBytes);
    unsigned long long written = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(
            Bytes(*out), &written, nullptr, nonce + kNonceBytes,
            sealed.size() - kNonceBytes,
            context_.empty() ? nullptr : Bytes(context_), context_.size(),
            ietf_nonce, subkey_) != 0) {
      out->clear();
      return Corrupt(
          "sealed value fails authentication (altered, another key, or "
          "another form)");
    }
    return {};
  }

 private:
  const unsigned char* seal_key_;  // the sealer's, which outlives the run
  const std::string context_;
  bool have_subkey_ = false;
  unsigned char prefix_[crypto_core_hchacha20_INPUTBYTES] = {};
  unsigned char subkey_[crypto_core_hchacha20_OUTPUTBYTES] = {};
};

// Which keyed hash a sealer's Hash is (the one difference between the
// schemes).
enum class HashKind { kSipHash128, kBlake2b };

class SodiumSealer final : public Sealer {
 public:
  // Only the hash key of `kind` is derived; the other stays zero.
  SodiumSealer(const CaseKey& key, HashKind kind)
      : kind_(kind),
        seal_key_(key.Derive(KeyPurpose::kSeal)),
        name_key_(key.Derive(KeyPurpose::kName)) {
    if (kind == HashKind::kSipHash128) {
      sip_key_ = key.DeriveShort(KeyPurpose::kShortHash);
    } else {
      hash_key_ = key.Derive(KeyPurpose::kHash);
    }
  }
  ~SodiumSealer() override {
    sodium_memzero(seal_key_.data(), seal_key_.size());
    sodium_memzero(hash_key_.data(), hash_key_.size());
    sodium_memzero(sip_key_.data(), sip_key_.size());
    sodium_memzero(name_key_.data(), name_key_.size());
  }

  std::string_view scheme() const override {
    return kind_ == HashKind::kSipHash128 ? kSipHashScheme : kBlake2bScheme;
  }

  std::string Seal(std::string_view plain) const override {
    std::string out;
    SealAppend(plain, &out);
    return out;
  }

  void SealAppend(std::string_view plain, std::string* out) const override {
    SealAppendFor({}, plain, out);
  }

  // An empty context is no associated data at all: what Seal() always
  // wrote, so values sealed before contexts existed still open.
  void SealAppendFor(std::string_view context, std::string_view plain,
                     std::string* out) const override {
    const size_t start = out->size();
    out->resize(start + kNonceBytes + plain.size() + kTagBytes);
    unsigned char* nonce = Bytes(*out) + start;
    tls_nonce_pool.Take(nonce);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceBytes, &written, Bytes(plain), plain.size(),
        context.empty() ? nullptr : Bytes(context), context.size(), nullptr,
        nonce, seal_key_.data());
  }

  std::unique_ptr<SealRun> BeginSealRun(
      std::string_view context) const override {
    return std::make_unique<XChaChaRun>(seal_key_.data(), context);
  }

  std::unique_ptr<OpenRun> BeginOpenRun(
      std::string_view context) const override {
    return std::make_unique<XChaChaOpenRun>(seal_key_.data(), context);
  }

  Result<std::string> Unseal(std::string_view sealed) const override {
    std::string out;
    BS_RETURN_IF_ERROR(UnsealFor({}, sealed, &out));
    return out;
  }

  Status UnsealFor(std::string_view context, std::string_view sealed,
                   std::string* out) const override {
    if (sealed.size() < kNonceBytes + kTagBytes) {
      return Corrupt("sealed value too short");
    }
    out->resize(sealed.size() - kNonceBytes - kTagBytes);
    unsigned long long written = 0;
    const unsigned char* nonce = Bytes(sealed);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            Bytes(*out), &written, nullptr, nonce + kNonceBytes,
            sealed.size() - kNonceBytes,
            context.empty() ? nullptr : Bytes(context), context.size(), nonce,
            seal_key_.data()) != 0) {
      out->clear();
      return Corrupt(
          "sealed value fails authentication (altered, another key, or "
          "another form)");
    }
    return {};
  }

  // SIV: the nonce is a keyed BLAKE2b of the name (its own subkey), so equal
  // names seal alike and different names get different nonces. Sealed as
  // base64 (URL-safe, unpadded) since names live in TEXT columns.
  std::string SealName(std::string_view plain) const override {
    std::string sealed(kNonceBytes + plain.size() + kTagBytes, '\0');
    unsigned char* nonce = Bytes(sealed);
    crypto_generichash(nonce, kNonceBytes, Bytes(plain), plain.size(),
                       name_key_.data(), name_key_.size());
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceBytes, &written, Bytes(plain), plain.size(),
        Bytes(kNameAd), kNameAd.size(), nullptr, nonce, seal_key_.data());
    constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string text(sodium_base64_ENCODED_LEN(sealed.size(), kVariant), '\0');
    sodium_bin2base64(text.data(), text.size(), Bytes(sealed), sealed.size(), kVariant);
    text.pop_back();  // the terminating NUL
    return text;
  }

  Result<std::string> UnsealName(std::string_view text) const override {
    std::string sealed(text.size(), '\0');
    size_t len = 0;
    if (sodium_base642bin(Bytes(sealed), sealed.size(), text.data(), text.size(),
                          nullptr, &len, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        len < kNonceBytes + kTagBytes) {
      return Corrupt("sealed name is malformed");
    }
    std::string out(len - kNonceBytes - kTagBytes, '\0');
    unsigned long long written = 0;
    const unsigned char* nonce = Bytes(sealed);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            Bytes(out), &written, nullptr, nonce + kNonceBytes, len - kNonceBytes,
            Bytes(kNameAd), kNameAd.size(), nonce, seal_key_.data()) != 0) {
      return Corrupt("sealed name fails authentication (altered, or another key)");
    }
    return out;
  }

  std::string Hash(std::string_view plain) const override {
    std::string out;
    HashAppend(plain, &out);
    return out;
  }

  void HashAppend(std::string_view plain, std::string* out) const override {
    const size_t start = out->size();
    out->resize(start + kHashBytes);
    unsigned char* digest = Bytes(*out) + start;
    if (kind_ == HashKind::kSipHash128) {
      crypto_shorthash_siphashx24(digest, Bytes(plain), plain.size(),
                                  sip_key_.data());
    } else {
      crypto_generichash(digest, kHashBytes, Bytes(plain), plain.size(),
                         hash_key_.data(), hash_key_.size());
    }
  }

 private:
  const HashKind kind_;
  CaseKey::Bytes seal_key_;
  CaseKey::Bytes hash_key_{};
  CaseKey::ShortBytes sip_key_{};
  CaseKey::Bytes name_key_;
};

std::unique_ptr<Sealer> MakeSealer(const CaseKey& key, HashKind kind) {
  (void)EnsureSodium();
  DiscardPoolsInForkedChildren();
  return std::make_unique<SodiumSealer>(key, kind);
}

}  // namespace

std::unique_ptr<Sealer> NewSodiumSealer(const CaseKey& key) {
  return MakeSealer(key, HashKind::kSipHash128);
}

std::unique_ptr<Sealer> NewBlake2bSealer(const CaseKey& key) {
  return MakeSealer(key, HashKind::kBlake2b);
}

Result<std::unique_ptr<Sealer>> NewSealerForScheme(std::string_view scheme,
                                                   const CaseKey& key) {
  if (scheme == kSipHashScheme) return MakeSealer(key, HashKind::kSipHash128);
  if (scheme == kBlake2bScheme) return MakeSealer(key, HashKind::kBlake2b);
  return Unsupported("case is sealed with scheme '" + std::string(scheme) +
                     "', which this build does not open with a key (known: " +
                     std::string(kSipHashScheme) + ", " +
                     std::string(kBlake2bScheme) + ")");
}

Result<std::unique_ptr<Sealer>> NewCaseSealer(const std::string& case_dir,
                                              const CaseKey& key) {
  Result<std::string> scheme = ReadCaseMeta(case_dir, "sealer_scheme");
  if (!scheme.ok() || scheme.value().empty()) return NewSodiumSealer(key);
  return NewSealerForScheme(scheme.value(), key);
}

}  // namespace breachscope
