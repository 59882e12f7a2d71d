#include "ingest/mapped_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace breachscope {
namespace {

using ::testing::HasSubstr;

class MappedFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/bs_map_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    for (const std::string& f : created_) unlink(f.c_str());
    rmdir(dir_.c_str());
  }
  std::string Create(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    created_.push_back(path);
    return path;
  }

  std::string dir_;
  std::vector<std::string> created_;
};

TEST_F(MappedFileTest, MapsTheWholeFile) {
  std::string text = "MSH|^~\\&|\r";
  text.push_back('\0');
  text += "tail";
  Result<MappedFile> file = MappedFile::Open(Create("a.hl7", text));
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file.value().bytes(), text);
}

TEST_F(MappedFileTest, EmptyFileIsAnEmptyView) {
  Result<MappedFile> file = MappedFile::Open(Create("empty", ""));
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_TRUE(file.value().bytes().empty());
  file.value().ReleaseBefore(100);  // harmless without a mapping
}

TEST_F(MappedFileTest, OpenErrorsCarryTheReason) {
  Result<MappedFile> missing = MappedFile::Open(dir_ + "/nope");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("No such file"));

  Result<MappedFile> dir = MappedFile::Open(dir_);
  EXPECT_EQ(dir.status().code(), StatusCode::kIoError);
  EXPECT_THAT(dir.status().message(), HasSubstr("Is a directory"));

  const std::string fifo = dir_ + "/fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  created_.push_back(fifo);
  // Must neither block nor map: a FIFO is not a file to read.
  Result<MappedFile> pipe = MappedFile::Open(fifo);
  EXPECT_THAT(pipe.status().message(), HasSubstr("not a regular file"));
}

TEST_F(MappedFileTest, PermissionDeniedCarriesTheReason) {
  const std::string locked = Create("locked", "x");
  chmod(locked.c_str(), 0);
  if (access(locked.c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running with permission to read mode-000 files (root)";
  }
  Result<MappedFile> denied = MappedFile::Open(locked);
  EXPECT_EQ(denied.status().code(), StatusCode::kIoError);
  EXPECT_THAT(denied.status().message(), HasSubstr("Permission denied"));
}

TEST_F(MappedFileTest, MoveTransfersTheMapping) {
  Result<MappedFile> opened = MappedFile::Open(Create("m", "moved"));
  ASSERT_TRUE(opened.ok());
  MappedFile a = std::move(opened).value();
  MappedFile b(std::move(a));
  EXPECT_TRUE(a.bytes().empty());  // NOLINT: checking the moved-from state
  EXPECT_EQ(b.bytes(), "moved");
  MappedFile c;
  c = std::move(b);
  EXPECT_EQ(c.bytes(), "moved");
}

// Resident size of the mapping that starts at `addr`, from /proc/self/smaps.
long ResidentKb(const void* addr) {
  std::ifstream smaps("/proc/self/smaps");
  char start_hex[32];
  std::snprintf(start_hex, sizeof(start_hex), "%lx",
                reinterpret_cast<unsigned long>(addr));
  std::string line;
  bool in_mapping = false;
  while (std::getline(smaps, line)) {
    if (line.find('-') != std::string::npos && line[0] != ' ' &&
        line.find(':') > line.find('-')) {
      in_mapping = line.rfind(start_hex, 0) == 0;
    } else if (in_mapping && line.rfind("Rss:", 0) == 0) {
      return std::strtol(line.c_str() + 4, nullptr, 10);
    }
  }
  return -1;
}

TEST_F(MappedFileTest, ReleaseBeforeKeepsResidentMemoryBounded) {
  const std::string path = dir_ + "/big";
  created_.push_back(path);
  constexpr size_t kSize = 64u << 20;
  {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(ftruncate(fd, kSize), 0);  // sparse: cheap to create
    close(fd);
  }
  Result<MappedFile> opened = MappedFile::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  MappedFile& file = opened.value();
  const std::string_view bytes = file.bytes();
  ASSERT_EQ(bytes.size(), kSize);
  long max_rss_kb = 0;
  unsigned sum = 0;
  for (size_t offset = 0; offset < kSize; offset += 4096) {
    sum += static_cast<unsigned char>(bytes[offset]);
    if (offset % (1u << 20) == 0) {
      file.ReleaseBefore(offset);
      max_rss_kb = std::max(max_rss_kb, ResidentKb(bytes.data()));
    }
  }
  EXPECT_EQ(sum, 0u);
  ASSERT_GE(max_rss_kb, 0) << "mapping not found in /proc/self/smaps";
  // Without releasing, resident size would reach 64 MiB.
  EXPECT_LT(max_rss_kb, 8 * 1024);
  // Released bytes are still readable: they fault back in from the file.
  EXPECT_EQ(bytes[0], '\0');
}

}  // namespace
}  // namespace breachscope
