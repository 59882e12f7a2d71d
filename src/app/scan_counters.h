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
#include <cstdint>

namespace breachscope {

// Where a worker's time goes. kRead: open, map, sniff and decode (page
// faults land here, as decoding is the first pass over the bytes); kUnpack:
// archive and compressed-stream decoding; kExtract: splitting into units;
// kDetect: detectors (see StageClock on sampling); kSeal: sealing findings
// for the store (done by the workers, so the writer only writes); kQueue:
// waiting for the store writer (high when the store is the bottleneck),
// or for another worker to finish detecting a batch of a big item this
// worker reads (app/detect_pool.h); kOther: the rest (walk bookkeeping,
// between sources).
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
  // Worker thread CPU time per Stage, summed over workers, in nanoseconds.
  std::array<std::atomic<uint64_t>, kStageCount> stage_cpu_ns{};
};

// The clocks a StageClock reads, in nanoseconds; tests pass fakes.
struct StageClockSource {
  int64_t (*wall)();        // monotonic wall time
  int64_t (*thread_cpu)();  // CPU time of the calling thread
};
// steady_clock and CLOCK_THREAD_CPUTIME_ID.
StageClockSource RealStageClocks();

// A per-thread stopwatch that charges each stage its wall time and the
// thread's CPU time. Wall time alone lies on a machine short of cores: a
// worker waiting for a core is charged to whatever stage it is in; the
// CPU clock counts only time on a core, and waiting for the writer
// (kQueue) shows as wall time without CPU.
//
// Two samplings keep it cheap:
// - Detection runs once per unit, and units can be a few bytes (CSV cells),
//   so timing every unit would cost more than some detectors: a
//   pseudo-random one unit in kSampleEvery is timed (wall clock only), and
//   the detect time of the others is estimated from it (and taken off
//   extract, where it was charged); their CPU moves in the same proportion.
// - The thread CPU clock is a system call (about 3 us on a virtual machine,
//   25 times a steady_clock read), so it is read at a switch only once
//   kCpuReadEveryNs of wall time has passed since the last read, and at
//   AddTo. The CPU used in between is shared among the stages of that
//   stretch in proportion to their wall time, queue_wait excluded (a wait
//   uses no CPU). A stretch is about a millisecond, so a worker kept off
//   its core moves CPU between stages only within one stretch.
class StageClock {
 public:
  static constexpr uint32_t kSampleEvery = 16;
  static constexpr int64_t kCpuReadEveryNs = 1'000'000;

  explicit StageClock(StageClockSource clocks = RealStageClocks());

  // Charges the time since the last switch to the current stage; returns it.
  Stage Switch(Stage next) {
    const Stage previous = Advance(next);
    if (last_wall_ - cpu_read_wall_ >= kCpuReadEveryNs) ReadCpu();
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
  // Wall clock only: a CPU read here would cost more than many units.
  void BeginSampled() {
    Advance(Stage::kDetect);
    sampled_start_ = last_wall_;
  }
  void EndSampled() {
    Advance(Stage::kExtract);
    sampled_ns_ += last_wall_ - sampled_start_;
  }

  // Adds the time so far into `counters` and starts again from zero.
  void AddTo(ScanCounters& counters);

  // Reads of the thread CPU clock so far (to check what the clock costs).
  uint64_t cpu_reads() const { return cpu_reads_; }

 private:
  // Charges the wall time since the last switch to the current stage.
  Stage Advance(Stage next) {
    const int64_t now = clocks_.wall();
    const int at = static_cast<int>(current_);
    wall_ns_[at] += now - last_wall_;
    stretch_ns_[at] += now - last_wall_;
    last_wall_ = now;
    const Stage previous = current_;
    current_ = next;
    return previous;
  }
  // Reads the CPU clock and shares the CPU since the last read out over
  // the stretch's stages.
  void ReadCpu();
  // Moves the estimated detect time of unsampled units from extract.
  void EstimateUnsampled();

  StageClockSource clocks_;
  std::array<int64_t, kStageCount> wall_ns_{};
  std::array<int64_t, kStageCount> cpu_ns_{};
  std::array<int64_t, kStageCount> stretch_ns_{};  // wall since the CPU read
  Stage current_ = Stage::kOther;
  int64_t last_wall_;
  int64_t cpu_read_wall_;  // wall time of the last CPU read
  int64_t last_cpu_;
  uint64_t cpu_reads_ = 0;
  int64_t sampled_start_ = 0;
  int64_t sampled_ns_ = 0;
  uint64_t units_ = 0;
  uint64_t sampled_ = 0;
  uint64_t rng_ = 0x9E3779B97F4A7C15ull;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_SCAN_COUNTERS_H_
