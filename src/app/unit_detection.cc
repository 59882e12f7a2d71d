#include "app/unit_detection.h"

#include <span>

#include "app/finding_chunker.h"
#include "detect/id_shape.h"

namespace breachscope {
namespace {

// An item's findings collect in one vector until FindingChunker passes a
// chunk of them on. Grown from empty by doubling, a chunk's vector was
// reallocated a dozen times, moving each finding once more into fresh pages
// (7% of detect's profile on a CSV share). Once the item has a finding it
// takes room for kFirstRoom (40 KB, no more moves for most small files);
// past kGrowFrom findings, room for a whole chunk at once, with slack for
// the unit that crosses the chunk's end. An item without findings takes
// none.
constexpr size_t kFirstRoom = 128;
constexpr size_t kGrowFrom = 1024;
constexpr size_t kChunkRoom = FindingChunker::kChunkFindings + 1024;

void MakeRoom(std::vector<Finding>* out) {
  if (out->empty()) return;
  if (out->size() >= kGrowFrom) {
    if (out->capacity() < kChunkRoom) out->reserve(kChunkRoom);
  } else if (out->capacity() < kFirstRoom) {
    out->reserve(kFirstRoom);
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
