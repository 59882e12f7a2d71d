// ProgressReporter: a background thread that prints scan progress to stderr.
//
// kLine redraws one line ("\r...") twice a second, meant for a terminal;
// kJson prints one JSON object a second on its own line, for machines. Counts
// only, never content. Start() and Stop() from the owning thread.
#ifndef BREACHSCOPE_APP_PROGRESS_REPORTER_H_
#define BREACHSCOPE_APP_PROGRESS_REPORTER_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "app/scan_counters.h"

namespace breachscope {

enum class ProgressMode { kNone, kLine, kJson };

struct ProgressSnapshot {
  uint64_t sources_done, sources_total, bytes_done, bytes_total;
  uint64_t items, errors, findings;
  double seconds;
};

// "1,204/5,000 files  512.3 MiB/1.2 GiB  85.2 MB/s  errors 3  findings 12,345  ETA 0:42"
std::string FormatProgressLine(const ProgressSnapshot& snapshot);
// {"sources_done":..,"sources_total":..,...,"eta_seconds":..}
std::string FormatProgressJson(const ProgressSnapshot& snapshot);

class ProgressReporter {
 public:
  ProgressReporter(ProgressMode mode, const ScanCounters& counters);
  ~ProgressReporter();  // stops if running
  void Start();
  // Prints the final state once more (a newline ends a kLine display).
  void Stop();

 private:
  void Run();
  ProgressSnapshot Snapshot() const;
  void PrintOnce();

  ProgressMode mode_;
  const ScanCounters& counters_;
  std::chrono::steady_clock::time_point start_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_PROGRESS_REPORTER_H_
