#include "ingest/archive/member_names.h"

#include <utility>

#include "gtest/gtest.h"

namespace breachscope {
namespace {

TEST(MemberNamesTest, CleanMemberPath) {
  const std::pair<const char*, const char*> cases[] = {
      {"a/b.csv", "a/b.csv"},     {"/etc/passwd", "etc/passwd"},
      {"//x", "x"},               {"./a/./b", "a/b"},
      {"../../up", "../../up"},   {"a/../b", "a/../b"},
      {"dir/", "dir"},            {"", "(unnamed)"},
      {"/", "(unnamed)"},         {"a\\b", "a\\b"},
  };
  for (const auto& [raw, clean] : cases) {
    EXPECT_EQ(CleanMemberPath(raw), clean) << raw;
  }
}

TEST(MemberNamesTest, CompressedMemberName) {
  const std::pair<const char*, const char*> cases[] = {
      {"lab.csv.gz", "lab.csv"},  {"dir/a.TXT.XZ", "a.TXT"},
      {"o.zip!in/b.bz2", "b"},    {"backup.tgz", "backup.tar"},
      {"raw", "raw.out"},         {".gz", ".gz.out"},
      {"", "data.out"},           {"x.zst", "x"},
  };
  for (const auto& [outer, member] : cases) {
    EXPECT_EQ(CompressedMemberName(outer), member) << outer;
  }
}

}  // namespace
}  // namespace breachscope
