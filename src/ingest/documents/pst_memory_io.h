// A read-only libbfio handle over memory the caller owns, for libpff to
// read a mailbox in place (a mapped file, an archive member) without a
// temporary file.
// Why not libbfio's own memory range: in Debian 12's libbfio (20170123) a
// read that crosses the end of the range copies the whole requested size,
// reading past the buffer (found by fuzzing the PST reader under ASan). This
// handle returns only the bytes that are there.
// Thread-compatible: one handle per reader.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_PST_MEMORY_IO_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_PST_MEMORY_IO_H_

#include <libbfio.h>

#include <string_view>

namespace breachscope::pst {

// A new handle reading `bytes`, or nullptr when libbfio cannot make one.
// The caller frees it with libbfio_handle_free.
// REQUIRES: `bytes` outlives the handle (and every libpff file using it).
libbfio_handle_t* NewMemoryHandle(std::string_view bytes);

}  // namespace breachscope::pst

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_PST_MEMORY_IO_H_
