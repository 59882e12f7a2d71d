// End to end: hostile and broken input gives a clear per-item error or a
// correct scan, never a crash, and memory stays bounded.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace breachscope {
namespace {

using e2e::RunProcess;
using e2e::TempDir;
using e2e::WriteFile;

// Builds archives with Python's standard library, which every test machine
// has for the share generator anyway.
void MakeArchives(const std::string& dir) {
  std::string script =
      "import zipfile, gzip, io, sys\n"
      "d = sys.argv[1]\n"
      "buf = io.BytesIO()\n"
      "with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:\n"
      "    for i in range(3):\n"
      "        z.writestr(f'notes/n{i}.txt', ('Contact alex%d@example.org. ' % i) * 4000)\n"
      "data = buf.getvalue()\n"
      "open(d + '/truncated.zip', 'wb').write(data[: len(data) // 2])\n"
      "g = bytearray(gzip.compress(b'Reach me at pat@example.org ' * 5000))\n"
      "for i in range(40, 80): g[i] ^= 0x5A\n"
      "open(d + '/corrupt.csv.gz', 'wb').write(bytes(g))\n";
  e2e::ProcessResult result = RunProcess({"python3", "-c", script, dir});
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

void MakeBadShare(const std::string& dir) {
  MakeArchives(dir);
  WriteFile(dir + "/invalid_utf8.txt",
            "Patient: Hél\xe8ne C\xf4t\xe9\nE-mail: helene@example.ca\n");
  WriteFile(dir + "/nul_bytes.bin",
            std::string("\0\0\0\x01\x02", 5) + "contact: kim@example.net" +
                std::string(100, '\0'));
  WriteFile(dir + "/empty.txt", "");
  WriteFile(dir + "/ragged.csv",
            "name,email,phone\nA,a@example.com\nB,b@example.com,306-721-0100,extra\n"
            "C,c@example.com,(306) 721-0101\n");
  // One line of 200 MB with an address at its very end.
  std::string line(200u << 20, 'x');
  for (size_t i = 80; i < line.size(); i += 80) line[i] = ' ';
  line += " end.of.line@example.com";
  WriteFile(dir + "/long_line.txt", line);
  ASSERT_EQ(mkfifo((dir + "/pipe").c_str(), 0600), 0);
  ASSERT_EQ(symlink("/nonexistent/target", (dir + "/dangling").c_str()), 0);
}

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    share_ = dir_->path() + "/share";
    std::filesystem::create_directories(share_);
    MakeBadShare(share_);
    scan_ = new e2e::ProcessResult(RunProcess({e2e::BinaryPath(), "scan", share_,
                                            "--case", dir_->path() + "/case",
                                            "--quiet"}));
    e2e::ProcessResult summary = RunProcess(
        {e2e::BinaryPath(), "summary", "--case", dir_->path() + "/case", "--json"});
    summary_ = new nlohmann::json(nlohmann::json::parse(summary.out));
    findings_ = new std::string(RunProcess({e2e::BinaryPath(), "export", "findings",
                                     "--case", dir_->path() + "/case"})
                                    .out);
  }
  static void TearDownTestSuite() {
    delete findings_;
    delete summary_;
    delete scan_;
    delete dir_;
  }
  static std::string ErrorCodeOf(const std::string& name) {
    for (const auto& error : (*summary_)["errors"]) {
      if (error["name"] == name) return error["code"];
    }
    return "";
  }
  static bool Found(const std::string& source, const std::string& value) {
    return findings_->find("\"source\":\"" + source + "\"") != std::string::npos &&
           findings_->find("\"value\":\"" + value + "\"") != std::string::npos;
  }
  static TempDir* dir_;
  static std::string share_;
  static e2e::ProcessResult* scan_;
  static nlohmann::json* summary_;
  static std::string* findings_;
};

TempDir* BadInputTest::dir_ = nullptr;
std::string BadInputTest::share_;
e2e::ProcessResult* BadInputTest::scan_ = nullptr;
nlohmann::json* BadInputTest::summary_ = nullptr;
std::string* BadInputTest::findings_ = nullptr;

TEST_F(BadInputTest, ScanCompletes) {
  EXPECT_EQ(scan_->exit_code, 0) << scan_->err;
  EXPECT_EQ((*summary_)["sources"].get<int>(), 9);
}

TEST_F(BadInputTest, BrokenArchivesAreErrorItemsWithReasons) {
  EXPECT_EQ(ErrorCodeOf("truncated.zip"), "corrupt") << summary_->dump(2);
  bool gzip_error = !ErrorCodeOf("corrupt.csv.gz").empty() ||
                    !ErrorCodeOf("corrupt.csv.gz!corrupt.csv").empty();
  EXPECT_TRUE(gzip_error) << summary_->dump(2);
}

TEST_F(BadInputTest, SpecialFilesAreSkippedAndCounted) {
  EXPECT_EQ((*summary_)["items_skipped"].get<int>(), 2) << summary_->dump(2);
}

TEST_F(BadInputTest, DamagedTextIsStillRead) {
  EXPECT_TRUE(Found("invalid_utf8.txt", "helene@example.ca"));
  EXPECT_TRUE(Found("nul_bytes.bin", "kim@example.net"));
  EXPECT_TRUE(Found("ragged.csv", "c@example.com"));
  EXPECT_TRUE(Found("ragged.csv", "(306) 721-0101"));
  EXPECT_TRUE(Found("long_line.txt", "end.of.line@example.com"));
}

TEST_F(BadInputTest, MemoryStaysBoundedOnAHugeLine) {
  // The 200 MB line is mapped, not copied; pages are released as it is read.
  // Compared with a scan of one small file, so the libraries and
  // dictionaries the binary loads anyway are not counted against it.
  TempDir small;
  WriteFile(small.path() + "/note.txt", "contact: kim@example.net\n");
  e2e::ProcessResult baseline = RunProcess(
      {e2e::BinaryPath(), "scan", small.path() + "/note.txt", "--case", small.path() + "/case", "--quiet"});
  ASSERT_EQ(baseline.exit_code, 0) << baseline.err;
  const long growth_kb = scan_->max_rss_kb - baseline.max_rss_kb;
  EXPECT_LT(growth_kb, 64 * 1024) << "peak RSS " << scan_->max_rss_kb << " KiB against "
                                  << baseline.max_rss_kb << " KiB for one small file";
}

}  // namespace
}  // namespace breachscope
