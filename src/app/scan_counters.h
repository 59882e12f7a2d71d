// Live counters of a running scan, written by workers and the writer, read
// by the progress reporter. Relaxed atomics: the numbers are for display.
#ifndef BREACHSCOPE_APP_SCAN_COUNTERS_H_
#define BREACHSCOPE_APP_SCAN_COUNTERS_H_

#include <atomic>
#include <cstdint>

namespace breachscope {

struct ScanCounters {
  // Known after the walk: what this run has to read.
  std::atomic<uint64_t> sources_total{0};
  std::atomic<uint64_t> bytes_total{0};
  // Advanced as sources finish.
  std::atomic<uint64_t> sources_done{0};
  std::atomic<uint64_t> bytes_done{0};
  std::atomic<uint64_t> items{0};
  std::atomic<uint64_t> errors{0};
  std::atomic<uint64_t> findings{0};
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_SCAN_COUNTERS_H_
