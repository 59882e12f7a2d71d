#include "app/scan_counters.h"

#include <time.h>

#include <chrono>

namespace breachscope {
namespace {

int64_t SteadyNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int64_t ThreadCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

constexpr int kQueue = static_cast<int>(Stage::kQueue);
constexpr int kExtract = static_cast<int>(Stage::kExtract);
constexpr int kDetect = static_cast<int>(Stage::kDetect);

}  // namespace

StageClockSource RealStageClocks() { return {&SteadyNs, &ThreadCpuNs}; }

StageClock::StageClock(StageClockSource clocks)
    : clocks_(clocks),
      last_wall_(clocks.wall()),
      cpu_read_wall_(last_wall_),
      last_cpu_(clocks.thread_cpu()) {}

void StageClock::ReadCpu() {
  const int64_t now = clocks_.thread_cpu();
  const int64_t cpu = now - last_cpu_;
  last_cpu_ = now;
  cpu_read_wall_ = last_wall_;
  ++cpu_reads_;
  int64_t busy = 0;  // wall of the stretch's stages that use CPU
  int largest = -1;   // the stage with most of that wall
  for (int i = 0; i < kStageCount; ++i) {
    if (i == kQueue || stretch_ns_[i] == 0) continue;
    busy += stretch_ns_[i];
    if (largest < 0 || stretch_ns_[i] > stretch_ns_[largest]) largest = i;
  }
  if (largest < 0) {
    // Only waiting since the last read (or no time at all): the little CPU
    // it took is the wait's.
    cpu_ns_[stretch_ns_[kQueue] > 0 ? kQueue : static_cast<int>(current_)] += cpu;
  } else {
    int64_t shared = 0;
    for (int i = 0; i < kStageCount; ++i) {
      if (i == kQueue || stretch_ns_[i] == 0) continue;
      const auto part = static_cast<int64_t>(
          static_cast<double>(cpu) * stretch_ns_[i] / busy);
      cpu_ns_[i] += part;
      shared += part;
    }
    cpu_ns_[largest] += cpu - shared;  // rounding, so the sum is exact
  }
  stretch_ns_.fill(0);
}

void StageClock::EstimateUnsampled() {
  int64_t& extract = wall_ns_[kExtract];
  if (sampled_ > 0 && units_ > sampled_ && extract > 0) {
    int64_t estimate = static_cast<int64_t>(
        static_cast<double>(sampled_ns_) * (units_ - sampled_) / sampled_);
    if (estimate > extract) estimate = extract;
    // Extract's CPU is split as its wall time is: the unsampled units'
    // detection ran inside it, unseen by either clock.
    const auto cpu_moved = static_cast<int64_t>(
        static_cast<double>(cpu_ns_[kExtract]) * estimate / extract);
    extract -= estimate;
    wall_ns_[kDetect] += estimate;
    cpu_ns_[kExtract] -= cpu_moved;
    cpu_ns_[kDetect] += cpu_moved;
  }
  units_ = sampled_ = 0;
  sampled_ns_ = 0;
}

void StageClock::AddTo(ScanCounters& counters) {
  Advance(current_);
  ReadCpu();
  EstimateUnsampled();
  for (int i = 0; i < kStageCount; ++i) {
    if (wall_ns_[i] > 0) {
      counters.stage_ns[i].fetch_add(static_cast<uint64_t>(wall_ns_[i]),
                                     std::memory_order_relaxed);
    }
    if (cpu_ns_[i] > 0) {
      counters.stage_cpu_ns[i].fetch_add(static_cast<uint64_t>(cpu_ns_[i]),
                                         std::memory_order_relaxed);
    }
  }
  wall_ns_.fill(0);
  cpu_ns_.fill(0);
}

}  // namespace breachscope
