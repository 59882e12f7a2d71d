// MappedFile: a private read-only mmap of a whole file.
#include "ingest/mapped_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <utility>

namespace breachscope {
namespace {

std::string ErrnoText(int err) {
  char buf[256];
  return std::string(strerror_r(err, buf, sizeof(buf)));
}

Status OpenError(int err, const char* op, const std::string& path) {
  std::string message = std::string(op) + " " + path + ": " + ErrnoText(err);
  if (err == ENOENT) return NotFound(std::move(message));
  return IoError(std::move(message));
}

size_t PageSize() {
  static const size_t page = [] {
    long size = sysconf(_SC_PAGESIZE);
    return size > 0 ? static_cast<size_t>(size) : size_t{4096};
  }();
  return page;
}

// Closes the descriptor on every return path; the mapping outlives it.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() { close(fd_); }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;

 private:
  int fd_;
};

// SIGBUS with BUS_ADRERR is an access past the end of a mapped file that
// shrank. Mapping a page of zeros over the faulting page lets the access
// retry and the reader carry on; the shrink is reported by CheckUnchanged.
// Any other SIGBUS keeps its default action (the fault repeats and kills).
void OnSigbus(int, siginfo_t* info, void*) {
  if (info->si_code == BUS_ADRERR) {
    const uintptr_t page = reinterpret_cast<uintptr_t>(info->si_addr) &
                           ~(static_cast<uintptr_t>(PageSize()) - 1);
    void* zero = mmap(reinterpret_cast<void*>(page), PageSize(), PROT_READ,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (zero != MAP_FAILED) return;
  }
  signal(SIGBUS, SIG_DFL);
}

void InstallSigbusHandler() {
  static std::once_flag once;
  std::call_once(once, [] {
    PageSize();  // computed outside the handler
    struct sigaction action {};
    action.sa_sigaction = OnSigbus;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, nullptr);
  });
}

}  // namespace

MappedFile::~MappedFile() {
  if (data_ != nullptr) munmap(const_cast<char*>(data_), size_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      released_(std::exchange(other.released_, 0)),
      path_(std::move(other.path_)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) munmap(const_cast<char*>(data_), size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    released_ = std::exchange(other.released_, 0);
    path_ = std::move(other.path_);
  }
  return *this;
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  // O_NONBLOCK: if a FIFO slipped through, open() must not wait for a writer.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return OpenError(errno, "open", path);
  FdCloser closer(fd);
  struct stat st;
  if (fstat(fd, &st) != 0) return OpenError(errno, "fstat", path);
  if (S_ISDIR(st.st_mode)) return OpenError(EISDIR, "open", path);
  if (!S_ISREG(st.st_mode)) {
    return IoError("open " + path + ": not a regular file");
  }
  MappedFile file;
  file.path_ = path;
  if (st.st_size <= 0) return file;  // mmap of length 0 is an error
  if (static_cast<uint64_t>(st.st_size) > SIZE_MAX) {
    return IoError("mmap " + path + ": file too large to map");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  InstallSigbusHandler();
  void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED) return OpenError(errno, "mmap", path);
  // Only a hint: failure changes nothing but read-ahead.
  madvise(data, size, MADV_SEQUENTIAL);
  file.data_ = static_cast<const char*>(data);
  file.size_ = size;
  return file;
}

void MappedFile::ReleaseBefore(uint64_t offset) {
  if (data_ == nullptr) return;
  if (offset > size_) offset = size_;
  // Whole pages only: the page holding `offset` may still be read.
  const size_t end = static_cast<size_t>(offset) & ~(PageSize() - 1);
  if (end <= released_) return;
  // MAP_PRIVATE + PROT_READ pages are clean, so dropping them loses nothing:
  // a later access faults them back in from the file.
  madvise(const_cast<char*>(data_) + released_, end - released_,
          MADV_DONTNEED);
  released_ = end;
}

void MappedFile::ReleaseRange(uint64_t begin, uint64_t end) {
  if (data_ == nullptr) return;
  if (end > size_) end = size_;
  const size_t page = PageSize();
  // Round inwards: partial pages at either edge may still be read.
  const size_t first = (static_cast<size_t>(begin) + page - 1) & ~(page - 1);
  const size_t last = static_cast<size_t>(end) & ~(page - 1);
  if (last <= first) return;
  madvise(const_cast<char*>(data_) + first, last - first, MADV_DONTNEED);
}

Status MappedFile::CheckUnchanged() const {
  struct stat st;
  if (stat(path_.c_str(), &st) != 0) {
    return IoError(path_ + " vanished while read");
  }
  if (static_cast<uint64_t>(st.st_size) != size_) {
    return IoError("file changed size while read (" + std::to_string(size_) +
                   " bytes when opened, " + std::to_string(st.st_size) +
                   " now); run the scan again to read it whole");
  }
  return {};
}

}  // namespace breachscope
