// FindingChunker: passes one item's findings on in chunks while the item is
// still being read, so a huge table never holds all its findings at once.
//
// Every kChunkFindings findings the sink's vector is emitted as a partial
// ItemResult (explicit seqs, the item record as known so far) and emptied;
// Finish() leaves the rest in the item's final result. An item that never
// fills a chunk is emitted exactly as before: one result, seq = index.
//
// Dates: an ambiguous day/month date is read by the votes of its whole
// column or document (detect/date_order.h), which are known only at the end.
// Such findings are kept back (their seq with them) and go out, read, with
// the final result; every vote is counted as its chunk passes. So memory is
// one chunk plus the item's ambiguous dates, and the stored findings equal
// those of an item read in one piece.
//
// Ownership: borrows the record, the findings vector and the emit function,
// which must outlive it. One item, one thread.
#ifndef BREACHSCOPE_APP_FINDING_CHUNKER_H_
#define BREACHSCOPE_APP_FINDING_CHUNKER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "app/source_processor.h"
#include "detect/date_order.h"

namespace breachscope {

class FindingChunker {
 public:
  // About 7 MB of findings: enough to keep the store's inserts efficient.
  static constexpr size_t kChunkFindings = 16384;

  FindingChunker(const ItemRecord& record, std::vector<Finding>* findings,
                 const SourceProcessor::Emit& emit,
                 size_t chunk_findings = kChunkFindings)
      : record_(record), findings_(findings), emit_(emit),
        chunk_(chunk_findings) {}

  // Call after each unit: emits the findings once a chunk is full.
  void MaybeEmit() {
    if (findings_->size() >= chunk_) EmitChunk();
  }
  // Call once after the last finding: reads the item's ambiguous dates and
  // leaves its last findings (with their seqs when chunks went before) in
  // `result`, whose findings vector must be the one given above.
  void Finish(ItemResult* result);

 private:
  // Moves *findings_ into `out`/`seqs`, counting date votes and keeping
  // ambiguous dates back in held_.
  void Drain(std::vector<Finding>* out, std::vector<int64_t>* seqs);
  void EmitChunk();

  const ItemRecord& record_;
  std::vector<Finding>* findings_;
  const SourceProcessor::Emit& emit_;
  size_t chunk_;
  bool chunked_ = false;
  int64_t next_seq_ = 0;
  DateOrderVotes votes_;
  std::vector<Finding> held_;
  std::vector<int64_t> held_seqs_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_FINDING_CHUNKER_H_
