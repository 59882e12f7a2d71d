#include "app/scan_counters.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/scan_pipeline.h"

namespace breachscope {
namespace {

void Busy(std::chrono::nanoseconds how_long) {
  auto until = std::chrono::steady_clock::now() + how_long;
  while (std::chrono::steady_clock::now() < until) {
  }
}

// Spins until this thread has used `how_long` of CPU, however loaded the
// machine is.
void BusyCpu(std::chrono::nanoseconds how_long) {
  const StageClockSource real = RealStageClocks();
  const int64_t until = real.thread_cpu() + how_long.count();
  while (real.thread_cpu() < until) {
  }
}

uint64_t Ns(const ScanCounters& counters, Stage stage) {
  return counters.stage_ns[static_cast<int>(stage)].load();
}
uint64_t CpuNs(const ScanCounters& counters, Stage stage) {
  return counters.stage_cpu_ns[static_cast<int>(stage)].load();
}

// Clocks the test moves by hand: `Spend` runs on a core (both advance),
// `Wait` does not (only wall time advances).
int64_t fake_wall = 0;
int64_t fake_cpu = 0;
StageClockSource FakeClocks() {
  fake_wall = 1'000'000'000;
  fake_cpu = 5'000'000;
  return {[] { return fake_wall; }, [] { return fake_cpu; }};
}
void Spend(int64_t ns) {
  fake_wall += ns;
  fake_cpu += ns;
}
void Wait(int64_t ns) { fake_wall += ns; }

constexpr int64_t kMs = 1'000'000;

TEST(StageClock, ChargesEachStageItsOwnTime) {
  ScanCounters counters;
  StageClock clock;
  clock.Switch(Stage::kRead);
  BusyCpu(std::chrono::milliseconds(20));
  clock.Switch(Stage::kExtract);
  BusyCpu(std::chrono::milliseconds(5));
  clock.Switch(Stage::kOther);
  clock.AddTo(counters);
  // Wall time is at least the CPU time; the CPU of each stretch is read
  // at its end (each is past kCpuReadEveryNs), so each stage has its own
  // (the nanoseconds between construction and the first switch aside).
  EXPECT_GE(Ns(counters, Stage::kRead), 20'000'000u);
  EXPECT_GE(Ns(counters, Stage::kExtract), 5'000'000u);
  EXPECT_EQ(Ns(counters, Stage::kDetect), 0u);
  EXPECT_GE(CpuNs(counters, Stage::kRead), 19'900'000u);
  EXPECT_GE(CpuNs(counters, Stage::kExtract), 4'900'000u);
  EXPECT_EQ(CpuNs(counters, Stage::kDetect), 0u);
  // AddTo starts again from zero: a second call adds nothing new to read.
  uint64_t read = Ns(counters, Stage::kRead);
  clock.AddTo(counters);
  EXPECT_EQ(Ns(counters, Stage::kRead), read);
}

// The real thread CPU clock: sleeping is wall time without CPU.
TEST(StageClock, SleepingIsWallTimeWithoutCpu) {
  ScanCounters counters;
  StageClock clock;
  clock.Switch(Stage::kQueue);
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  clock.Switch(Stage::kOther);
  clock.AddTo(counters);
  EXPECT_GE(Ns(counters, Stage::kQueue), 30'000'000u);
  EXPECT_LT(CpuNs(counters, Stage::kQueue), 10'000'000u);
}

TEST(StageClock, WaitingForACoreIsNotCpu) {
  ScanCounters counters;
  StageClock clock(FakeClocks());
  clock.Switch(Stage::kExtract);
  Spend(3 * kMs);
  Wait(7 * kMs);  // runnable, but another thread had the core
  clock.Switch(Stage::kSeal);
  Spend(2 * kMs);
  clock.Switch(Stage::kOther);
  clock.AddTo(counters);
  EXPECT_EQ(Ns(counters, Stage::kExtract), 10u * kMs);
  EXPECT_EQ(CpuNs(counters, Stage::kExtract), 3u * kMs);
  EXPECT_EQ(Ns(counters, Stage::kSeal), 2u * kMs);
  EXPECT_EQ(CpuNs(counters, Stage::kSeal), 2u * kMs);
}

// Switches closer together than kCpuReadEveryNs share one CPU read; the
// CPU in between goes to their stages by wall time, none to queue_wait.
TEST(StageClock, SharesCpuOfAStretchByWallTimeButNotToWaiting) {
  ScanCounters counters;
  StageClock clock(FakeClocks());
  clock.Switch(Stage::kExtract);
  for (int i = 0; i < 100; ++i) {
    Spend(30'000);
    clock.Switch(Stage::kSeal);
    Spend(10'000);
    clock.Switch(Stage::kQueue);
    Wait(20'000);
    clock.Switch(Stage::kExtract);
  }
  clock.Switch(Stage::kOther);
  clock.AddTo(counters);
  EXPECT_EQ(Ns(counters, Stage::kExtract), 3u * kMs);
  EXPECT_EQ(Ns(counters, Stage::kSeal), 1u * kMs);
  EXPECT_EQ(Ns(counters, Stage::kQueue), 2u * kMs);
  EXPECT_NEAR(CpuNs(counters, Stage::kExtract), 3.0 * kMs, 100);
  EXPECT_NEAR(CpuNs(counters, Stage::kSeal), 1.0 * kMs, 100);
  EXPECT_EQ(CpuNs(counters, Stage::kQueue), 0u);
  // Nothing lost to rounding: the stages hold all the CPU spent.
  uint64_t total = 0;
  for (int i = 0; i < kStageCount; ++i) total += counters.stage_cpu_ns[i];
  EXPECT_EQ(total, 4u * kMs);
}

// The CPU clock is a system call: at most one read per kCpuReadEveryNs of
// wall time, plus one per AddTo, however often the stage switches.
TEST(StageClock, ReadsTheCpuClockAtMostOncePerMillisecond) {
  ScanCounters counters;
  StageClock clock(FakeClocks());
  for (int i = 0; i < 10'000; ++i) {
    Spend(10'000);  // 100 ms in all, switching every 10 us
    clock.Switch(i % 2 ? Stage::kExtract : Stage::kSeal);
  }
  clock.AddTo(counters);
  EXPECT_LE(clock.cpu_reads(), 100u + 1);
  EXPECT_GE(clock.cpu_reads(), 90u);
}

// Every unit spends the same time in detection; only sampled ones are timed,
// and the estimate moves the others' share from extract to detect.
TEST(StageClock, EstimatesDetectTimeOfUnsampledUnits) {
  ScanCounters counters;
  StageClock clock;
  clock.Switch(Stage::kExtract);
  const int units = 320;
  int sampled = 0;
  for (int i = 0; i < units; ++i) {
    if (clock.SampleUnit()) {
      ++sampled;
      clock.BeginSampled();
      Busy(std::chrono::microseconds(200));
      clock.EndSampled();
    } else {
      Busy(std::chrono::microseconds(200));
    }
  }
  clock.Switch(Stage::kOther);
  clock.AddTo(counters);
  ASSERT_GT(sampled, 5);
  ASSERT_LT(sampled, units / 4);
  const double detect = Ns(counters, Stage::kDetect) / 1e6;
  // All 64 ms were detection; without the estimate, detect would hold only
  // the sampled 1/16. A busy wait never ends early, so every unit took at
  // least 200 us and the estimate is at least the full 64 ms (preemption on
  // a loaded machine only adds, to either side).
  EXPECT_GE(detect, units * 0.2 * 0.999);
}

// The unsampled units' CPU moves from extract to detect in the proportion
// their estimated wall time does.
TEST(StageClock, MovesUnsampledCpuLikeWallTime) {
  ScanCounters counters;
  StageClock clock(FakeClocks());
  clock.Switch(Stage::kExtract);
  int sampled = 0;
  for (int i = 0; i < 1600; ++i) {
    Spend(1'000);  // splitting the unit
    if (clock.SampleUnit()) {
      ++sampled;
      clock.BeginSampled();
      Spend(3'000);
      clock.EndSampled();
    } else {
      Spend(3'000);
    }
  }
  clock.Switch(Stage::kOther);
  clock.AddTo(counters);
  ASSERT_GT(sampled, 50);
  // 1.6 ms of splitting, 4.8 ms of detection: both clocks agree here.
  EXPECT_NEAR(Ns(counters, Stage::kDetect), 4.8 * kMs, 1);
  EXPECT_NEAR(Ns(counters, Stage::kExtract), 1.6 * kMs, 1);
  EXPECT_NEAR(CpuNs(counters, Stage::kDetect), 4.8 * kMs, 0.01 * kMs);
  EXPECT_NEAR(CpuNs(counters, Stage::kExtract), 1.6 * kMs, 0.01 * kMs);
}

TEST(FormatScanStats, OneLinePerFigureStageAndFormat) {
  ScanOutcome outcome;
  outcome.seconds = 2;
  outcome.bytes = 1000;
  outcome.stats.threads = 2;
  const int detect = static_cast<int>(Stage::kDetect);
  const int read = static_cast<int>(Stage::kRead);
  const int queue = static_cast<int>(Stage::kQueue);
  outcome.stats.stage_seconds[detect] = 3.5;
  outcome.stats.stage_cpu_seconds[detect] = 3;
  outcome.stats.stage_seconds[read] = 1;
  outcome.stats.stage_cpu_seconds[read] = 1;
  outcome.stats.stage_seconds[queue] = 0.25;
  outcome.stats.store_seconds = 0.75;
  outcome.stats.cpu_user_seconds = 4.5;
  outcome.stats.cpu_system_seconds = 0.5;
  outcome.stats.writer_cpu_seconds = 0.5;
  outcome.stats.formats["csv"] = {3, 900, 12};
  const std::string text = FormatScanStats(outcome);
  EXPECT_NE(text.find("stats threads 2.000\n"), std::string::npos);
  EXPECT_NE(text.find("stats bytes 1000.000\n"), std::string::npos);
  EXPECT_NE(text.find("stats workers_cpu_s 4.000\n"), std::string::npos);
  EXPECT_NE(text.find("stats writer_cpu_s 0.500\n"), std::string::npos);
  EXPECT_NE(text.find("stats stage detect     cpu    3.000 s  60.0%  wall    3.500 s\n"),
            std::string::npos);
  EXPECT_NE(text.find("stats stage read       cpu    1.000 s  20.0%  wall    1.000 s\n"),
            std::string::npos);
  EXPECT_NE(text.find("stats stage queue_wait cpu    0.000 s   0.0%  wall    0.250 s\n"),
            std::string::npos);
  EXPECT_NE(text.find("stats stage store      cpu    0.500 s  10.0%  wall    0.750 s "
                      "(writer thread; wall in store calls)\n"),
            std::string::npos);
  EXPECT_NE(text.find("stats format csv        items 3 bytes 900 findings 12\n"),
            std::string::npos);
}

}  // namespace
}  // namespace breachscope
