#include "common/owner_only_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace breachscope {
namespace {

Result<int> OpenOwnerOnly(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return IoError("cannot write " + path + ": " + std::strerror(errno));
  if (::fchmod(fd, 0600) != 0) {
    ::close(fd);
    return IoError("cannot restrict " + path + " to its owner");
  }
  return fd;
}

}  // namespace

Status CreateOwnerOnly(const std::string& path) {
  Result<int> fd = OpenOwnerOnly(path);
  if (!fd.ok()) return fd.status();
  ::close(fd.value());
  return Status::Ok();
}

Status WriteOwnerOnly(const std::string& path, const std::string& content) {
  Result<int> fd = OpenOwnerOnly(path);
  if (!fd.ok()) return fd.status();
  bool ok = true;
  for (size_t done = 0; ok && done < content.size();) {
    ssize_t n = ::write(fd.value(), content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    done += n > 0 ? static_cast<size_t>(n) : 0;
  }
  ok = ::close(fd.value()) == 0 && ok;
  return ok ? Status::Ok() : IoError("writing " + path + " failed");
}

}  // namespace breachscope
