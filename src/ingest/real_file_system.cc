// RealFileSystem: the FileSystem interface over POSIX calls.
//
// Stateless apart from the singleton itself, so every method is thread-safe.
// Error messages name the operation, the path and errno's text so a user can
// act on them ("opendir clinic/labs: Permission denied").
#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "ingest/source_walker.h"

namespace breachscope {
namespace {

// strerror() may use a shared buffer; strerror_r (GNU variant) does not.
std::string ErrnoText(int err) {
  char buf[256];
  return std::string(strerror_r(err, buf, sizeof(buf)));
}

Status ErrnoStatus(int err, const char* op, const std::string& path) {
  std::string message = std::string(op) + " " + path + ": " + ErrnoText(err);
  if (err == ENOENT || err == ENOTDIR) return NotFound(std::move(message));
  return IoError(std::move(message));
}

FileStat ToFileStat(const struct stat& st) {
  FileStat out;
  if (S_ISREG(st.st_mode)) {
    out.type = EntryType::kRegular;
  } else if (S_ISDIR(st.st_mode)) {
    out.type = EntryType::kDirectory;
  } else if (S_ISLNK(st.st_mode)) {
    out.type = EntryType::kSymlink;
  } else {
    out.type = EntryType::kSpecial;  // FIFO, socket, character/block device
  }
  out.size = st.st_size > 0 ? static_cast<uint64_t>(st.st_size) : 0;
  out.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 +
                 st.st_mtim.tv_nsec;
  return out;
}

struct DirCloser {
  void operator()(DIR* dir) const { closedir(dir); }
};

class PosixFileSystem final : public FileSystem {
 public:
  Result<FileStat> LStat(const std::string& path) override {
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) return ErrnoStatus(errno, "lstat", path);
    return ToFileStat(st);
  }

  Result<FileStat> Stat(const std::string& path) override {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return ErrnoStatus(errno, "stat", path);
    return ToFileStat(st);
  }

  Result<std::vector<std::string>> ListDir(const std::string& path) override {
    std::unique_ptr<DIR, DirCloser> dir(opendir(path.c_str()));
    if (!dir) return ErrnoStatus(errno, "opendir", path);
    std::vector<std::string> names;
    for (;;) {
      // readdir on a stream owned by this call alone is thread-safe in glibc.
      errno = 0;
      const struct dirent* entry = readdir(dir.get());
      if (entry == nullptr) {
        if (errno != 0) return ErrnoStatus(errno, "readdir", path);
        break;
      }
      const char* name = entry->d_name;
      if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
      names.emplace_back(name);
    }
    return names;
  }

  Result<std::string> RealPath(const std::string& path) override {
    std::unique_ptr<char, decltype(&std::free)> resolved(
        realpath(path.c_str(), nullptr), &std::free);
    if (!resolved) return ErrnoStatus(errno, "realpath", path);
    return std::string(resolved.get());
  }
};

}  // namespace

FileSystem* RealFileSystem() {
  // Never destroyed: callers may still use it during static destruction.
  static FileSystem* const instance = new PosixFileSystem();
  return instance;
}

}  // namespace breachscope
