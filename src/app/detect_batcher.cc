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
  if (unit.text.size() < kBatchBytes) {
    current_->Add(unit, column_category);
    return;
  }
  Drain();
  const Stage before = clock_.Switch(Stage::kDetect);
  DetectUnit(engine_, collect_candidates_, unit, column_category, scratch_,
             findings_, &candidates_);
  clock_.Switch(before);
}

void DetectBatcher::SinkUnitEnd() {
  if (current_->MarkSinkUnitEnd()) {
    // Batches are submitted only here, after a sink unit's last detection,
    // so no mark is ever set on a batch another thread may be running.
    if (current_->text_bytes() >= kBatchBytes ||
        current_->units() >= kBatchUnits) {
      Submit();
    }
    return;
  }
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
