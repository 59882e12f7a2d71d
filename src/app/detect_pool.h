// DetectPool: lets every worker of a scan detect the units of one big item.
//
// A worker reads one source at a time, so without help a single 5 GB table
// is read by one core however many the scan has. The worker reading a big
// item copies its units into batches (app/detect_batcher.h) and submits
// them here; any worker with nothing else to do, and the owner itself while
// it waits for its oldest batch, runs queued batches with its own detector
// scratch. The owner takes each batch's findings back in submission order,
// so the item's findings are exactly those of a read by one worker: the
// engine's detection of a unit depends on the unit and the earlier fields of
// its record alone (DetectorEngine::ScanUnit), batches hold whole records,
// and each batch starts with the record context forgotten.
//
// Thread-safe. Batches are shared_ptrs so a batch abandoned by its owner
// (scan stopped) can still be finished by whoever took it.
#ifndef BREACHSCOPE_APP_DETECT_POOL_H_
#define BREACHSCOPE_APP_DETECT_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "app/scan_counters.h"
#include "common/finding.h"
#include "common/text_unit.h"
#include "detect/detector_engine.h"

namespace breachscope {

// Units of one item copied out of their buffers, and, once run, their
// findings. Filled by one thread, run by one, then read by the filler.
class DetectBatch {
 public:
  // Copies `unit` (every string it points to) and its column class; null
  // `column_category` means "not a classified table cell".
  void Add(const TextUnit& unit, const std::string_view* column_category);
  // Marks the last unit added as the end of one unit delivered to the
  // item's sink: the owner passes findings on (chunks) only at such points,
  // exactly where it would without the pool. False when the batch is empty.
  bool MarkSinkUnitEnd();

  size_t units() const { return entries_.size(); }
  size_t text_bytes() const { return arena_.size(); }

  // Detects every unit in order into findings().
  void Run(const DetectorEngine& engine, bool collect_candidates,
           DetectorEngine::Scratch& scratch);

  // After Run: unit i's findings are findings()[end(i-1), end(i)).
  std::vector<Finding>& findings() { return findings_; }
  size_t end(size_t unit) const { return entries_[unit].findings_end; }
  bool sink_unit_end(size_t unit) const { return entries_[unit].sink_end; }

 private:
  struct Entry {
    TextUnit unit;  // string_views empty; see the *_at offsets
    uint32_t text_at, label_at, path_at, table_at, qualifier_at, class_at;
    uint32_t class_size;
    bool has_class;
    bool sink_end = false;
    size_t findings_end = 0;
  };
  uint32_t Copy(std::string_view s);
  TextUnit Rebuild(const Entry& e, std::string_view* column_class) const;

  std::string arena_;
  std::vector<Entry> entries_;
  std::vector<Finding> findings_;
  std::vector<Finding> candidates_;  // scratch for DetectUnit
  bool done_ = false;                // guarded by the pool's mutex
  friend class DetectPool;
};

class DetectPool {
 public:
  // `workers`: threads that call Help() or finish sources. A pool of one
  // worker is never used (there is nobody to share with).
  DetectPool(const DetectorEngine& engine, int workers,
             const std::atomic<bool>& stop);

  bool shared() const { return workers_ > 1; }

  void Submit(std::shared_ptr<DetectBatch> batch);
  // Returns once `batch` has run, running queued batches (its own or any
  // other's) on the calling thread meanwhile.
  void Wait(const std::shared_ptr<DetectBatch>& batch,
            DetectorEngine::Scratch& scratch, StageClock& clock);
  // Runs one queued batch on the calling thread; false when none is queued.
  bool RunOne(DetectorEngine::Scratch& scratch, StageClock& clock);
  // For a worker with no source left: runs batches as they come until every
  // worker has called Help() (no more batches can come) or the scan stops.
  void Help(DetectorEngine::Scratch& scratch, StageClock& clock);

 private:
  // Runs the front batch with the lock released; REQUIRES: lock held, queue
  // not empty. Returns with the lock held.
  void RunFront(std::unique_lock<std::mutex>& lock,
                DetectorEngine::Scratch& scratch, StageClock& clock);

  const DetectorEngine& engine_;
  const bool collect_candidates_;
  const int workers_;
  const std::atomic<bool>& stop_;
  std::mutex mu_;
  std::condition_variable changed_;  // a job queued or finished, a helper came
  std::deque<std::shared_ptr<DetectBatch>> queue_;  // submitted, not taken
  int helping_ = 0;  // workers inside Help()
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_DETECT_POOL_H_
