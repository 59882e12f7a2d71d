// A mapped file cut short while mapped: reading past its new end gives
// zeros instead of SIGBUS, and CheckUnchanged reports the change.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/mapped_file.h"

namespace breachscope {
namespace {

TEST(MappedFileShrinkTest, ReadingPastANewEndGivesZerosAndAnError) {
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("mapped_shrink_" + std::to_string(::getpid()))).string();
  { std::ofstream(path, std::ios::binary) << std::string(1 << 20, 'a'); }
  Result<MappedFile> file = MappedFile::Open(path);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_TRUE(file.value().CheckUnchanged().ok());
  ASSERT_EQ(::truncate(path.c_str(), 100), 0);
  const std::string_view bytes = file.value().bytes();
  EXPECT_EQ(bytes[50], 'a');
  EXPECT_EQ(bytes[bytes.size() - 1], '\0');  // would have been SIGBUS
  EXPECT_EQ(bytes[(1 << 19) + 7], '\0');
  Status changed = file.value().CheckUnchanged();
  EXPECT_EQ(changed.code(), StatusCode::kIoError);
  EXPECT_NE(changed.message().find("changed size while read"), std::string::npos);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace breachscope
