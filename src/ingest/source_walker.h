// Walking the scan roots into a sorted list of top-level sources.
//
// Every OS call goes through FileSystem so tests can run on a fake. A root may
// be a file or a directory. Directories are walked recursively in byte order
// of names, so the list is deterministic. Symbolic links are not followed
// unless asked; links, FIFOs, sockets and devices are reported as skipped
// entries (never opened: opening a FIFO blocks); unreadable directories are
// reported as error entries. Nothing is dropped silently.
#ifndef BREACHSCOPE_INGEST_SOURCE_WALKER_H_
#define BREACHSCOPE_INGEST_SOURCE_WALKER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/ingest_options.h"

namespace breachscope {

enum class EntryType { kRegular, kDirectory, kSymlink, kSpecial, kMissing };

struct FileStat {
  EntryType type = EntryType::kMissing;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

// The OS, as little of it as the walker and reader need.
// Implementations must be thread-safe.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // lstat(): does not follow a final symlink.
  virtual Result<FileStat> LStat(const std::string& path) = 0;
  // stat(): follows symlinks.
  virtual Result<FileStat> Stat(const std::string& path) = 0;
  // Names of the entries of a directory, excluding "." and "..", unsorted.
  virtual Result<std::vector<std::string>> ListDir(const std::string& path) = 0;
  // Canonical absolute path (realpath), for loop detection and resume keys.
  virtual Result<std::string> RealPath(const std::string& path) = 0;
};

// The real file system (POSIX). Process-wide singleton; thread-safe.
FileSystem* RealFileSystem();

enum class SourceKind {
  kFile,     // a regular file to read
  kSkipped,  // a symlink not followed, FIFO, socket or device: counted, not read
  kError,    // could not be listed or stat'ed: counted with its reason
};

struct SourceEntry {
  SourceKind kind = SourceKind::kFile;
  std::string path;  // path to open (as reachable from the working directory)
  // Name relative to its scan root, '/'-separated ("clinic/labs/a.csv"). A
  // root that is a file is named by its base name. With several roots, each
  // name is prefixed by its root's base name ("share1/clinic/a.csv").
  std::string name;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  std::string reason;  // kSkipped / kError: why ("symbolic link", "fifo", "permission denied")
};

// Calls `visit` for every entry under `roots`, roots in the given order,
// each root's entries sorted by name. Returns an error only when a root
// itself does not exist (the caller reports it and may go on).
Status WalkSources(FileSystem& fs, const std::vector<std::string>& roots,
                   const IngestOptions& options,
                   const std::function<void(SourceEntry)>& visit);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_SOURCE_WALKER_H_
