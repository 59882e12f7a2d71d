// Reading archives and compressed files in memory through libarchive.
//
// Handles zip, tar (plain, gz, bz2, xz), 7z, and single-file gzip/bzip2/xz.
// Members are handed to the visitor one at a time, fully decompressed in
// memory (bounded by IngestOptions); the caller decides whether a member is
// itself an archive and recurses, naming it `outer.zip!inner/path`.
// A member that cannot be read (encrypted, over a limit, corrupt) goes to
// OnMemberError with its reason and reading continues with the next member.
// Stateless; thread-safe (each call has its own libarchive handle).
#ifndef BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_READER_H_
#define BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_READER_H_

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "ingest/ingest_options.h"

namespace breachscope {

class ArchiveVisitor {
 public:
  virtual ~ArchiveVisitor() = default;
  // `path` is the member's path inside the archive, cleaned: no leading '/',
  // no "./", ".." segments kept as text (never used to touch the disk).
  // For single-file compressed input the path is the outer name minus its
  // compression suffix ("lab.csv.gz" -> "lab.csv"). `bytes` is valid only
  // during the call.
  virtual void OnMember(std::string_view path, std::string_view bytes) = 0;
  virtual void OnMemberError(std::string_view path, const Status& reason) = 0;
};

// Reads every member of the archive in `bytes`, named `name` (for the
// single-file case). `*budget_bytes` is the decompressed-bytes allowance left
// for this top-level source; it is decreased as members are read.
// Returns an error when the archive as a whole cannot be read (not an
// archive, truncated before the first member, ...); members already passed to
// the visitor stay valid. A truncated archive whose first members were read
// returns Corrupt after those members.
Status ReadArchive(std::string_view bytes, std::string_view name,
                   const IngestOptions& options, uint64_t* budget_bytes,
                   ArchiveVisitor& visitor);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_READER_H_
