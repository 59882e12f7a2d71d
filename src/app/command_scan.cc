// `breachscope scan PATH... --case DIR`
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "app/scan_pipeline.h"
#include "report/summary_text.h"

namespace breachscope {
namespace {

std::atomic<bool> g_stop{false};

// First signal asks for a clean stop; a second one kills as usual.
void OnStopSignal(int signal_number) {
  g_stop.store(true);
  std::signal(signal_number, SIG_DFL);
}

struct ScanArgs {
  std::vector<std::string> roots;
  std::string case_dir;
  int threads = 0;
  bool quiet = false;
  std::string progress;
  bool strict = false;
  bool follow_symlinks = false;
  bool no_ocr = false;
  bool stats = false;
  int max_depth = IngestOptions().max_archive_depth;
  uint64_t split_bytes = IngestOptions().split_min_bytes;
  double min_confidence = DetectOptions().min_confidence;
  std::vector<std::string> detectors;
};

ProgressMode ChooseProgress(const ScanArgs& args) {
  if (args.progress == "json") return ProgressMode::kJson;
  if (args.progress == "none" || args.quiet) return ProgressMode::kNone;
  if (args.progress == "line") return ProgressMode::kLine;
  return isatty(STDERR_FILENO) ? ProgressMode::kLine : ProgressMode::kNone;
}

void PrintOutcome(const ScanOutcome& o, const std::string& case_dir) {
  char timing[64];
  std::snprintf(timing, sizeof(timing), "%.2f s, %.1f MB/s", o.seconds,
                o.seconds > 0 ? o.bytes / 1e6 / o.seconds : 0.0);
  std::cout << "scanned " << o.sources_scanned << " files ("
            << HumanBytes(o.bytes) << ", " << o.items << " items) in "
            << timing << ": " << o.findings << " findings, " << o.errors
            << " items not read";
  if (o.sources_skipped > 0) {
    std::cout << "; " << o.sources_skipped << " files already done";
  }
  std::cout << "\ncase: " << case_dir << "\n";
}

int RunScanCommand(const ScanArgs& args) {
  // The engine first: a bad detector selection is a usage error and must
  // not leave a new, empty case folder behind.
  DetectOptions detect;
  detect.min_confidence = args.min_confidence;
  detect.only_detectors = args.detectors;
  Result<std::unique_ptr<const DetectorEngine>> engine =
      DetectorEngine::Create(detect);
  if (!engine.ok()) {
    std::cerr << "breachscope: " << engine.status().ToString() << "\n";
    return engine.status().code() == StatusCode::kInvalidArgument
               ? kExitUsage
               : kExitFailure;
  }
  Result<std::unique_ptr<CaseStore>> store = OpenOrCreateCase(args.case_dir);
  if (!store.ok()) {
    std::cerr << "breachscope: cannot open case " << args.case_dir << ": "
              << store.status().message() << "\n";
    return ExitCodeForCaseError(store.status());
  }
  ScanOptions options;
  options.roots = args.roots;
  options.threads = args.threads;
  options.min_confidence = args.min_confidence;
  options.ingest.follow_symlinks = args.follow_symlinks;
  options.ingest.ocr = !args.no_ocr;
  options.ingest.max_archive_depth = args.max_depth;
  options.ingest.split_min_bytes = args.split_bytes;
  options.progress = ChooseProgress(args);
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  Result<ScanOutcome> outcome =
      RunScan(options, *store.value(), *engine.value(), g_stop);
  if (!outcome.ok()) {
    std::cerr << "breachscope: scan failed: " << outcome.status().ToString()
              << "\n";
    return kExitFailure;
  }
  const ScanOutcome& o = outcome.value();
  store.value().reset();  // the scan is committed before it is recorded
  Status audited = RecordAudit(
      args.case_dir,
      {"scan", o.interrupted ? "interrupted" : "completed",
       {{"roots", args.roots.size()}, {"sources", o.sources_scanned},
        {"sources_already_done", o.sources_skipped}, {"items", o.items},
        {"items_not_read", o.errors}, {"findings", o.findings},
        {"bytes", o.bytes}}});
  if (!audited.ok()) {
    std::cerr << "breachscope: warning: scan not recorded in the audit log: "
              << audited.message() << "\n";
  }
  if (!args.quiet) PrintOutcome(o, args.case_dir);
  if (args.stats) std::cout << FormatScanStats(o);
  for (const std::string& missing : o.missing_roots) {
    std::cerr << "breachscope: " << missing << "\n";
  }
  if (o.interrupted) {
    std::cerr << "breachscope: interrupted; run the same command again to "
                 "resume\n";
    return kExitInterrupted;
  }
  if (!o.missing_roots.empty()) return kExitMissingRoot;
  if (args.strict && o.errors > 0) return kExitItemErrors;
  return kExitOk;
}

}  // namespace

void RegisterScanCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* cmd = app.add_subcommand(
      "scan",
      "Scan files, directories and archives into a case (created if absent; "
      "a later scan adds to it and skips files already done).");
  cmd->add_option("paths", args->roots, "Files or directories to scan")
      ->required();
  cmd->add_option("--case", args->case_dir, "Case folder")->required();
  cmd->add_option("-j,--threads", args->threads,
                  "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("-q,--quiet", args->quiet, "No progress and no result line");
  cmd->add_option("--progress", args->progress,
                  "Progress on stderr: line (default on a terminal), json, none")
      ->check(CLI::IsMember({"line", "json", "none"}));
  cmd->add_flag("--stats", args->stats,
                "Print where the time went (per stage) and per-format counts");
  cmd->add_flag("--strict", args->strict,
                "Exit 3 when any item could not be read");
  cmd->add_flag("--follow-symlinks", args->follow_symlinks,
                "Follow symbolic links (off: links are counted as skipped)");
  cmd->add_flag("--no-ocr", args->no_ocr,
                "Do not read images (PNG, JPEG, TIFF) by OCR; they are listed with a warning");
  cmd->add_option("--max-archive-depth", args->max_depth,
                  "Deepest archive nesting opened")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--split-bytes", args->split_bytes,
                  "Items at least this big are detected by all worker threads "
                  "together (smaller ones by one thread each)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--min-confidence", args->min_confidence,
                  "Drop findings scored below this (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--detectors", args->detectors,
                  "Run only these detector ids, comma-separated (default: "
                  "all; see `breachscope detectors list`)")
      ->delimiter(',');
  cmd->callback([args, exit_code] { *exit_code = RunScanCommand(*args); });
}

}  // namespace breachscope
