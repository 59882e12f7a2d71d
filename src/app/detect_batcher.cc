#include "app/detect_batcher.h"

#include <iterator>
#include <utility>

#include "app/unit_detection.h"
#include "detect/learned_shape_rule.h"

namespace breachscope {

DetectBatcher::DetectBatcher(DetectPool& pool, const DetectorEngine& engine,
                             DetectorEngine::Scratch& scratch,
                             StageClock& clock, std::vector<Finding>* findings,
                             std::function<void()> on_sink_unit_end)
    : pool_(pool), engine_(engine), scratch_(scratch), clock_(clock),
      findings_(findings), on_sink_unit_end_(std::move(on_sink_unit_end)),
      collect_candidates_(RunsLearnedShapes(engine)),
      current_(std::make_shared<DetectBatch>()) {}

void DetectBatcher::Detect(const TextUnit& unit,
                           const std::string_view* column_category) {
  // Free text (record -1) carries no record context.
  const bool continues = unit.record >= 0 && unit.record == last_record_;
  // Batches go only here, before a sink unit's first detection (the one
  // before it is marked), so no mark is ever set on a batch another thread
  // may be running.
  if (at_sink_boundary_ && BatchFull(continues)) Submit();
  at_sink_boundary_ = false;
  last_record_ = unit.record;
  if (in_place_ && continues) {  // the record's context is in scratch_
    DetectInPlace(unit, column_category);
    return;
  }
  in_place_ = false;
  if (unit.text.size() < kBatchBytes ||
      (continues && current_->units() > 0)) {
    current_->Add(unit, column_category);
    return;
  }
  Drain();
  // scratch_ may hold another item's record (batches the owner ran).
  scratch_.ForgetRecord();
  in_place_ = true;
  DetectInPlace(unit, column_category);
}

bool DetectBatcher::BatchFull(bool continues_record) const {
  const size_t bytes = current_->text_bytes(), units = current_->units();
  if (continues_record) {
    return bytes >= kMaxRecordBatchBytes || units >= kMaxRecordBatchUnits;
  }
  return bytes >= kBatchBytes || units >= kBatchUnits;
}

void DetectBatcher::DetectInPlace(const TextUnit& unit,
                                  const std::string_view* column_category) {
  const Stage before = clock_.Switch(Stage::kDetect);
  DetectUnit(engine_, collect_candidates_, unit, column_category, scratch_,
             findings_, &candidates_);
  clock_.Switch(before);
}

void DetectBatcher::SinkUnitEnd() {
  at_sink_boundary_ = true;
  if (current_->MarkSinkUnitEnd()) return;
  // Nothing waits in the current batch: the unit's findings, if any, were
  // appended in place (and everything before them taken back).
  if (in_flight_.empty()) on_sink_unit_end_();
}

void DetectBatcher::Drain() {
  if (current_->units() > 0) Submit();
  while (!in_flight_.empty()) CollectOldest();
}

void DetectBatcher::Submit() {
  in_flight_.push_back(std::move(current_));
  current_ = std::make_shared<DetectBatch>();
  pool_.Submit(in_flight_.back());
  while (in_flight_.size() > kMaxInFlight) CollectOldest();
}

void DetectBatcher::CollectOldest() {
  std::shared_ptr<DetectBatch> batch = std::move(in_flight_.front());
  in_flight_.pop_front();
  pool_.Wait(batch, scratch_, clock_);
  std::vector<Finding>& found = batch->findings();
  size_t from = 0;
  for (size_t i = 0; i < batch->units(); ++i) {
    const size_t to = batch->end(i);
    findings_->insert(findings_->end(),
                      std::make_move_iterator(found.begin() + from),
                      std::make_move_iterator(found.begin() + to));
    from = to;
    if (batch->sink_unit_end(i)) on_sink_unit_end_();
  }
}

}  // namespace breachscope
