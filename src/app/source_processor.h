// SourceProcessor: reads one top-level source into item results.
//
// For a file: maps it, sniffs the format, and either opens it as an archive
// (recursively, members named `outer.zip!inner/path`) or decodes, extracts
// and detects. Every item read (the file, each archive, each member) ends as
// exactly one ItemResult, scanned or error with a reason; nothing is dropped.
//
// Threading: one SourceProcessor per worker thread (it owns the detector
// scratch); the DetectorEngine and options are shared and read-only.
#ifndef BREACHSCOPE_APP_SOURCE_PROCESSOR_H_
#define BREACHSCOPE_APP_SOURCE_PROCESSOR_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/scan_counters.h"
#include "common/finding.h"
#include "detect/detector_engine.h"
#include "ingest/format.h"
#include "ingest/ingest_options.h"
#include "ingest/source_walker.h"
#include "store/case_store.h"

namespace breachscope {

// One item, or a chunk of a big item's findings (app/finding_chunker.h).
struct ItemResult {
  ItemRecord record;
  std::vector<Finding> findings;
  // Set when the item's findings went out in chunks: the seq of each
  // finding (otherwise seq = index in `findings`).
  std::vector<int64_t> seqs;
  bool partial = false;  // a chunk; the item's final result follows
  bool chunked = false;  // the final result of an item sent in chunks
};

class DetectPool;
class MappedFile;

class SourceProcessor {
 public:
  using Emit = std::function<void(ItemResult&&)>;

  // REQUIRES: engine, options, stop and pool outlive the processor. With a
  // shared `pool`, items of options.split_min_bytes or more are detected by
  // the pool's workers together; null reads every item alone.
  SourceProcessor(const DetectorEngine& engine, const IngestOptions& options,
                  const std::atomic<bool>& stop, DetectPool* pool = nullptr);
  ~SourceProcessor();

  // Processes `entry` and emits its items in document order. Returns false
  // when stopped part-way (the source must then not be marked done).
  bool Process(const SourceEntry& entry, const Emit& emit);

  // Where this worker's time went (see scan_counters.h); the caller adds it
  // to the scan's counters.
  StageClock& clock() { return clock_; }
  // This worker's detector scratch, for running the pool's batches between
  // sources (DetectPool::RunOne, Help).
  DetectorEngine::Scratch& scratch() { return *scratch_; }

 private:
  void ProcessBytes(const std::string& name, std::string_view bytes, int depth,
                    MappedFile* mapping);
  void ProcessArchive(const std::string& name, std::string_view bytes,
                      int depth, std::string_view format);
  // A document read from its raw bytes; what it embeds follows it.
  void ProcessDocument(const std::string& name, std::string_view bytes,
                       int depth, const SniffResult& sniff);
  void ProcessContent(const std::string& name, std::string_view bytes,
                      int depth, const SniffResult& sniff, MappedFile* mapping);
  // The pool to detect an item of `bytes` with, or null to read it alone.
  DetectPool* PoolFor(uint64_t bytes) const;
  void EmitError(const std::string& name, std::string_view format, int depth,
                 const Status& reason, uint64_t bytes);

  const DetectorEngine& engine_;
  const IngestOptions& options_;
  const std::atomic<bool>& stop_;
  DetectPool* pool_;
  std::unique_ptr<DetectorEngine::Scratch> scratch_;
  StageClock clock_;
  // Per-source state, reset by Process().
  const Emit* emit_ = nullptr;
  std::string source_name_;
  uint64_t budget_bytes_ = 0;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_SOURCE_PROCESSOR_H_
