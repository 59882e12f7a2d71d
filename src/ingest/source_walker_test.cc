#include "ingest/source_walker.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace breachscope {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// ---- An in-memory file system. Paths are absolute and normalized. ----

struct FakeNode {
  EntryType type = EntryType::kRegular;
  uint64_t size = 0;
  std::string target;      // symlinks: absolute target path
  bool unlistable = false;  // directories: ListDir fails
};

class FakeFileSystem : public FileSystem {
 public:
  FakeFileSystem& File(const std::string& path, uint64_t size = 1) {
    return Add(path, {EntryType::kRegular, size, "", false});
  }
  FakeFileSystem& Dir(const std::string& path, bool unlistable = false) {
    return Add(path, {EntryType::kDirectory, 0, "", unlistable});
  }
  FakeFileSystem& Link(const std::string& path, const std::string& target) {
    return Add(path, {EntryType::kSymlink, 0, target, false});
  }
  FakeFileSystem& Special(const std::string& path) {
    return Add(path, {EntryType::kSpecial, 0, "", false});
  }

  // Follows links in the parent components, not in the last one.
  Result<FileStat> LStat(const std::string& path) override {
    std::string normal = Normalize(path);
    auto it = nodes_.find(normal);
    if (it == nodes_.end()) {
      const size_t slash = normal.rfind('/');
      Result<std::string> parent = RealPath(normal.substr(0, slash));
      if (parent.ok()) it = nodes_.find(parent.value() + normal.substr(slash));
    }
    if (it == nodes_.end()) return NotFound("lstat " + path + ": no such file");
    FileStat st;
    st.type = it->second.type;
    st.size = it->second.size;
    st.mtime_ns = 42;
    return st;
  }
  Result<FileStat> Stat(const std::string& path) override {
    Result<std::string> real = RealPath(path);
    if (!real.ok()) return real.status();
    return LStat(real.value());
  }
  Result<std::vector<std::string>> ListDir(const std::string& path) override {
    std::string dir = Normalize(path);
    auto found = nodes_.find(dir);
    if (found == nodes_.end() || found->second.type == EntryType::kSymlink) {
      Result<std::string> real = RealPath(path);
      if (!real.ok()) return real.status();
      dir = real.value();
      found = nodes_.find(dir);
    }
    const FakeNode& node = found->second;
    if (node.type != EntryType::kDirectory) return IoError("not a directory");
    if (node.unlistable) return IoError("opendir " + path + ": Permission denied");
    std::vector<std::string> names;
    const std::string prefix = dir + "/";
    for (auto it = nodes_.lower_bound(prefix);
         it != nodes_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it) {
      if (it->first.find('/', prefix.size()) == std::string::npos) {
        names.push_back(it->first.substr(prefix.size()));
      }
    }
    std::reverse(names.begin(), names.end());  // the walker must sort
    return names;
  }
  // Resolves links component by component, like realpath(3).
  Result<std::string> RealPath(const std::string& path) override {
    std::string resolved;
    std::vector<std::string> pending = Split(Normalize(path));
    std::reverse(pending.begin(), pending.end());
    for (int hops = 0; !pending.empty();) {
      std::string next = resolved + "/" + pending.back();
      pending.pop_back();
      auto it = nodes_.find(next);
      if (it == nodes_.end()) return NotFound("realpath " + path + ": missing");
      if (it->second.type != EntryType::kSymlink) {
        resolved = next;
        continue;
      }
      if (++hops > 40) return IoError("realpath " + path + ": too many links");
      std::vector<std::string> target = Split(it->second.target);
      pending.insert(pending.end(), target.rbegin(), target.rend());
      resolved.clear();
    }
    return resolved.empty() ? "/" : resolved;
  }

 private:
  FakeFileSystem& Add(const std::string& path, FakeNode node) {
    nodes_[path] = node;
    return *this;
  }
  static std::string Normalize(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
  }
  static std::vector<std::string> Split(const std::string& path) {
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos < path.size()) {
      size_t slash = path.find('/', pos);
      if (slash == std::string::npos) slash = path.size();
      if (slash > pos) parts.push_back(path.substr(pos, slash - pos));
      pos = slash + 1;
    }
    return parts;
  }

  std::map<std::string, FakeNode> nodes_;
};

// One line per entry: "kind name [reason]", easy to compare as a table.
std::string Describe(const SourceEntry& e) {
  const char* kind = e.kind == SourceKind::kFile      ? "file"
                     : e.kind == SourceKind::kSkipped ? "skip"
                                                      : "error";
  std::string out = std::string(kind) + " " + e.name;
  if (!e.reason.empty()) out += " [" + e.reason + "]";
  return out;
}

struct Walked {
  Status status;
  std::vector<std::string> lines;
  std::vector<SourceEntry> entries;
};

Walked Walk(FileSystem& fs, const std::vector<std::string>& roots,
            bool follow = false) {
  IngestOptions options;
  options.follow_symlinks = follow;
  Walked out;
  out.status = WalkSources(fs, roots, options, [&](SourceEntry e) {
    out.lines.push_back(Describe(e));
    out.entries.push_back(std::move(e));
  });
  return out;
}

FakeFileSystem Share() {
  FakeFileSystem fs;
  fs.Dir("/share")
      .File("/share/b.csv", 10)
      .File("/share/B.csv")
      .File("/share/a b.txt")
      .File("/share/\xc3\xa9t\xc3\xa9.txt")
      .Dir("/share/clinic")
      .File("/share/clinic/labs.hl7", 7)
      .Dir("/share/clinic/empty")
      .Link("/share/to_labs", "/share/clinic/labs.hl7")
      .Link("/share/to_clinic", "/share/clinic")
      .Link("/share/clinic/up", "/share")
      .Link("/share/dangling", "/nowhere")
      .Special("/share/fifo")
      .Dir("/share/locked", /*unlistable=*/true)
      .File("/solo.csv");
  return fs;
}

TEST(SourceWalkerTest, SortedRecursiveWalkWithoutFollowingLinks) {
  FakeFileSystem fs = Share();
  Walked w = Walk(fs, {"/share"});
  EXPECT_TRUE(w.status.ok()) << w.status.ToString();
  EXPECT_THAT(w.lines,
              ElementsAre("file B.csv", "file a b.txt", "file b.csv",
                          "file clinic/labs.hl7",
                          "skip clinic/up [symbolic link]",
                          "skip dangling [symbolic link]",
                          "skip fifo [special file (fifo, socket or device)]",
                          "error locked [opendir /share/locked: Permission "
                          "denied]",
                          "skip to_clinic [symbolic link]",
                          "skip to_labs [symbolic link]",
                          "file \xc3\xa9t\xc3\xa9.txt"));
  EXPECT_EQ(w.entries[2].path, "/share/b.csv");
  EXPECT_EQ(w.entries[2].size, 10u);
  EXPECT_EQ(w.entries[2].mtime_ns, 42);
}

TEST(SourceWalkerTest, FollowingLinksDetectsLoops) {
  FakeFileSystem fs = Share();
  Walked w = Walk(fs, {"/share/"}, /*follow=*/true);
  EXPECT_TRUE(w.status.ok()) << w.status.ToString();
  EXPECT_THAT(
      w.lines,
      ElementsAre("file B.csv", "file a b.txt", "file b.csv",
                  "file clinic/labs.hl7", "error clinic/up [symlink loop]",
                  "error dangling [dangling symbolic link: realpath "
                  "/share/dangling: missing]",
                  "skip fifo [special file (fifo, socket or device)]",
                  "error locked [opendir /share/locked: Permission denied]",
                  "file to_clinic/labs.hl7", "error to_clinic/up [symlink loop]",
                  "file to_labs", "file \xc3\xa9t\xc3\xa9.txt"));
  // Paths stay as reached, through the link, with a single separator.
  EXPECT_EQ(w.entries[8].path, "/share/to_clinic/labs.hl7");
  EXPECT_EQ(w.entries[10].size, 7u);
}

TEST(SourceWalkerTest, RootNaming) {
  FakeFileSystem fs = Share();
  fs.Dir("/other").File("/other/x.json");
  const struct {
    std::vector<std::string> roots;
    std::vector<std::string> lines;
  } cases[] = {
      {{"/solo.csv"}, {"file solo.csv"}},
      {{"/share/clinic"}, {"file labs.hl7", "skip up [symbolic link]"}},
      {{"/other", "/solo.csv"}, {"file other/x.json", "file solo.csv"}},
      {{"/share/clinic/", "/other"},
       {"file clinic/labs.hl7", "skip clinic/up [symbolic link]",
        "file other/x.json"}},
      {{"/share/clinic/empty"}, {}},
  };
  for (const auto& c : cases) {
    Walked w = Walk(fs, c.roots);
    EXPECT_TRUE(w.status.ok()) << w.status.ToString();
    EXPECT_EQ(w.lines, c.lines) << c.roots[0];
  }
}

TEST(SourceWalkerTest, RootThatIsALinkIsFollowed) {
  FakeFileSystem fs = Share();
  Walked w = Walk(fs, {"/share/to_clinic"});
  EXPECT_THAT(w.lines, ElementsAre("file labs.hl7", "skip up [symbolic link]"));
}

TEST(SourceWalkerTest, MissingRootsAreReportedAfterWalkingTheOthers) {
  FakeFileSystem fs = Share();
  Walked w = Walk(fs, {"/gone", "/solo.csv", "/share/dangling", "/also"});
  EXPECT_THAT(w.lines, ElementsAre("file solo.csv"));
  EXPECT_EQ(w.status.code(), StatusCode::kNotFound);
  EXPECT_THAT(w.status.message(), HasSubstr("/gone"));
  EXPECT_THAT(w.status.message(), HasSubstr("/share/dangling"));
  EXPECT_THAT(w.status.message(), HasSubstr("/also"));
}

TEST(SourceWalkerTest, UnlistableRootIsAnErrorEntry) {
  FakeFileSystem fs = Share();
  Walked w = Walk(fs, {"/share/locked"});
  EXPECT_TRUE(w.status.ok());
  ASSERT_EQ(w.entries.size(), 1u);
  EXPECT_EQ(w.entries[0].kind, SourceKind::kError);
  EXPECT_EQ(w.entries[0].name, "locked");
}

// A directory chain "/deep/d/d/.../d/leaf" of any depth, computed on demand.
class DeepFileSystem : public FileSystem {
 public:
  explicit DeepFileSystem(size_t depth) : depth_(depth) {}
  Result<FileStat> LStat(const std::string& path) override {
    FileStat st;
    st.type = path.ends_with("/leaf") ? EntryType::kRegular
                                      : EntryType::kDirectory;
    return st;
  }
  Result<FileStat> Stat(const std::string& path) override {
    return LStat(path);
  }
  Result<std::vector<std::string>> ListDir(const std::string& path) override {
    const size_t level = std::count(path.begin(), path.end(), '/');
    return std::vector<std::string>{level > depth_ ? "leaf" : "d"};
  }
  Result<std::string> RealPath(const std::string& path) override {
    return path;
  }

 private:
  size_t depth_;
};

TEST(SourceWalkerTest, VeryDeepTreeDoesNotOverflowTheStack) {
  // PATH_MAX (4096) allows at most ~2048 levels on a real disk.
  DeepFileSystem fs(3000);
  for (bool follow : {false, true}) {
    Walked w = Walk(fs, {"/deep"}, follow);
    ASSERT_EQ(w.entries.size(), 1u);
    EXPECT_EQ(w.entries[0].kind, SourceKind::kFile);
    EXPECT_TRUE(w.entries[0].name.ends_with("/d/leaf"));
  }
}

// ---- The real file system, in a temporary directory. ----

class RealWalkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/bs_walk_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    Write("b.csv", "x");
    Write("a.txt", "hello");
    ASSERT_EQ(mkdir((root_ + "/sub").c_str(), 0755), 0);
    Write("sub/c.json", "{}");
    ASSERT_EQ(mkfifo((root_ + "/pipe").c_str(), 0644), 0);
    ASSERT_EQ(symlink("a.txt", (root_ + "/link").c_str()), 0);
    ASSERT_EQ(symlink("..", (root_ + "/sub/loop").c_str()), 0);
    ASSERT_EQ(mkdir((root_ + "/zlocked").c_str(), 0755), 0);
    Write("zlocked/secret.csv", "s");
    ASSERT_EQ(chmod((root_ + "/zlocked").c_str(), 0), 0);
  }
  void TearDown() override {
    chmod((root_ + "/zlocked").c_str(), 0755);
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  void Write(const std::string& rel, const std::string& text) {
    int fd = open((root_ + "/" + rel).c_str(), O_WRONLY | O_CREAT, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(write(fd, text.data(), text.size()),
              static_cast<ssize_t>(text.size()));
    close(fd);
  }
  // Root (and CAP_DAC_OVERRIDE) reads mode-000 directories anyway.
  bool LockedDirIsReadable() {
    return access((root_ + "/zlocked").c_str(), R_OK | X_OK) == 0;
  }

  std::string root_;
};

TEST_F(RealWalkTest, WalksWithoutFollowing) {
  Walked w = Walk(*RealFileSystem(), {root_});
  ASSERT_TRUE(w.status.ok()) << w.status.ToString();
  ASSERT_GE(w.lines.size(), 6u);
  EXPECT_THAT(std::vector<std::string>(w.lines.begin(), w.lines.begin() + 6),
              ElementsAre("file a.txt", "file b.csv",
                          "skip link [symbolic link]",
                          "skip pipe [special file (fifo, socket or device)]",
                          "file sub/c.json", "skip sub/loop [symbolic link]"));
  EXPECT_EQ(w.entries[0].path, root_ + "/a.txt");
  EXPECT_EQ(w.entries[0].size, 5u);
  EXPECT_GT(w.entries[0].mtime_ns, 0);
}

TEST_F(RealWalkTest, UnreadableDirectoryIsAnErrorEntry) {
  if (LockedDirIsReadable()) {
    GTEST_SKIP() << "running with permission to read mode-000 directories "
                    "(root): the unreadable-directory case cannot be made";
  }
  Walked w = Walk(*RealFileSystem(), {root_});
  ASSERT_TRUE(w.status.ok()) << w.status.ToString();
  EXPECT_EQ(w.lines.back(),
            "error zlocked [opendir " + root_ + "/zlocked: Permission denied]");
}

TEST_F(RealWalkTest, FollowsLinksAndStopsAtLoops) {
  Walked w = Walk(*RealFileSystem(), {root_}, /*follow=*/true);
  ASSERT_TRUE(w.status.ok()) << w.status.ToString();
  ASSERT_GE(w.lines.size(), 6u);
  EXPECT_THAT(std::vector<std::string>(w.lines.begin(), w.lines.begin() + 6),
              ElementsAre("file a.txt", "file b.csv", "file link",
                          "skip pipe [special file (fifo, socket or device)]",
                          "file sub/c.json", "error sub/loop [symlink loop]"));
}

TEST_F(RealWalkTest, MissingRootIsNotFound) {
  Walked w = Walk(*RealFileSystem(), {root_ + "/nope", root_ + "/a.txt"});
  EXPECT_EQ(w.status.code(), StatusCode::kNotFound);
  EXPECT_THAT(w.lines, ElementsAre("file a.txt"));
}

TEST(RealFileSystemTest, ErrorsNameThePathAndReason) {
  Result<FileStat> st = RealFileSystem()->LStat("/nonexistent/bs_x");
  EXPECT_EQ(st.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(st.status().message(), HasSubstr("/nonexistent/bs_x"));
  EXPECT_THAT(st.status().message(), HasSubstr("No such file"));
  Result<std::vector<std::string>> list = RealFileSystem()->ListDir("/etc/hostname");
  EXPECT_FALSE(list.ok());
  Result<std::string> real = RealFileSystem()->RealPath("/tmp/../tmp/.");
  ASSERT_TRUE(real.ok());
  EXPECT_EQ(real.value(), "/tmp");
}

}  // namespace
}  // namespace breachscope
