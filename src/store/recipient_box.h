// Exports sealed for a recipient: `export ... --encrypt-to PUBKEY_FILE`,
// `breachscope keygen`, `breachscope decrypt`.
//
// The recipient makes a key pair (NAME.pub to give out, NAME.sec to keep,
// mode 0600). An export sealed to NAME.pub is, on disk:
//   "BSBOX1\n"
//   crypto_box_seal(stream key)      80 bytes: X25519 + XSalsa20-Poly1305
//   secretstream header              24 bytes
//   chunks: u32 little-endian length, XChaCha20-Poly1305 secretstream
//   ciphertext of up to 64 KiB of plain text; the last one tagged FINAL.
// Only NAME.sec opens it; a flipped byte, a reordered, missing or cut-off
// chunk fails decryption. Memory stays at one chunk whatever the size.
//
// Not thread-safe; one writer per file.
#ifndef BREACHSCOPE_STORE_RECIPIENT_BOX_H_
#define BREACHSCOPE_STORE_RECIPIENT_BOX_H_

#include <memory>
#include <ostream>
#include <string>

#include "common/status.h"

namespace breachscope {

// Writes BASE.pub and BASE.sec (0600); fails if either exists.
Status GenerateRecipientKeys(const std::string& base);

// An output file sealed for the holder of a public key file. Write to
// stream(), then Close() (which writes the final chunk); a writer destroyed
// without Close() leaves a file that does not decrypt.
class SealedOutput {
 public:
  static Result<std::unique_ptr<SealedOutput>> Create(
      const std::string& path, const std::string& public_key_file);
  virtual ~SealedOutput() = default;
  virtual std::ostream& stream() = 0;
  virtual Status Close() = 0;
};

// Decrypts `in_path` with the secret key file into `out` (written as it is
// authenticated; on an error, what was written must be discarded).
Status DecryptSealedFile(const std::string& in_path,
                         const std::string& secret_key_file, std::ostream& out);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_RECIPIENT_BOX_H_
