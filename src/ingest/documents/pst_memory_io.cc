#include "ingest/documents/pst_memory_io.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace breachscope::pst {
namespace {

// libbfio's callbacks see the handle's state as an intptr_t*; errors are
// returned as -1 without a libbfio error object (libpff adds its own).
struct Range {
  const uint8_t* data;
  size_t size;
  size_t offset = 0;
  bool open = false;
};

Range* Of(intptr_t* io) { return reinterpret_cast<Range*>(io); }

int Free(intptr_t** io, libbfio_error_t**) {
  delete Of(*io);
  *io = nullptr;
  return 1;
}

int Clone(intptr_t** destination, intptr_t* source, libbfio_error_t**) {
  Range* copy = new Range(*Of(source));
  copy->offset = 0;
  copy->open = false;
  *destination = reinterpret_cast<intptr_t*>(copy);
  return 1;
}

int Open(intptr_t* io, int access_flags, libbfio_error_t**) {
  if ((access_flags & LIBBFIO_ACCESS_FLAG_WRITE) != 0) return -1;
  Of(io)->open = true;
  Of(io)->offset = 0;
  return 1;
}

int Close(intptr_t* io, libbfio_error_t**) {
  Of(io)->open = false;
  return 0;
}

ssize_t Read(intptr_t* io, uint8_t* buffer, size_t size, libbfio_error_t**) {
  Range* range = Of(io);
  if (!range->open || buffer == nullptr) return -1;
  if (range->offset >= range->size) return 0;
  const size_t n = std::min(size, range->size - range->offset);
  std::memcpy(buffer, range->data + range->offset, n);
  range->offset += n;
  return static_cast<ssize_t>(n);
}

ssize_t Write(intptr_t*, const uint8_t*, size_t, libbfio_error_t**) { return -1; }

off64_t Seek(intptr_t* io, off64_t offset, int whence, libbfio_error_t**) {
  Range* range = Of(io);
  off64_t base = 0;
  if (whence == SEEK_CUR) base = static_cast<off64_t>(range->offset);
  else if (whence == SEEK_END) base = static_cast<off64_t>(range->size);
  else if (whence != SEEK_SET) return -1;
  // Past the end is allowed (reads there return 0 bytes); before 0 is not.
  if (offset < -base) return -1;
  range->offset = static_cast<size_t>(base + offset);
  return static_cast<off64_t>(range->offset);
}

int Exists(intptr_t*, libbfio_error_t**) { return 1; }

int IsOpen(intptr_t* io, libbfio_error_t**) { return Of(io)->open ? 1 : 0; }

int GetSize(intptr_t* io, size64_t* size, libbfio_error_t**) {
  *size = Of(io)->size;
  return 1;
}

}  // namespace

libbfio_handle_t* NewMemoryHandle(std::string_view bytes) {
  auto* range = new Range{reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()};
  libbfio_handle_t* handle = nullptr;
  libbfio_error_t* error = nullptr;
  // Managed: libbfio frees the range with the handle.
  if (libbfio_handle_initialize(&handle, reinterpret_cast<intptr_t*>(range), Free, Clone, Open,
                                Close, Read, Write, Seek, Exists, IsOpen, GetSize,
                                LIBBFIO_FLAG_IO_HANDLE_MANAGED |
                                    LIBBFIO_FLAG_IO_HANDLE_CLONE_BY_FUNCTION,
                                &error) != 1) {
    libbfio_error_free(&error);
    delete range;
    return nullptr;
  }
  return handle;
}

}  // namespace breachscope::pst
