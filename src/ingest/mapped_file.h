// A read-only memory mapping of a whole file, for zero-copy extraction.
//
// Move-only; unmaps on destruction. The mapping is private and read-only. A
// file that shrinks while mapped would raise SIGBUS on access to the pages
// past its new end; Open() installs (once) a handler that maps a page of
// zeros there instead, so the reader goes on, and CheckUnchanged() after
// reading reports the change as the item's error.
#ifndef BREACHSCOPE_INGEST_MAPPED_FILE_H_
#define BREACHSCOPE_INGEST_MAPPED_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope {

class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Maps `path`. Empty files give an empty view. Errors carry errno's text.
  static Result<MappedFile> Open(const std::string& path);

  std::string_view bytes() const { return {data_, size_}; }
  // kIoError when the file's size is no longer the size mapped (it shrank
  // or grew while read): what was read is then not the file as it is.
  Status CheckUnchanged() const;
  // Tells the kernel the bytes before `offset` are no longer needed, so a
  // sequential reader of a huge file keeps resident memory bounded.
  void ReleaseBefore(uint64_t offset);
  // Releases the whole pages inside [begin, end), whatever was released
  // before: for readers that pass over the bytes more than once (validation,
  // then extraction), which ReleaseBefore's high-water mark would skip.
  void ReleaseRange(uint64_t begin, uint64_t end);

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  size_t released_ = 0;
  std::string path_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_MAPPED_FILE_H_
