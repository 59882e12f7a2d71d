// DetectBatcher: the owner's side of detecting one big item on the
// DetectPool (app/detect_pool.h).
//
// The table sampler hands it each unit to detect (with the column's class);
// it copies units into batches, submits a batch once it holds kBatchBytes
// of text or kBatchUnits units and the next unit starts a record, and takes
// batches back oldest first once kMaxInFlight are out, appending their
// findings to the item's vector. A field's findings may depend on earlier
// fields of its record (DetectorEngine::ScanUnit), so a record stays in one
// batch unless the batch outgrows kMaxRecordBatch{Bytes,Units}. The
// sink calls SinkUnitEnd() after each unit it received, and the batcher
// calls `on_sink_unit_end` at that same point of the findings, so chunks of
// findings go out exactly where a read without the pool would send them.
//
// A unit bigger than a batch (a whole text file can be one unit) is not
// copied: the batches before it are taken back and it is detected in place,
// as are the rest of its record's units. Only a big unit that continues a
// record already in the current batch is copied, to stay with its record.
// One item, one thread (the owner's).
#ifndef BREACHSCOPE_APP_DETECT_BATCHER_H_
#define BREACHSCOPE_APP_DETECT_BATCHER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "app/detect_pool.h"
#include "app/scan_counters.h"
#include "common/finding.h"
#include "common/text_unit.h"
#include "detect/detector_engine.h"

namespace breachscope {

class DetectBatcher {
 public:
  static constexpr size_t kBatchBytes = 256 * 1024;
  static constexpr size_t kBatchUnits = 4096;
  static constexpr size_t kMaxInFlight = 4;
  // A batch waits for its record's end up to this size.
  static constexpr size_t kMaxRecordBatchBytes = 16 * kBatchBytes;
  static constexpr size_t kMaxRecordBatchUnits = 16 * kBatchUnits;

  // REQUIRES: everything given outlives the batcher; `findings` is the
  // item's vector, which only the batcher appends to while it is in use.
  DetectBatcher(DetectPool& pool, const DetectorEngine& engine,
                DetectorEngine::Scratch& scratch, StageClock& clock,
                std::vector<Finding>* findings,
                std::function<void()> on_sink_unit_end);
  // Without Drain() (an item abandoned when the scan stops) batches still
  // out are left to the pool, which drops them with its queue.

  // Detects `unit` as DetectUnit would, later or now.
  void Detect(const TextUnit& unit, const std::string_view* column_category);
  // The sink has received one unit; its detections so far end here.
  void SinkUnitEnd();
  // Takes back every batch; the item's findings are then complete.
  void Drain();

 private:
  // Whether the current batch goes now, before a unit that does or does
  // not continue the record of the unit before it.
  bool BatchFull(bool continues_record) const;
  void DetectInPlace(const TextUnit& unit,
                     const std::string_view* column_category);
  void Submit();
  void CollectOldest();

  DetectPool& pool_;
  const DetectorEngine& engine_;
  DetectorEngine::Scratch& scratch_;
  StageClock& clock_;
  std::vector<Finding>* findings_;
  std::function<void()> on_sink_unit_end_;
  const bool collect_candidates_;
  std::shared_ptr<DetectBatch> current_;
  std::deque<std::shared_ptr<DetectBatch>> in_flight_;
  std::vector<Finding> candidates_;  // scratch for in-place detection
  // The first Detect after SinkUnitEnd: the only point a batch may go.
  bool at_sink_boundary_ = false;
  int64_t last_record_ = -1;  // of the unit last detected
  bool in_place_ = false;     // that unit was detected in place
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_DETECT_BATCHER_H_
