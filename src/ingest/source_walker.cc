// WalkSources: depth-first walk of the scan roots in byte order of names.
//
// The walk is iterative (an explicit stack of open directories) so a hostile,
// very deep tree cannot overflow the call stack. Every entry found is reported
// exactly once: regular files as kFile, links/FIFOs/sockets/devices as
// kSkipped, anything that cannot be stat'ed or listed as kError.
#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ingest/source_walker.h"

namespace breachscope {
namespace {

// The FileStat interface does not say which kind of special file it saw, and
// the walker must not make its own OS calls, so the reason names all three.
constexpr char kSpecialReason[] = "special file (fifo, socket or device)";
constexpr char kSymlinkReason[] = "symbolic link";
constexpr char kLoopReason[] = "symlink loop";

std::string StripTrailingSlashes(const std::string& path) {
  std::string out = path;
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string LastComponent(const std::string& path) {
  std::string stripped = StripTrailingSlashes(path);
  if (stripped == "/") return "";
  size_t slash = stripped.rfind('/');
  return slash == std::string::npos ? stripped : stripped.substr(slash + 1);
}

std::string JoinPath(const std::string& dir, const std::string& child) {
  if (!dir.empty() && dir.back() == '/') return dir + child;
  return dir + "/" + child;
}

std::string JoinName(const std::string& parent, const std::string& child) {
  return parent.empty() ? child : parent + "/" + child;
}

class Walker {
 public:
  Walker(FileSystem& fs, const IngestOptions& options,
         const std::function<void(SourceEntry)>& visit)
      : fs_(fs), options_(options), visit_(visit) {}

  // Walks one root. Returns false when the root does not exist.
  bool WalkRoot(const std::string& root, bool prefix_names);

 private:
  // A directory being listed: its children sorted, and the next to visit.
  struct Frame {
    std::string path;
    std::string name;
    std::string real_path;  // set only when following symlinks
    std::vector<std::string> children;
    size_t next = 0;
  };

  std::string RootBaseName(const std::string& root);
  void HandleEntry(const std::string& path, const std::string& name,
                   const FileStat& st);
  void HandleSymlink(const std::string& path, const std::string& name,
                     const FileStat& link_st);
  void EnterDirectory(const std::string& path, const std::string& name);
  void RunStack();
  void Emit(SourceKind kind, const std::string& path, const std::string& name,
            const FileStat& st, std::string reason);

  FileSystem& fs_;
  const IngestOptions& options_;
  const std::function<void(SourceEntry)>& visit_;
  std::vector<Frame> stack_;
  std::set<std::string> real_paths_on_stack_;
  std::string root_display_name_;  // names a single root dir's own errors
};

std::string Walker::RootBaseName(const std::string& root) {
  std::string base = LastComponent(root);
  if (base.empty() || base == "." || base == "..") {
    // "." or ".." says nothing; the canonical path has the real name.
    Result<std::string> real = fs_.RealPath(root);
    if (real.ok()) base = LastComponent(real.value());
  }
  return base;
}

void Walker::Emit(SourceKind kind, const std::string& path,
                  const std::string& name, const FileStat& st,
                  std::string reason) {
  SourceEntry entry;
  entry.kind = kind;
  entry.path = path;
  entry.name = name.empty() ? root_display_name_ : name;
  entry.size = st.size;
  entry.mtime_ns = st.mtime_ns;
  entry.reason = std::move(reason);
  visit_(std::move(entry));
}

bool Walker::WalkRoot(const std::string& root, bool prefix_names) {
  const std::string base = RootBaseName(root);
  root_display_name_ = base;
  Result<FileStat> st = fs_.LStat(root);
  if (!st.ok()) {
    if (st.status().code() == StatusCode::kNotFound) return false;
    Emit(SourceKind::kError, root, base, FileStat{}, st.status().message());
    return true;
  }
  FileStat root_st = st.value();
  if (root_st.type == EntryType::kSymlink) {
    // A root the user named explicitly is followed even when links inside the
    // tree are not (like `find -H`): shares are often mounted via a link.
    Result<FileStat> target = fs_.Stat(root);
    if (!target.ok()) {
      if (target.status().code() == StatusCode::kNotFound) return false;
      Emit(SourceKind::kError, root, base, root_st, target.status().message());
      return true;
    }
    root_st = target.value();
  }
  // A root that is a file is always named by its base name.
  const bool is_dir = root_st.type == EntryType::kDirectory;
  HandleEntry(root, (prefix_names || !is_dir) ? base : "", root_st);
  RunStack();
  return true;
}

void Walker::HandleEntry(const std::string& path, const std::string& name,
                         const FileStat& st) {
  switch (st.type) {
    case EntryType::kRegular:
      Emit(SourceKind::kFile, path, name, st, "");
      return;
    case EntryType::kDirectory:
      EnterDirectory(path, name);
      return;
    case EntryType::kSymlink:
      HandleSymlink(path, name, st);
      return;
    case EntryType::kSpecial:
      Emit(SourceKind::kSkipped, path, name, st, kSpecialReason);
      return;
    case EntryType::kMissing:
      Emit(SourceKind::kError, path, name, st, "vanished during the walk");
      return;
  }
}

void Walker::HandleSymlink(const std::string& path, const std::string& name,
                           const FileStat& link_st) {
  if (!options_.follow_symlinks) {
    Emit(SourceKind::kSkipped, path, name, link_st, kSymlinkReason);
    return;
  }
  Result<FileStat> target = fs_.Stat(path);
  if (!target.ok()) {
    std::string reason = target.status().code() == StatusCode::kNotFound
                             ? "dangling symbolic link: "
                             : "";
    Emit(SourceKind::kError, path, name, link_st,
         reason + target.status().message());
    return;
  }
  if (target.value().type == EntryType::kSymlink) {
    // stat() never reports a link; a fake or racing FS might. Do not recurse.
    Emit(SourceKind::kSkipped, path, name, link_st, kSymlinkReason);
    return;
  }
  HandleEntry(path, name, target.value());
}

void Walker::EnterDirectory(const std::string& path, const std::string& name) {
  Frame frame;
  frame.path = path;
  frame.name = name;
  if (options_.follow_symlinks) {
    // Links can only loop back to a directory that is still open above us.
    Result<std::string> real = fs_.RealPath(path);
    if (!real.ok()) {
      Emit(SourceKind::kError, path, name, FileStat{}, real.status().message());
      return;
    }
    if (real_paths_on_stack_.count(real.value()) != 0) {
      Emit(SourceKind::kError, path, name, FileStat{}, kLoopReason);
      return;
    }
    frame.real_path = real.value();
  }
  Result<std::vector<std::string>> children = fs_.ListDir(path);
  if (!children.ok()) {
    FileStat dir_st;
    dir_st.type = EntryType::kDirectory;
    Emit(SourceKind::kError, path, name, dir_st, children.status().message());
    return;
  }
  frame.children = std::move(children).value();
  // std::string compares with char_traits<char>, i.e. memcmp: byte order.
  std::sort(frame.children.begin(), frame.children.end());
  if (!frame.real_path.empty()) real_paths_on_stack_.insert(frame.real_path);
  stack_.push_back(std::move(frame));
}

void Walker::RunStack() {
  while (!stack_.empty()) {
    Frame& top = stack_.back();
    if (top.next == top.children.size()) {
      if (!top.real_path.empty()) real_paths_on_stack_.erase(top.real_path);
      stack_.pop_back();
      continue;
    }
    // Copies: HandleEntry may push a frame and invalidate `top`.
    const std::string& child = top.children[top.next++];
    std::string path = JoinPath(top.path, child);
    std::string name = JoinName(top.name, child);
    Result<FileStat> st = fs_.LStat(path);
    if (!st.ok()) {
      Emit(SourceKind::kError, path, name, FileStat{}, st.status().message());
      continue;
    }
    HandleEntry(path, name, st.value());
  }
}

}  // namespace

Status WalkSources(FileSystem& fs, const std::vector<std::string>& roots,
                   const IngestOptions& options,
                   const std::function<void(SourceEntry)>& visit) {
  const bool prefix_names = roots.size() > 1;
  std::vector<std::string> missing;
  for (const std::string& root : roots) {
    Walker walker(fs, options, visit);
    if (!walker.WalkRoot(root, prefix_names)) missing.push_back(root);
  }
  if (missing.empty()) return Status::Ok();
  std::string message = missing.size() == 1 ? "scan root does not exist: "
                                            : "scan roots do not exist: ";
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) message += ", ";
    message += missing[i];
  }
  return NotFound(std::move(message));
}

}  // namespace breachscope
