#include "app/export_output.h"

#include "common/owner_only_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "app/case_access.h"

namespace breachscope {

void AddExportOutputOptions(CLI::App* cmd, ExportOutputOptions* options) {
  cmd->add_option("-o,--output", options->output,
                  "File to write, mode 0600 (default: stdout)");
  cmd->add_option("--encrypt-to", options->encrypt_to,
                  "Seal the file for the holder of this public key (from "
                  "`breachscope keygen`; needs -o)");
  cmd->add_flag("--reveal", options->reveal,
                "Show values on a terminal (masked by default); recorded in "
                "the audit log");
  cmd->add_flag("--mask", options->mask, "Mask every value, wherever it goes");
}

Result<std::unique_ptr<ExportOutput>> ExportOutput::Open(
    const std::string& case_dir, const std::string& what,
    const ExportOutputOptions& options, uint64_t records) {
  if (!options.encrypt_to.empty() && options.output.empty()) {
    return InvalidArgument("--encrypt-to needs -o FILE");
  }
  std::unique_ptr<ExportOutput> e(new ExportOutput());
  e->what_ = what;
  e->options_ = options;
  const bool terminal = options.output.empty() && ::isatty(STDOUT_FILENO);
  e->masked_ = options.mask || (terminal && !options.reveal);
  std::string detail = what + (e->masked_ ? " masked" : " plain") + " to " +
                       (options.output.empty() ? "stdout" : options.output);
  if (!options.encrypt_to.empty()) detail += " sealed for " + options.encrypt_to;
  const bool reveal = terminal && !e->masked_;
  BS_RETURN_IF_ERROR(RecordAudit(
      case_dir, {reveal ? "reveal" : "export", detail, {{what, records}}}));
  if (!options.encrypt_to.empty()) {
    Result<std::unique_ptr<SealedOutput>> sealed =
        SealedOutput::Create(options.output, options.encrypt_to);
    if (!sealed.ok()) return sealed.status();
    e->sealed_ = std::move(sealed).value();
    e->out_ = &e->sealed_->stream();
  } else if (!options.output.empty()) {
    BS_RETURN_IF_ERROR(CreateOwnerOnly(options.output));
    e->file_.open(options.output, std::ios::out | std::ios::trunc | std::ios::binary);
    if (!e->file_) return IoError("cannot write " + options.output);
    e->out_ = &e->file_;
  } else {
    e->out_ = &std::cout;
  }
  return e;
}

Status ExportOutput::Finish(uint64_t written) {
  out_->flush();
  if (!*out_) return IoError("writing the " + what_ + " export failed");
  if (sealed_) {
    BS_RETURN_IF_ERROR(sealed_->Close());
    std::cerr << "breachscope: wrote " << written << " " << what_ << " to "
              << options_.output << ", sealed for " << options_.encrypt_to
              << " (open with `breachscope decrypt`)\n";
    return {};
  }
  if (!options_.output.empty()) {
    file_.close();
    std::cerr << "breachscope: wrote " << written << " " << what_ << " to "
              << options_.output;
  } else {
    std::cerr << "breachscope: wrote " << written << " " << what_
              << " to standard output";
  }
  if (masked_) {
    std::cerr << " (values masked)\n";
  } else {
    std::cerr << "\nbreachscope: warning: this export holds PHI in plain text"
              << (options_.output.empty() ? "" : " (file mode 0600)")
              << "; keep it only where PHI may be, or use --encrypt-to\n";
  }
  return {};
}

}  // namespace breachscope
