#include "app/unit_detection.h"

#include <span>

#include "app/finding_chunker.h"
#include "detect/id_shape.h"

namespace breachscope {
namespace {

// An item's findings collect in one vector until FindingChunker passes a
// chunk of them on. Grown from empty by doubling, a chunk's vector was
// reallocated a dozen times, moving each finding once more into fresh pages
// (7% of detect's profile on a CSV share). Past kGrowFrom findings (the
// vector has been moved a few small times) it takes room for a whole chunk
// at once, with slack for the unit that crosses the chunk's end.
constexpr size_t kGrowFrom = 1024;
constexpr size_t kChunkRoom = FindingChunker::kChunkFindings + 1024;

void MakeRoom(std::vector<Finding>* out) {
  if (out->size() >= kGrowFrom && out->capacity() < kChunkRoom) {
    out->reserve(kChunkRoom);
  }
}

}  // namespace

void DetectUnit(const DetectorEngine& engine, bool collect_candidates,
                const TextUnit& unit, const std::string_view* column_category,
                DetectorEngine::Scratch& scratch, std::vector<Finding>* out,
                std::vector<Finding>* candidates) {
  MakeRoom(out);
  const size_t before = out->size();
  if (column_category != nullptr) {
    engine.ScanCell(unit, *column_category, scratch, out);
  } else {
    engine.ScanUnit(unit, scratch, out);
  }
  if (!collect_candidates) return;
  candidates->clear();
  CollectIdCandidates(
      unit, std::span(out->data() + before, out->size() - before), candidates);
  for (Finding& f : *candidates) out->push_back(std::move(f));
}

}  // namespace breachscope
