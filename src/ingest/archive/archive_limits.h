// Accounting of decompressed bytes against IngestOptions' limits.
//
// libarchive does not expose a member's compressed size, so the expansion
// ratio is measured for the archive as a whole: all bytes decompressed from
// it so far over its own size. The archive's size bounds any member's
// compressed size, so this never refuses a member whose own ratio is within
// the limit, and unlike a per-member check it also stops "overlapping
// entries" bombs, whose members are each modest but share compressed data.
// Not thread-safe: one meter per ReadArchive call.
#ifndef BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_LIMITS_H_
#define BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_LIMITS_H_

#include <cstdint>

#include "common/status.h"
#include "ingest/ingest_options.h"

namespace breachscope {

class ExpansionMeter {
 public:
  // `budget_bytes` may be null (no per-source budget).
  ExpansionMeter(const IngestOptions& options, uint64_t archive_size,
                 uint64_t* budget_bytes)
      : options_(options), archive_size_(archive_size), budget_(budget_bytes) {}

  // Records `n` more decompressed bytes. Returns LimitExceeded when the
  // source's budget is spent or the archive expands past the ratio limit;
  // either ends the reading of the archive.
  Status Charge(uint64_t n);

  // Most bytes the next read may return without overrunning the budget by
  // more than one byte (so an overrun is still detected).
  uint64_t BudgetLeft() const;

  uint64_t total() const { return total_; }

 private:
  const IngestOptions& options_;
  const uint64_t archive_size_;
  uint64_t* const budget_;
  uint64_t total_ = 0;
};

// The refusal of a member over `limit` bytes; `declared` is the size its
// header states, or 0 when it was found while reading.
Status MemberTooLarge(uint64_t limit, uint64_t declared);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_LIMITS_H_
