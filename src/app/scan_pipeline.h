// RunScan: the scan job, from roots on disk to items and findings in a case.
//
// Walks the roots, skips sources finished by an earlier scan, and reads the
// rest on `threads` worker threads; the calling thread is the single store
// writer. A source's items are committed with the source marked done only
// after its last item, so a scan killed at any moment and run again redoes
// exactly the unfinished sources (the store purges their partial rows).
// Results do not depend on the thread count: each source is read by one
// worker in document order (the units of a big item may be detected by other
// workers, but its findings come back in order: app/detect_pool.h), and the
// store orders findings by item name.
#ifndef BREACHSCOPE_APP_SCAN_PIPELINE_H_
#define BREACHSCOPE_APP_SCAN_PIPELINE_H_

#include <array>
#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "app/progress_reporter.h"
#include "app/scan_counters.h"
#include "common/status.h"
#include "detect/detector_engine.h"
#include "ingest/ingest_options.h"
#include "store/case_store.h"

namespace breachscope {

struct ScanOptions {
  std::vector<std::string> roots;  // files or directories to read
  int threads = 0;                 // worker threads; 0 = all cores
  IngestOptions ingest;
  ProgressMode progress = ProgressMode::kNone;
  // Findings promoted at the end of the scan (app/learned_shape_step.h)
  // scored below this are dropped, like the detectors' (DetectOptions).
  double min_confidence = 0.5;
};

// What a scan spent its time on, for `scan --stats` and the benchmarks.
struct ScanStats {
  int threads = 0;
  // Worker wall and thread CPU seconds per Stage (scan_counters.h), summed
  // over workers. On a machine short of cores wall time includes waiting
  // for a core; CPU time does not, nor waiting for the writer (queue_wait).
  std::array<double, kStageCount> stage_seconds{};
  std::array<double, kStageCount> stage_cpu_seconds{};
  double store_seconds = 0;       // writer thread inside store calls (wall)
  double writer_cpu_seconds = 0;  // writer thread CPU (store + queue)
  double cpu_user_seconds = 0;    // whole process, during the scan
  double cpu_system_seconds = 0;
  struct PerFormat {
    uint64_t items = 0;
    uint64_t bytes = 0;  // of the items themselves (archive members too)
    uint64_t findings = 0;
  };
  std::map<std::string, PerFormat> formats;  // by format name ("" = unread)
};

struct ScanOutcome {
  uint64_t sources_scanned = 0;   // read in this run
  uint64_t sources_skipped = 0;   // already done by an earlier scan
  uint64_t items = 0;
  uint64_t errors = 0;            // items that ended as errors
  uint64_t findings = 0;
  uint64_t bytes = 0;             // top-level bytes read in this run
  double seconds = 0;
  bool interrupted = false;       // stopped by `stop`; resume by running again
  std::vector<std::string> missing_roots;  // roots that do not exist
  ScanStats stats;
};

// REQUIRES: store and engine outlive the call; `stop` may be set from a
// signal handler to end the scan early (unfinished sources stay unfinished).
Result<ScanOutcome> RunScan(const ScanOptions& options, CaseStore& store,
                            const DetectorEngine& engine,
                            const std::atomic<bool>& stop);

// The stats as lines for `scan --stats`: one "stats <key> <value>" line per
// figure (stable, for scripts), stage and format lines included. Counts and
// timings only.
std::string FormatScanStats(const ScanOutcome& outcome);

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_SCAN_PIPELINE_H_
