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

uint64_t Ns(const ScanCounters& counters, Stage stage) {
  return counters.stage_ns[static_cast<int>(stage)].load();
}

TEST(StageClock, ChargesEachStageItsOwnTime) {
  ScanCounters counters;
  StageClock clock;
  clock.Switch(Stage::kRead);
  Busy(std::chrono::milliseconds(20));
  clock.Switch(Stage::kExtract);
  Busy(std::chrono::milliseconds(5));
  clock.Switch(Stage::kOther);
  clock.AddTo(counters);
  EXPECT_GE(Ns(counters, Stage::kRead), 20'000'000u);
  EXPECT_GE(Ns(counters, Stage::kExtract), 5'000'000u);
  EXPECT_EQ(Ns(counters, Stage::kDetect), 0u);
  // AddTo starts again from zero: a second call adds nothing new to read.
  uint64_t read = Ns(counters, Stage::kRead);
  clock.AddTo(counters);
  EXPECT_EQ(Ns(counters, Stage::kRead), read);
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

TEST(FormatScanStats, OneLinePerFigureStageAndFormat) {
  ScanOutcome outcome;
  outcome.seconds = 2;
  outcome.bytes = 1000;
  outcome.stats.threads = 2;
  outcome.stats.stage_seconds[static_cast<int>(Stage::kDetect)] = 3;
  outcome.stats.stage_seconds[static_cast<int>(Stage::kRead)] = 1;
  outcome.stats.store_seconds = 0.5;
  outcome.stats.cpu_user_seconds = 4.5;
  outcome.stats.writer_cpu_seconds = 0.5;  // so the workers used 4 s
  outcome.stats.formats["csv"] = {3, 900, 12};
  const std::string text = FormatScanStats(outcome);
  EXPECT_NE(text.find("stats threads 2.000\n"), std::string::npos);
  EXPECT_NE(text.find("stats bytes 1000.000\n"), std::string::npos);
  EXPECT_NE(text.find("stats stage detect         3.000 s  75.0%  cpu~ 3.000 s\n"),
            std::string::npos);
  EXPECT_NE(text.find("stats stage read           1.000 s  25.0%  cpu~ 1.000 s\n"),
            std::string::npos);
  EXPECT_NE(text.find("stats format csv        items 3 bytes 900 findings 12\n"),
            std::string::npos);
}

}  // namespace
}  // namespace breachscope
