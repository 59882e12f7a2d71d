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
// the final result; every vote is counted as its chunk passes. So the
// stored findings equal those of an item read in one piece.
//
// Memory stays bounded whatever the item's size: once kHeldFindings dates
// are kept back (about 28 MB), they are read by the votes counted so far and
// go out as a chunk of their own. A column's votes are then decided by far
// more dates than any reader would look at, so only a column that changes
// its order after that many ambiguous dates of the item reads differently
// from the whole-item reading; without the bound, a 5 GB table held
// millions of dates (about 430 bytes each) until its end.
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
  // Ambiguous dates kept back at most, waiting for their column's votes.
  static constexpr size_t kHeldFindings = 65536;

  FindingChunker(const ItemRecord& record, std::vector<Finding>* findings,
                 const SourceProcessor::Emit& emit,
                 size_t chunk_findings = kChunkFindings,
                 size_t held_findings = kHeldFindings)
      : record_(record), findings_(findings), emit_(emit),
        chunk_(chunk_findings), held_cap_(held_findings) {}

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
  // Reads the kept-back dates by the votes so far and emits them.
  void EmitHeld();

  const ItemRecord& record_;
  std::vector<Finding>* findings_;
  const SourceProcessor::Emit& emit_;
  size_t chunk_;
  size_t held_cap_;
  bool chunked_ = false;
  int64_t next_seq_ = 0;
  DateOrderVotes votes_;
  std::vector<Finding> held_;
  std::vector<int64_t> held_seqs_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_FINDING_CHUNKER_H_
