// End to end: hostile input. Zip bombs (high ratio; overlapping entries),
// a zip quine, archives nested 1,000 deep, member names climbing out of the
// archive or absolute, symlink loops, FIFOs and device files, a file that
// shrinks or grows while read, a file its reader may not open, invalid
// UTF-8 and UTF-16, a 32 MiB line and a CSV with a million columns: each
// ends as a scanned item or an error item with its reason, in bounded time
// and memory, and the scan completes. (The 2 GB line is bench/long_line.sh.)
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_support.h"

namespace breachscope {
namespace {

namespace fs = std::filesystem;
using e2e::ProcessResult;
using e2e::RunProcess;
using e2e::TempDir;

constexpr char kMakeShare[] = R"py(
import io, os, struct, sys, zipfile, zlib
d = sys.argv[1]
def w(name, data):
    open(os.path.join(d, name), 'wb').write(data)
# 1. High-ratio bomb: 64 MiB of zeros deflated (about 64 KiB).
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('zeros.txt', b'\0' * (64 << 20))
w('bomb_ratio.zip', buf.getvalue())
# 2. Overlapping entries (Fifield): one local file, 2000 central entries
#    pointing at it; each would inflate the same 1 MiB kernel again.
import base64, random
random.seed(5)
kernel = base64.b64encode(bytes(random.getrandbits(8) for _ in range(786432)))[: 1 << 20]
comp = zlib.compress(kernel, 9)[2:-4]
crc = zlib.crc32(kernel)
local = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0, crc, len(comp), len(kernel), 1, 0) + b'k' + comp
central = b''
n = 2000
for i in range(n):
    name = b'k%04d' % i
    central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0, crc, len(comp), len(kernel), len(name), 0, 0, 0, 0, 0, 0) + name
end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, n, n, len(central), len(local), 0)
w('bomb_overlap.zip', local + central + end)
# 3. Nested 1,000 deep: a zip holding a zip holding ... a note.
data = b'deep@example.org\n'
name = 'note.txt'
for i in range(1000):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_STORED) as z:
        z.writestr(name, data)
    data, name = buf.getvalue(), 'level%d.zip' % i
w('nested_1000.zip', data)
# 4. Member names climbing out or absolute.
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    z.writestr(zipfile.ZipInfo('../../escape/evil.txt'), b'climb@example.org\n')
    z.writestr(zipfile.ZipInfo('/etc/absolute.txt'), b'absolute@example.org\n')
w('traversal.zip', buf.getvalue())
# 5. Invalid UTF-16: a BOM, an odd byte count and lone surrogates.
w('bad_utf16.txt', b'\xff\xfe' + 'mail utf16@example.org '.encode('utf-16-le') + b'\x00\xd8\x41\x00\x00\xdc' + b'\x41')
w('bad_utf8.txt', b'caf\xc3 \xff\xfe \xed\xa0\x80 mail utf8@example.org \xf4\x90\x80\x80\n')
# 6. A CSV with a million columns and one row.
cols = 1000000
w('wide.csv', (','.join('c%d' % i for i in range(cols)) + '\n' + ','.join('v' for _ in range(cols - 1)) + ',wide@example.org\n').encode())
# 7. A 32 MiB line (the 2 GB one is in bench/).
w('long_line.txt', b'x' * (32 << 20) + b' long@example.org\n')
)py";

struct Item {
  std::string status, code, message;
  uint64_t bytes = 0;
};

class HostileInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    share_ = dir_->path() + "/share";
    fs::create_directories(share_ + "/loops");
    ProcessResult made = RunProcess({"python3", "-c", kMakeShare, share_});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    ProcessResult quine = RunProcess(
        {"python3", std::string(BREACHSCOPE_SOURCE_DIR) + "/tests/data/hostile/make_zip_quine.py",
         share_ + "/quine.zip"});
    ASSERT_EQ(quine.exit_code, 0) << quine.err;
    ASSERT_EQ(symlink("..", (share_ + "/loops/up").c_str()), 0);
    ASSERT_EQ(symlink("loop_b", (share_ + "/loops/loop_a").c_str()), 0);
    ASSERT_EQ(symlink("loop_a", (share_ + "/loops/loop_b").c_str()), 0);
    ASSERT_EQ(symlink("/dev/zero", (share_ + "/zero_device").c_str()), 0);
    ASSERT_EQ(mkfifo((share_ + "/pipe").c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    scan_ = new ProcessResult(Scan("case", {}));
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    followed_ = new ProcessResult(Scan("followed", {"--follow-symlinks"}));
    findings_ = new std::string(RunProcess({e2e::BinaryPath(), "export", "findings",
                                            "--case", dir_->path() + "/case"}).out);
  }
  static void TearDownTestSuite() {
    delete findings_;
    delete followed_;
    delete scan_;
    delete dir_;
  }
  static ProcessResult Scan(const std::string& case_name,
                            std::vector<std::string> extra) {
    std::vector<std::string> argv = {e2e::BinaryPath(), "scan", share_, "--case",
                                     dir_->path() + "/" + case_name, "--quiet"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return RunProcess(argv);
  }
  // Every item of a case, by name, read from `summary --json`'s error list
  // and the findings export (the only PHI-free listings the tool gives).
  static std::map<std::string, Item> Errors(const std::string& case_name) {
    ProcessResult summary = RunProcess({e2e::BinaryPath(), "summary", "--case",
                                        dir_->path() + "/" + case_name, "--json"});
    std::map<std::string, Item> out;
    const nlohmann::json parsed = nlohmann::json::parse(summary.out);
    for (const auto& e : parsed["errors"]) {
      Item item;
      item.code = e["code"].get<std::string>();
      item.message = e["message"].get<std::string>();
      out[e["name"].get<std::string>()] = item;
    }
    return out;
  }
  static bool Found(const std::string& source, const std::string& value) {
    return findings_->find("\"source\":\"" + source + "\"") != std::string::npos &&
           findings_->find("\"value\":\"" + value + "\"") != std::string::npos;
  }
  static TempDir* dir_;
  static std::string share_;
  static ProcessResult *scan_, *followed_;
  static std::string* findings_;
  static double seconds_;
};

TempDir* HostileInputTest::dir_ = nullptr;
std::string HostileInputTest::share_;
ProcessResult* HostileInputTest::scan_ = nullptr;
ProcessResult* HostileInputTest::followed_ = nullptr;
std::string* HostileInputTest::findings_ = nullptr;
double HostileInputTest::seconds_ = 0;

TEST_F(HostileInputTest, ScanCompletesInBoundedTimeAndMemory) {
  EXPECT_EQ(scan_->exit_code, 0) << scan_->err;
  EXPECT_EQ(followed_->exit_code, 0) << followed_->err;
  // Generous bounds for a loaded test machine; unbounded inputs (64 MiB of
  // zeros, 2 GB behind overlapping entries, 1,000 levels) would blow them.
  EXPECT_LT(seconds_, 240);
  EXPECT_LT(scan_->max_rss_kb, 600 * 1024) << "peak RSS " << scan_->max_rss_kb << " KiB";
}

TEST_F(HostileInputTest, ZipBombsAreStopped) {
  auto errors = Errors("case");
  ASSERT_TRUE(errors.count("bomb_ratio.zip!zeros.txt")) << scan_->err;
  EXPECT_EQ(errors["bomb_ratio.zip!zeros.txt"].code, "limit_exceeded");
  EXPECT_NE(errors["bomb_ratio.zip!zeros.txt"].message.find("zip bomb"), std::string::npos);
  // Overlapping entries: members are read from their local headers in
  // order, so the shared kernel is inflated once, not 2,000 times.
  ProcessResult summary = RunProcess({e2e::BinaryPath(), "summary", "--case",
                                      dir_->path() + "/case", "--json"});
  nlohmann::json s = nlohmann::json::parse(summary.out);
  EXPECT_LT(s["bytes"].get<uint64_t>(), uint64_t{200} << 20) << s.dump();
}

TEST_F(HostileInputTest, DeepNestingStopsAtTheLimit) {
  bool too_deep = false;
  for (const auto& [name, item] : Errors("case")) {
    if (name.rfind("nested_1000.zip!", 0) == 0 &&
        item.message.find("nested deeper than") != std::string::npos) {
      too_deep = true;
      EXPECT_EQ(item.code, "limit_exceeded");
    }
  }
  EXPECT_TRUE(too_deep);
}

// A zip whose member is the zip itself (tests/data/hostile/make_zip_quine.py
// checks that it is): opened again and again, it ends at the depth limit
// like any deep nesting, with the levels above it read.
TEST_F(HostileInputTest, ZipQuineStopsAtTheDepthLimit) {
  const std::string level = "!quine_contains_itself_0000.zip";
  std::string deepest;
  for (const auto& [name, item] : Errors("case")) {
    if (name.rfind("quine.zip" + level, 0) != 0) continue;
    EXPECT_EQ(item.code, "limit_exceeded") << name << ": " << item.message;
    EXPECT_NE(item.message.find("nested deeper than"), std::string::npos) << item.message;
    deepest = name;
  }
  ASSERT_FALSE(deepest.empty()) << "no error item under quine.zip";
  size_t levels = 0;
  for (size_t at = deepest.find(level); at != std::string::npos; at = deepest.find(level, at + 1)) {
    ++levels;
  }
  EXPECT_GE(levels, 5u) << deepest;  // really recursed into itself
  EXPECT_LE(levels, 64u) << deepest;
}

TEST_F(HostileInputTest, MemberNamesAreLabelsNeverPaths) {
  EXPECT_TRUE(Found("traversal.zip!../../escape/evil.txt", "climb@example.org"));
  EXPECT_TRUE(Found("traversal.zip!etc/absolute.txt", "absolute@example.org"));
  EXPECT_FALSE(fs::exists(dir_->path() + "/escape"));
  EXPECT_FALSE(fs::exists(share_ + "/../escape"));
}

TEST_F(HostileInputTest, LinksLoopsFifosAndDevicesEndWithAReason) {
  ProcessResult summary = RunProcess({e2e::BinaryPath(), "summary", "--case",
                                      dir_->path() + "/case", "--json"});
  nlohmann::json s = nlohmann::json::parse(summary.out);
  // Not following links: three loop links, the link to /dev/zero, the FIFO.
  EXPECT_EQ(s["items_skipped"].get<int>(), 5) << s.dump(1);
  auto followed = Errors("followed");
  for (const char* loop : {"loops/up", "loops/loop_a", "loops/loop_b"}) {
    ASSERT_TRUE(followed.count(loop)) << loop;
    EXPECT_FALSE(followed[loop].message.empty());
  }
  ProcessResult fs2 = RunProcess({e2e::BinaryPath(), "summary", "--case",
                                  dir_->path() + "/followed", "--json"});
  nlohmann::json f = nlohmann::json::parse(fs2.out);
  EXPECT_EQ(f["skipped_by_reason"]["special_file"].get<int>(), 2) << f.dump(1);
}

TEST_F(HostileInputTest, BrokenEncodingsWideTablesAndLongLinesAreRead) {
  EXPECT_TRUE(Found("bad_utf8.txt", "utf8@example.org"));
  EXPECT_TRUE(Found("bad_utf16.txt", "utf16@example.org"));
  EXPECT_TRUE(Found("wide.csv", "wide@example.org"));
  EXPECT_TRUE(Found("long_line.txt", "long@example.org"));
}

// Starts a scan of `share`, waits until the file is mapped, then calls
// `change` on it; returns the scan's exit status and the item's error.
std::pair<int, std::string> ScanWhileChanging(const TempDir& dir,
                                              const std::string& file,
                                              void (*change)(const std::string&)) {
  pid_t pid = e2e::Spawn({e2e::BinaryPath(), "scan", dir.path() + "/share", "--case",
                          dir.path() + "/case", "--quiet", "--threads", "1"});
  const std::string maps = "/proc/" + std::to_string(pid) + "/maps";
  bool mapped = false;
  for (int i = 0; i < 3000 && !mapped; ++i) {
    mapped = e2e::ReadFile(maps).find(file) != std::string::npos;
    if (!mapped) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (mapped) change(dir.path() + "/share/" + file);
  int status = 0;
  waitpid(pid, &status, 0);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  ProcessResult summary = RunProcess({e2e::BinaryPath(), "summary", "--case",
                                      dir.path() + "/case", "--json"});
  std::string message = mapped ? "" : "(never saw the file mapped)";
  if (code == 0) {
    const nlohmann::json parsed = nlohmann::json::parse(summary.out);
    for (const auto& e : parsed["errors"]) {
      if (e["name"] == file) message = e["message"].get<std::string>();
    }
  }
  return {code, message};
}

void WriteBigText(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  const std::string line(8000, 'x');
  for (int i = 0; i < 20000; ++i) out << line << " note" << i << "@example.org\n";
}

TEST(ChangingFileTest, FileThatShrinksWhileReadIsAnErrorNotACrash) {
  TempDir dir;
  fs::create_directories(dir.path() + "/share");
  WriteBigText(dir.path() + "/share/shrinking.txt");
  auto [code, message] = ScanWhileChanging(dir, "shrinking.txt", [](const std::string& p) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_EQ(truncate(p.c_str(), 1000), 0);
  });
  EXPECT_EQ(code, 0) << "128+7 is SIGBUS";
  EXPECT_NE(message.find("changed size while read"), std::string::npos) << message;
}

TEST(ChangingFileTest, FileThatGrowsWhileReadIsAnError) {
  TempDir dir;
  fs::create_directories(dir.path() + "/share");
  WriteBigText(dir.path() + "/share/growing.txt");
  auto [code, message] = ScanWhileChanging(dir, "growing.txt", [](const std::string& p) {
    std::ofstream(p, std::ios::app) << "appended@example.org\n";
  });
  EXPECT_EQ(code, 0);
  EXPECT_NE(message.find("changed size while read"), std::string::npos) << message;
}

// Root reads every file whatever its mode, so as root the scan runs as
// `nobody` through setpriv (util-linux, in every Debian image), in folders
// opened up for it; the locked file stays root's with mode 0.
TEST(UnreadableFileTest, PermissionDeniedIsAnErrorItem) {
  TempDir dir;
  std::vector<std::string> as_user;
  if (geteuid() == 0) {
    if (::access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "root without setpriv";
    as_user = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
    ASSERT_EQ(chmod(dir.path().c_str(), 0755), 0);
  }
  const std::string share = dir.path() + "/share", out = dir.path() + "/out";
  fs::create_directories(share);
  fs::create_directories(out);
  ASSERT_EQ(chmod(out.c_str(), 0777), 0);  // the case and its key, made by the scan's user
  e2e::WriteFile(share + "/locked.txt", "secret@example.org\n");
  e2e::WriteFile(share + "/open.txt", "open@example.org\n");
  ASSERT_EQ(chmod((share + "/locked.txt").c_str(), 0), 0);
  ASSERT_EQ(chmod((share + "/open.txt").c_str(), 0644), 0);
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), e2e::BinaryPath());
    args.insert(args.begin(), as_user.begin(), as_user.end());
    return RunProcess(args);
  };
  ProcessResult scan = run({"scan", share, "--case", out + "/case", "--quiet"});
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  ProcessResult summary = run({"summary", "--case", out + "/case", "--json"});
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  const nlohmann::json parsed = nlohmann::json::parse(summary.out);
  ASSERT_EQ(parsed["errors"].size(), 1u) << summary.out;
  EXPECT_EQ(parsed["errors"][0]["name"], "locked.txt");
  EXPECT_NE(parsed["errors"][0]["message"].get<std::string>().find("Permission denied"),
            std::string::npos)
      << summary.out;
  // The scan went on: the readable file's address was found.
  ProcessResult findings = run({"export", "findings", "--case", out + "/case"});
  EXPECT_NE(findings.out.find("open@example.org"), std::string::npos) << findings.err;
  EXPECT_EQ(findings.out.find("secret@example.org"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
