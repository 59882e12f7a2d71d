// Limits of ReadArchive: member size, per-source budget, expansion ratio.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/archive/archive_reader.h"
#include "ingest/archive/archive_test_util.h"

namespace breachscope {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using namespace testing_util;  // NOLINT: test helpers only

TEST(ArchiveLimitsTest, MemberOverSizeLimitIsRefusedAndNextIsRead) {
  IngestOptions options;
  options.max_member_bytes = 1000;
  const std::vector<Member> members = {{"big.bin", Binary()},
                                       {"small.txt", "ok"}};
  for (const Spec& spec : kContainerSpecs) {
    SCOPED_TRACE(spec.label);
    ReadOutcome r =
        Read(BuildArchive(spec.format, spec.filter, members), "x", options);
    EXPECT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_THAT(r.seen.members, ElementsAre(Pair("small.txt", "ok")));
    ASSERT_EQ(r.seen.errors.size(), 1u);
    EXPECT_EQ(r.seen.errors[0].first, "big.bin");
    EXPECT_EQ(r.seen.errors[0].second.code(), StatusCode::kLimitExceeded);
  }
}

TEST(ArchiveLimitsTest, SizeUnknownUntilReadIsStillLimited) {
  IngestOptions options;
  options.max_member_bytes = 1000;
  // A gzip stream does not declare its size: found while reading.
  ReadOutcome r = Read(Compress(archive_write_add_filter_gzip, Binary()),
                       "b.bin.gz", options);
  EXPECT_THAT(r.seen.members, IsEmpty());
  ASSERT_EQ(r.seen.errors.size(), 1u);
  EXPECT_EQ(r.seen.errors[0].first, "b.bin");
  EXPECT_EQ(r.seen.errors[0].second.code(), StatusCode::kLimitExceeded);
}

TEST(ArchiveLimitsTest, BudgetRunsOutAndStopsTheArchive) {
  const std::vector<Member> members = {
      {"a", std::string(1000, 'a')}, {"b", std::string(1000, 'b')},
      {"c", std::string(1000, 'c')}};
  ReadOutcome r = Read(BuildArchive(archive_write_set_format_zip, nullptr,
                                    members),
                       "x", IngestOptions{}, /*budget=*/1500);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded);
  EXPECT_THAT(r.status.message(), HasSubstr("budget"));
  EXPECT_THAT(r.seen.members, ElementsAre(Pair("a", std::string(1000, 'a'))));
  ASSERT_EQ(r.seen.errors.size(), 1u);
  EXPECT_EQ(r.seen.errors[0].first, "b");
  EXPECT_EQ(r.budget_left, 0u);
}

TEST(ArchiveLimitsTest, BudgetIsDecreasedByWhatWasRead) {
  ReadOutcome r = Read(BuildArchive(archive_write_set_format_zip, nullptr,
                                    {{"a", "12345"}}),
                       "x", IngestOptions{}, /*budget=*/100);
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.budget_left, 95u);
}

// 50 MB of zeros compresses ~1000:1. Reading must stop early: fast and small.
// (The header line matters: a compressed stream of nothing but zeros reads as
// an empty tar, which is harmless but tests nothing.)
class BombTest : public ::testing::TestWithParam<Spec> {};

TEST_P(BombTest, HighRatioStopsEarly) {
  static const std::string zeros = "id,note\n" + std::string(50u << 20, '\0');
  const Spec& spec = GetParam();
  const std::string bomb =
      BuildArchive(spec.format, spec.filter, {{"zeros.csv", zeros}},
                   "compression-level=1");
  IngestOptions options;
  options.max_expansion_ratio = 20;
  const auto start = std::chrono::steady_clock::now();
  ReadOutcome r = Read(bomb, "zeros.csv.gz", options);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded);
  EXPECT_THAT(r.status.message(), HasSubstr("possible zip bomb"));
  EXPECT_THAT(r.seen.members, IsEmpty());
  ASSERT_EQ(r.seen.errors.size(), 1u);
  EXPECT_THAT(r.seen.errors[0].second.message(), HasSubstr("expansion ratio"));
  // Stopped within one read chunk of ratio x archive size, long before 50 MB.
  const uint64_t bound =
      std::max<uint64_t>(options.ratio_check_min_bytes, 20 * bomb.size()) +
      (uint64_t{1} << 20);
  EXPECT_LE((uint64_t{1} << 40) - r.budget_left, bound);
  EXPECT_LT(bound, zeros.size() / 4);
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

INSTANTIATE_TEST_SUITE_P(
    Formats, BombTest,
    ::testing::Values(
        Spec{"gzip", archive_write_set_format_raw, archive_write_add_filter_gzip},
        Spec{"zip", archive_write_set_format_zip, nullptr},
        Spec{"tar_xz", archive_write_set_format_ustar,
             archive_write_add_filter_xz}),
    [](const auto& info) { return std::string(info.param.label); });

TEST(ArchiveLimitsTest, ManyModestMembersStillHitTheArchiveRatio) {
  // Like an overlapping-entries bomb: each member is small, the sum is not.
  std::vector<Member> members;
  for (int i = 0; i < 64; ++i) {
    members.push_back({"m" + std::to_string(i), std::string(256u << 10, 'z')});
  }
  const std::string zip =
      BuildArchive(archive_write_set_format_zip, nullptr, members);
  ReadOutcome r = Read(zip);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded);
  EXPECT_LT(r.seen.members.size(), members.size());
  EXPECT_LE((uint64_t{1} << 40) - r.budget_left,
            static_cast<uint64_t>(zip.size() * 250 + (2u << 20)));
}

TEST(ArchiveLimitsTest, SmallHighRatioMemberIsStillRead) {
  // Below ratio_check_min_bytes a file of blanks is legitimate.
  const std::string blanks(100000, ' ');
  ReadOutcome r = Read(Compress(archive_write_add_filter_xz, blanks), "b.xz");
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.members, ElementsAre(Pair("b", blanks)));
}

}  // namespace
}  // namespace breachscope
