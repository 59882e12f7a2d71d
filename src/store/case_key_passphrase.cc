#include "store/case_key_passphrase.h"

#include <sodium.h>

#include <charconv>
#include <string>

#include "store/case_meta.h"
#include "store/sqlite_key_check.h"

namespace breachscope {
namespace {

constexpr std::string_view kAlgorithm = "argon2id13";

static_assert(PassphraseKdf::kSaltBytes == crypto_pwhash_SALTBYTES);

// The value after `name=` in a space-separated line, or "" when absent.
std::string_view Field(std::string_view text, std::string_view name) {
  const std::string key = " " + std::string(name) + "=";
  const size_t at = text.find(key);
  if (at == std::string_view::npos) return {};
  std::string_view rest = text.substr(at + key.size());
  return rest.substr(0, rest.find(' '));
}

bool ParseU64(std::string_view text, uint64_t* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return !text.empty() && ec == std::errc() && ptr == end;
}

}  // namespace

Result<KdfStrength> ParseKdfStrength(std::string_view text) {
  if (text == "interactive") return KdfStrength::kInteractive;
  if (text == "moderate") return KdfStrength::kModerate;
  if (text == "sensitive") return KdfStrength::kSensitive;
  return InvalidArgument("KDF limits must be interactive, moderate or "
                         "sensitive, not '" + std::string(text) + "'");
}

PassphraseKdf PassphraseKdf::Fresh(KdfStrength strength) {
  (void)EnsureSodium();
  PassphraseKdf kdf;
  switch (strength) {
    case KdfStrength::kInteractive:
      kdf.opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      kdf.memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
      break;
    case KdfStrength::kModerate:
      kdf.opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
      kdf.memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
      break;
    case KdfStrength::kSensitive:
      kdf.opslimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
      kdf.memlimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
      break;
  }
  randombytes_buf(kdf.salt.data(), kdf.salt.size());
  return kdf;
}

std::string PassphraseKdf::ToText() const {
  char hex[2 * kSaltBytes + 1];
  sodium_bin2hex(hex, sizeof(hex), salt.data(), salt.size());
  return std::string(kAlgorithm) + " ops=" + std::to_string(opslimit) +
         " mem=" + std::to_string(memlimit) + " salt=" + hex;
}

Result<PassphraseKdf> PassphraseKdf::Parse(std::string_view text) {
  if (text.substr(0, kAlgorithm.size() + 1) != std::string(kAlgorithm) + " ") {
    return Corrupt("passphrase parameters name an unknown algorithm");
  }
  PassphraseKdf kdf;
  const std::string_view salt_hex = Field(text, "salt");
  size_t len = 0;
  if (!ParseU64(Field(text, "ops"), &kdf.opslimit) ||
      !ParseU64(Field(text, "mem"), &kdf.memlimit) ||
      sodium_hex2bin(kdf.salt.data(), kdf.salt.size(), salt_hex.data(),
                     salt_hex.size(), nullptr, &len, nullptr) != 0 ||
      len != kSaltBytes || salt_hex.size() != 2 * kSaltBytes) {
    return Corrupt("passphrase parameters are malformed");
  }
  // Bounds first: a damaged row must not make Argon2id ask for terabytes.
  if (kdf.opslimit < crypto_pwhash_OPSLIMIT_MIN ||
      kdf.opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE * 4 ||
      kdf.memlimit < crypto_pwhash_MEMLIMIT_MIN ||
      kdf.memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE) {
    return Corrupt("passphrase parameters are out of range");
  }
  return kdf;
}

Result<CaseKey> DeriveCaseKey(std::string_view passphrase,
                              const PassphraseKdf& kdf) {
  if (passphrase.empty()) return InvalidArgument("the passphrase is empty");
  BS_RETURN_IF_ERROR(EnsureSodium());
  CaseKey::Bytes bytes;
  if (crypto_pwhash(bytes.data(), bytes.size(), passphrase.data(),
                    passphrase.size(), kdf.salt.data(), kdf.opslimit,
                    static_cast<size_t>(kdf.memlimit),
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("Argon2id could not derive the key (" +
                    std::to_string(kdf.memlimit >> 20) +
                    " MiB of memory needed)");
  }
  CaseKey key = CaseKey::FromBytes(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

Status CheckCaseKey(const std::string& case_dir, const Sealer& sealer) {
  Result<std::string> hex = ReadCaseMeta(case_dir, "key_check");
  if (!hex.ok()) return hex.status();
  if (hex.value().empty()) return {};
  std::string sealed(hex.value().size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(sealed.data()),
                     sealed.size(), hex.value().data(), hex.value().size(),
                     nullptr, &len, nullptr) != 0) {
    return Corrupt("case key check is damaged");
  }
  sealed.resize(len);
  Result<std::string> plain = sealer.Unseal(sealed);
  if (!plain.ok() || plain.value() != sqlite::kKeyCheckText) {
    return Encrypted("the key does not open this case");
  }
  return {};
}

}  // namespace breachscope
