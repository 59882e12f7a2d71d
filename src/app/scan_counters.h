// Live counters of a running scan, written by workers and the writer, read
// by the progress reporter. Relaxed atomics: the numbers are for display.
//
// Also the per-stage time of the workers (StageClock): each worker thread
// owns a StageClock, switches it at stage boundaries (a few times per item,
// never per byte) and adds it into the shared counters once per source.
#ifndef BREACHSCOPE_APP_SCAN_COUNTERS_H_
#define BREACHSCOPE_APP_SCAN_COUNTERS_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace breachscope {

// Where a worker's wall time goes. kRead: open, map, sniff and decode (page
// faults land here, as decoding is the first pass over the bytes); kUnpack:
// archive and compressed-stream decoding; kExtract: splitting into units;
// kDetect: detectors (see StageClock on sampling); kSeal: sealing findings
// for the store (done by the workers, so the writer only writes); kQueue:
// waiting for the store writer (high when the store is the bottleneck);
// kOther: the rest (walk bookkeeping, between sources).
enum class Stage : int {
  kRead, kUnpack, kExtract, kDetect, kSeal, kQueue, kOther
};
inline constexpr int kStageCount = 7;
inline constexpr std::array<const char*, kStageCount> kStageNames = {
    "read", "unpack", "extract", "detect", "seal", "queue_wait", "other"};

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
  // Worker wall time per Stage, summed over workers, in nanoseconds.
  std::array<std::atomic<uint64_t>, kStageCount> stage_ns{};
};

// A per-thread stopwatch that charges elapsed time to the current stage.
// Detection runs once per unit, and units can be a few bytes (CSV cells), so
// timing every unit would cost more than some detectors: a pseudo-random one
// unit in kSampleEvery is timed, and the detect time of the others is
// estimated from it (and taken off extract, where it was charged).
class StageClock {
 public:
  static constexpr uint32_t kSampleEvery = 16;

  StageClock() : last_(Now()) {}

  // Charges the time since the last switch to the current stage; returns it.
  Stage Switch(Stage next) {
    const int64_t now = Now();
    ns_[static_cast<int>(current_)] += now - last_;
    last_ = now;
    Stage previous = current_;
    current_ = next;
    return previous;
  }

  // Call once per detected unit; true when this unit is to be timed.
  bool SampleUnit() {
    ++units_;
    rng_ ^= rng_ << 13;
    rng_ ^= rng_ >> 17;
    rng_ ^= rng_ << 5;
    if (rng_ % kSampleEvery != 0) return false;
    ++sampled_;
    return true;
  }
  // Brackets a sampled unit's detection (stage must be kExtract around it).
  void BeginSampled() { Switch(Stage::kDetect); sampled_start_ = last_; }
  void EndSampled() {
    Switch(Stage::kExtract);
    sampled_ns_ += last_ - sampled_start_;
  }

  // Adds the time so far into `counters` and starts again from zero.
  void AddTo(ScanCounters& counters) {
    Switch(current_);
    EstimateUnsampled();
    for (int i = 0; i < kStageCount; ++i) {
      if (ns_[i] > 0) {
        counters.stage_ns[i].fetch_add(static_cast<uint64_t>(ns_[i]),
                                       std::memory_order_relaxed);
      }
      ns_[i] = 0;
    }
  }

 private:
  static int64_t Now() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  // Moves the estimated detect time of unsampled units from extract.
  void EstimateUnsampled() {
    if (sampled_ > 0 && units_ > sampled_) {
      int64_t estimate = static_cast<int64_t>(
          static_cast<double>(sampled_ns_) * (units_ - sampled_) / sampled_);
      int64_t& extract = ns_[static_cast<int>(Stage::kExtract)];
      if (estimate > extract) estimate = extract;
      extract -= estimate;
      ns_[static_cast<int>(Stage::kDetect)] += estimate;
    }
    units_ = sampled_ = 0;
    sampled_ns_ = 0;
  }

  std::array<int64_t, kStageCount> ns_{};
  Stage current_ = Stage::kOther;
  int64_t last_;
  int64_t sampled_start_ = 0;
  int64_t sampled_ns_ = 0;
  uint64_t units_ = 0;
  uint64_t sampled_ = 0;
  uint64_t rng_ = 0x9E3779B97F4A7C15ull;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_SCAN_COUNTERS_H_
