#include "app/detect_pool.h"

#include <chrono>
#include <utility>

#include "app/unit_detection.h"
#include "detect/learned_shape_rule.h"

namespace breachscope {

uint32_t DetectBatch::Copy(std::string_view s) {
  const uint32_t at = static_cast<uint32_t>(arena_.size());
  arena_.append(s);
  return at;
}

void DetectBatch::Add(const TextUnit& unit,
                      const std::string_view* column_category) {
  Entry e;
  e.unit = unit;
  e.text_at = Copy(unit.text);
  e.label_at = Copy(unit.label);
  e.path_at = Copy(unit.path);
  e.table_at = Copy(unit.table);
  e.qualifier_at = Copy(unit.qualifier);
  e.has_class = column_category != nullptr;
  e.class_at = Copy(e.has_class ? *column_category : std::string_view());
  e.class_size = e.has_class ? static_cast<uint32_t>(column_category->size()) : 0;
  entries_.push_back(e);
}

bool DetectBatch::MarkSinkUnitEnd() {
  if (entries_.empty()) return false;
  entries_.back().sink_end = true;
  return true;
}

// Views into the arena: its offsets were taken in Add's order, each string
// right after the one before.
TextUnit DetectBatch::Rebuild(const Entry& e,
                              std::string_view* column_class) const {
  std::string_view arena(arena_);
  TextUnit unit = e.unit;
  unit.text = arena.substr(e.text_at, e.unit.text.size());
  unit.label = arena.substr(e.label_at, e.unit.label.size());
  unit.path = arena.substr(e.path_at, e.unit.path.size());
  unit.table = arena.substr(e.table_at, e.unit.table.size());
  unit.qualifier = arena.substr(e.qualifier_at, e.unit.qualifier.size());
  *column_class = arena.substr(e.class_at, e.class_size);
  return unit;
}

void DetectBatch::Run(const DetectorEngine& engine, bool collect_candidates,
                      DetectorEngine::Scratch& scratch) {
  findings_.clear();
  // The batcher cuts batches between records, so no record's context is
  // in another batch; what this scratch saw last belongs to another run.
  scratch.ForgetRecord();
  for (Entry& e : entries_) {
    std::string_view column_class;
    TextUnit unit = Rebuild(e, &column_class);
    DetectUnit(engine, collect_candidates, unit,
               e.has_class ? &column_class : nullptr, scratch, &findings_,
               &candidates_);
    e.findings_end = findings_.size();
  }
  std::vector<Finding>().swap(candidates_);
}

DetectPool::DetectPool(const DetectorEngine& engine, int workers,
                       const std::atomic<bool>& stop)
    : engine_(engine), collect_candidates_(RunsLearnedShapes(engine)),
      workers_(workers), stop_(stop) {}

void DetectPool::Submit(std::shared_ptr<DetectBatch> batch) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(batch));
  }
  changed_.notify_one();
}

void DetectPool::RunFront(std::unique_lock<std::mutex>& lock,
                          DetectorEngine::Scratch& scratch, StageClock& clock) {
  std::shared_ptr<DetectBatch> batch = std::move(queue_.front());
  queue_.pop_front();
  lock.unlock();
  const Stage before = clock.Switch(Stage::kDetect);
  batch->Run(engine_, collect_candidates_, scratch);
  clock.Switch(before);
  lock.lock();
  batch->done_ = true;
  changed_.notify_all();  // its owner may be waiting
}

void DetectPool::Wait(const std::shared_ptr<DetectBatch>& batch,
                      DetectorEngine::Scratch& scratch, StageClock& clock) {
  std::unique_lock<std::mutex> lock(mu_);
  while (!batch->done_) {
    if (!queue_.empty()) {
      RunFront(lock, scratch, clock);
      continue;
    }
    // Another worker is running it: this worker waits, like for the
    // writer, using no CPU.
    const Stage before = clock.Switch(Stage::kQueue);
    changed_.wait(lock);
    clock.Switch(before);
  }
}

bool DetectPool::RunOne(DetectorEngine::Scratch& scratch, StageClock& clock) {
  std::unique_lock<std::mutex> lock(mu_);
  if (queue_.empty()) return false;
  RunFront(lock, scratch, clock);
  return true;
}

void DetectPool::Help(DetectorEngine::Scratch& scratch, StageClock& clock) {
  std::unique_lock<std::mutex> lock(mu_);
  ++helping_;
  changed_.notify_all();  // the last one in releases the others
  while (!stop_.load()) {
    if (!queue_.empty()) {
      RunFront(lock, scratch, clock);
      continue;
    }
    // Every worker is here: nobody is reading an item, so no batch can come.
    if (helping_ == workers_) break;
    // Timed, so a stop request (a signal handler cannot notify) is seen.
    // Waiting uses no CPU: charged like waiting for the writer.
    const Stage before = clock.Switch(Stage::kQueue);
    changed_.wait_for(lock, std::chrono::milliseconds(50));
    clock.Switch(before);
  }
}

}  // namespace breachscope
