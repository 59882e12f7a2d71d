#include "store/recipient_box.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <streambuf>
#include <vector>

#include "store/case_key.h"

namespace breachscope {
namespace {

constexpr std::string_view kMagic = "BSBOX1\n";
constexpr std::string_view kPubTag = "breachscope-recipient-pub-v1";
constexpr std::string_view kSecTag = "breachscope-recipient-sec-v1";
constexpr size_t kChunk = 64 * 1024;
constexpr size_t kStreamKey = crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr size_t kHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr size_t kAbytes = crypto_secretstream_xchacha20poly1305_ABYTES;

std::string Hex(const unsigned char* b, size_t n) {
  std::string out(2 * n + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), b, n);
  out.pop_back();
  return out;
}

Status WriteExclusive(const std::string& path, const std::string& text,
                      mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return IoError("create " + path + ": " + std::strerror(errno));
  const bool ok = ::write(fd, text.data(), text.size()) ==
                  static_cast<ssize_t>(text.size());
  ::close(fd);
  return ok ? Status() : IoError("write " + path);
}

// Reads "TAG <hex>" from `path` into exactly `n` bytes.
Status ReadKeyBytes(const std::string& path, std::string_view tag,
                    unsigned char* out, size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read key file " + path);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  size_t len = 0;
  const bool ok = text.size() == tag.size() + 1 + 2 * n &&
                  text.compare(0, tag.size(), tag) == 0 &&
                  sodium_hex2bin(out, n, text.data() + tag.size() + 1,
                                 2 * n, nullptr, &len, nullptr) == 0 &&
                  len == n;
  sodium_memzero(text.data(), text.size());
  if (!ok) return Corrupt(path + " is not a breachscope " +
                          std::string(tag == kPubTag ? "public" : "secret") + " key file");
  return {};
}

class SodiumStreamBuf final : public std::streambuf {
 public:
  SodiumStreamBuf(int fd, crypto_secretstream_xchacha20poly1305_state state)
      : fd_(fd), state_(state), buffer_(kChunk) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  ~SodiumStreamBuf() override {
    if (fd_ >= 0) ::close(fd_);
    sodium_memzero(&state_, sizeof(state_));
  }
  Status Finish() {
    if (fd_ < 0) return Internal("sealed output closed twice");
    const bool ok = EmitChunk(crypto_secretstream_xchacha20poly1305_TAG_FINAL) &&
                    ::fsync(fd_) == 0;
    ::close(fd_);
    fd_ = -1;
    return ok && !failed_ ? Status() : IoError("write sealed export failed");
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!EmitChunk(0)) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }

 private:
  bool EmitChunk(unsigned char tag) {
    const size_t n = static_cast<size_t>(pptr() - pbase());
    std::vector<unsigned char> out(4 + n + kAbytes);
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state_, out.data() + 4, &clen,
        reinterpret_cast<const unsigned char*>(pbase()), n, nullptr, 0, tag);
    for (int i = 0; i < 4; ++i) out[i] = static_cast<unsigned char>(clen >> (8 * i));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    if (::write(fd_, out.data(), 4 + clen) != static_cast<ssize_t>(4 + clen)) {
      failed_ = true;
    }
    return !failed_;
  }

  int fd_;
  crypto_secretstream_xchacha20poly1305_state state_;
  std::vector<char> buffer_;
  bool failed_ = false;
};

class SodiumSealedOutput final : public SealedOutput {
 public:
  explicit SodiumSealedOutput(std::unique_ptr<SodiumStreamBuf> buf)
      : buf_(std::move(buf)), stream_(buf_.get()) {}
  std::ostream& stream() override { return stream_; }
  Status Close() override {
    stream_.flush();
    return buf_->Finish();
  }

 private:
  std::unique_ptr<SodiumStreamBuf> buf_;
  std::ostream stream_;
};

}  // namespace

Status GenerateRecipientKeys(const std::string& base) {
  BS_RETURN_IF_ERROR(EnsureSodium());
  unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
  crypto_box_keypair(pk, sk);
  std::string sec = std::string(kSecTag) + " " + Hex(pk, sizeof(pk)) + Hex(sk, sizeof(sk)) + "\n";
  sodium_memzero(sk, sizeof(sk));
  Status st = WriteExclusive(base + ".sec", sec, 0600);
  sodium_memzero(sec.data(), sec.size());
  BS_RETURN_IF_ERROR(st);
  return WriteExclusive(base + ".pub",
                        std::string(kPubTag) + " " + Hex(pk, sizeof(pk)) + "\n", 0644);
}

Result<std::unique_ptr<SealedOutput>> SealedOutput::Create(
    const std::string& path, const std::string& public_key_file) {
  BS_RETURN_IF_ERROR(EnsureSodium());
  unsigned char pk[crypto_box_PUBLICKEYBYTES];
  BS_RETURN_IF_ERROR(ReadKeyBytes(public_key_file, kPubTag, pk, sizeof(pk)));
  unsigned char key[kStreamKey];
  crypto_secretstream_xchacha20poly1305_keygen(key);
  std::string head(kMagic);
  unsigned char boxed[crypto_box_SEALBYTES + kStreamKey];
  crypto_box_seal(boxed, key, kStreamKey, pk);
  head.append(reinterpret_cast<const char*>(boxed), sizeof(boxed));
  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char header[kHeader];
  crypto_secretstream_xchacha20poly1305_init_push(&state, header, key);
  sodium_memzero(key, sizeof(key));
  head.append(reinterpret_cast<const char*>(header), sizeof(header));
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return IoError("create " + path + ": " + std::strerror(errno));
  if (::write(fd, head.data(), head.size()) != static_cast<ssize_t>(head.size())) {
    ::close(fd);
    return IoError("write " + path);
  }
  return std::unique_ptr<SealedOutput>(new SodiumSealedOutput(
      std::make_unique<SodiumStreamBuf>(fd, state)));
}

Status DecryptSealedFile(const std::string& in_path,
                         const std::string& secret_key_file, std::ostream& out) {
  BS_RETURN_IF_ERROR(EnsureSodium());
  unsigned char keys[crypto_box_PUBLICKEYBYTES + crypto_box_SECRETKEYBYTES];
  BS_RETURN_IF_ERROR(ReadKeyBytes(secret_key_file, kSecTag, keys, sizeof(keys)));
  std::ifstream in(in_path, std::ios::binary);
  if (!in) return NotFound("cannot read " + in_path);
  std::string magic(kMagic.size(), '\0');
  unsigned char boxed[crypto_box_SEALBYTES + kStreamKey], header[kHeader];
  in.read(magic.data(), magic.size());
  in.read(reinterpret_cast<char*>(boxed), sizeof(boxed));
  in.read(reinterpret_cast<char*>(header), sizeof(header));
  if (!in || magic != kMagic) return Corrupt(in_path + " is not a sealed export");
  unsigned char key[kStreamKey];
  const bool opened = crypto_box_seal_open(key, boxed, sizeof(boxed), keys,
                                           keys + crypto_box_PUBLICKEYBYTES) == 0;
  sodium_memzero(keys, sizeof(keys));
  if (!opened) return Encrypted(in_path + " was not sealed for this key");
  crypto_secretstream_xchacha20poly1305_state state;
  crypto_secretstream_xchacha20poly1305_init_pull(&state, header, key);
  sodium_memzero(key, sizeof(key));
  std::vector<unsigned char> cipher, plain(kChunk);
  while (true) {
    unsigned char len_bytes[4];
    in.read(reinterpret_cast<char*>(len_bytes), 4);
    if (!in) return Corrupt(in_path + " is cut off (no final chunk)");
    const uint32_t len = len_bytes[0] | len_bytes[1] << 8 | len_bytes[2] << 16 |
                         static_cast<uint32_t>(len_bytes[3]) << 24;
    if (len < kAbytes || len > kChunk + kAbytes) return Corrupt(in_path + ": bad chunk");
    cipher.resize(len);
    in.read(reinterpret_cast<char*>(cipher.data()), len);
    if (!in) return Corrupt(in_path + " is cut off");
    unsigned long long plen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plen, &tag,
                                                   cipher.data(), len, nullptr, 0) != 0) {
      return Corrupt(in_path + ": a chunk fails authentication (altered)");
    }
    out.write(reinterpret_cast<const char*>(plain.data()), static_cast<std::streamsize>(plen));
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      if (in.peek() != std::char_traits<char>::eof()) {
        return Corrupt(in_path + ": data after the final chunk");
      }
      return out ? Status() : IoError("write decrypted output");
    }
  }
}

}  // namespace breachscope
