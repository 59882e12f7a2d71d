#include "store/case_key.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace breachscope {
namespace {

constexpr std::string_view kFileTag = "breachscope-case-key-v1";
// KDF context: exactly crypto_kdf_CONTEXTBYTES (8) characters.
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "bscase01";

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(2 * n + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

}  // namespace

Status EnsureSodium() {
  // sodium_init is idempotent and thread-safe; it returns 1 when already done.
  if (sodium_init() < 0) return Internal("libsodium could not be initialised");
  return {};
}

CaseKey::~CaseKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

CaseKey CaseKey::Generate() {
  (void)EnsureSodium();
  Bytes bytes;
  crypto_kdf_keygen(bytes.data());
  return CaseKey(bytes);
}

Result<CaseKey> CaseKey::Parse(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' ||
                           text.back() == ' ')) {
    text.remove_suffix(1);
  }
  if (text.substr(0, kFileTag.size()) != kFileTag ||
      text.size() != kFileTag.size() + 1 + 2 * kBytes ||
      text[kFileTag.size()] != ' ') {
    return Corrupt("not a breachscope case key file");
  }
  const std::string_view hex = text.substr(kFileTag.size() + 1);
  Bytes bytes;
  size_t len = 0;
  if (sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(),
                     nullptr, &len, nullptr) != 0 ||
      len != kBytes) {
    return Corrupt("case key file holds no valid key");
  }
  CaseKey key(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

std::string CaseKey::ToFileText() const {
  return std::string(kFileTag) + " " + Hex(bytes_.data(), kBytes) + "\n";
}

CaseKey::Bytes CaseKey::Derive(KeyPurpose purpose) const {
  Bytes sub;
  crypto_kdf_derive_from_key(sub.data(), sub.size(),
                             static_cast<uint64_t>(purpose), kKdfContext,
                             bytes_.data());
  return sub;
}

CaseKey::ShortBytes CaseKey::DeriveShort(KeyPurpose purpose) const {
  ShortBytes sub;
  crypto_kdf_derive_from_key(sub.data(), sub.size(),
                             static_cast<uint64_t>(purpose), kKdfContext,
                             bytes_.data());
  return sub;
}

std::string CaseKey::Fingerprint() const {
  // A hash of a derived value, not of the key itself, and only 8 bytes.
  unsigned char out[8];
  constexpr char kLabel[] = "breachscope key fingerprint";
  crypto_generichash(out, sizeof(out),
                     reinterpret_cast<const unsigned char*>(kLabel),
                     sizeof(kLabel) - 1, bytes_.data(), bytes_.size());
  return Hex(out, sizeof(out));
}

std::string DefaultKeyPath(const std::string& case_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(case_dir, ec).lexically_normal();
  std::string text = dir.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text + ".key";
}

// Written to a temporary file, synced, then linked into place: the key
// file appears whole or not at all (a process killed half-way must not
// leave an empty key that a later run would take for the case's key), and
// link() fails rather than replace an existing key.
Status WriteKeyFile(const std::string& path, const CaseKey& key) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (fs::exists(path, ec)) {
    return InvalidArgument("key file " + path +
                           " already exists; it is never overwritten");
  }
  std::string tmp = path + ".tmpXXXXXX";
  const int fd = ::mkstemp(tmp.data());  // mode 0600
  if (fd < 0) {
    return IoError("create key file " + path + ": " + std::strerror(errno));
  }
  const std::string text = key.ToFileText();
  const bool written =
      ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
      ::fsync(fd) == 0;
  ::close(fd);
  const int link_error = written && ::link(tmp.c_str(), path.c_str()) == 0 ? 0 : errno;
  ::unlink(tmp.c_str());
  if (!written || link_error != 0) {
    if (link_error == EEXIST) {
      return InvalidArgument("key file " + path +
                             " already exists; it is never overwritten");
    }
    return IoError("write key file " + path + ": " + std::strerror(link_error));
  }
  return {};
}

Result<CaseKey> ReadKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return NotFound("no key file at " + path);
    return IoError("cannot read key file " + path + ": " + std::strerror(errno));
  }
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  Result<CaseKey> key = CaseKey::Parse(text);
  sodium_memzero(text.data(), text.size());
  if (!key.ok()) return Corrupt(path + ": " + key.status().message());
  return key;
}

}  // namespace breachscope
