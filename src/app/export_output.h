// ExportOutput: where an export holding PHI goes, for every `export ...`
// command (findings, individuals, letters, mail-house lists).
//
// - `-o FILE`: written with mode 0600, and a warning on stderr that it holds
//   PHI in plain text;
// - `-o FILE --encrypt-to PUBKEY_FILE`: sealed for the recipient (see
//   store/recipient_box.h; `breachscope decrypt` opens it);
// - no `-o`: standard output. On a terminal values are masked (MaskValue)
//   unless `--reveal`; into a pipe they are plain, with the warning.
// `--mask` masks in every case. Open() records the export (or the reveal)
// in the audit log before the first byte is written: an export that cannot
// be recorded does not happen.
//
// Use: add the options with AddExportOutputOptions, Open() after the case
// is open, write to out() (masking values when masked()), then Finish().
#ifndef BREACHSCOPE_APP_EXPORT_OUTPUT_H_
#define BREACHSCOPE_APP_EXPORT_OUTPUT_H_

#include <CLI/CLI.hpp>

#include <cstdint>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

#include "common/status.h"
#include "store/recipient_box.h"

namespace breachscope {

struct ExportOutputOptions {
  std::string output;      // -o: file, or "" for stdout
  std::string encrypt_to;  // --encrypt-to: recipient public key file
  bool reveal = false;     // --reveal: plain values on a terminal
  bool mask = false;       // --mask: masked values everywhere
};

void AddExportOutputOptions(CLI::App* cmd, ExportOutputOptions* options);

class ExportOutput {
 public:
  // `what` names the export in messages and the audit log ("findings");
  // `records` is how many records it will hold (for the audit entry).
  static Result<std::unique_ptr<ExportOutput>> Open(
      const std::string& case_dir, const std::string& what,
      const ExportOutputOptions& options, uint64_t records);

  std::ostream& out() { return *out_; }
  bool masked() const { return masked_; }
  // Flushes and closes; prints where the export went and the warning.
  Status Finish(uint64_t written);

 private:
  ExportOutput() = default;
  std::string what_;
  ExportOutputOptions options_;
  bool masked_ = false;
  std::ofstream file_;
  std::unique_ptr<SealedOutput> sealed_;
  std::ostream* out_ = nullptr;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_EXPORT_OUTPUT_H_
