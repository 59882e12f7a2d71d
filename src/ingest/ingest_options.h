// Limits and switches for reading sources. A plain struct: defaults in place,
// one comment per field with its trade-off. Parsed once, then read-only.
#ifndef BREACHSCOPE_INGEST_INGEST_OPTIONS_H_
#define BREACHSCOPE_INGEST_INGEST_OPTIONS_H_

#include <cstdint>

namespace breachscope {

struct IngestOptions {
  // Follow symbolic links while walking. Off: a link can leave the copy of
  // stolen data or loop; links found are counted as skipped.
  bool follow_symlinks = false;
  // Deepest archive nesting opened (a.zip!b.zip!c.zip is depth 3). Deeper
  // members become error items "too deep".
  int max_archive_depth = 8;
  // Largest single archive member decompressed into memory. Larger members
  // become error items; raise it on machines with memory to spare.
  uint64_t max_member_bytes = 1ull << 30;  // 1 GiB
  // Largest ratio of a member's decompressed size to its compressed size.
  // Catches zip bombs early; legitimate text rarely exceeds 100:1.
  double max_expansion_ratio = 250.0;
  // Most bytes decompressed from one top-level source, all members and nesting
  // included. Bounds the work one hostile archive can cause.
  uint64_t max_total_bytes_per_source = 64ull << 30;  // 64 GiB
  // Ratio checks apply only above this decompressed size, so tiny members
  // with a high ratio (a file of blanks) are still read.
  uint64_t ratio_check_min_bytes = 1ull << 20;  // 1 MiB
  // Read images (PNG, JPEG, TIFF faxes) by OCR. Off (`scan --no-ocr`) makes
  // scans of image-heavy shares much faster but leaves scans unread.
  bool ocr = true;
  // Items at least this big have their units detected by every worker of
  // the scan together (app/detect_pool.h), so one huge table or dump does
  // not leave the other cores idle. Smaller items are read by one worker
  // each, which is cheaper when there are enough of them.
  uint64_t split_min_bytes = 4ull << 20;  // 4 MiB
};

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_INGEST_OPTIONS_H_
