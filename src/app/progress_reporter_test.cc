#include "app/progress_reporter.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(ProgressTest, LineShowsCountsRateAndEta) {
  ProgressSnapshot s{1204, 5000, 100'000'000, 300'000'000, 2000, 3, 12345, 2.0};
  EXPECT_EQ(FormatProgressLine(s),
            "1,204/5,000 files  95.4 MiB/286.1 MiB  50.0 MB/s  items 2,000  "
            "errors 3  findings 12,345  ETA 0:04");
}

TEST(ProgressTest, JsonIsOneObject) {
  ProgressSnapshot s{1, 2, 10, 20, 3, 0, 4, 0.0};
  EXPECT_EQ(FormatProgressJson(s),
            "{\"sources_done\":1,\"sources_total\":2,\"bytes_done\":10,"
            "\"bytes_total\":20,\"items\":3,\"errors\":0,\"findings\":4,"
            "\"seconds\":0.00,\"mb_per_s\":0.00,\"eta_seconds\":-1}");
}

}  // namespace
}  // namespace breachscope
