#include "app/learned_shape_step.h"

#include <cstdint>
#include <string>
#include <vector>

#include "common/id_candidate.h"
#include "detect/learned_shapes.h"

namespace breachscope {

Result<LearnedShapeOutcome> PromoteLearnedShapes(CaseStore& store,
                                                 double min_confidence) {
  // Candidates are counted first: without any nothing can be promoted, so
  // the labelled values (often far more) need not be read. They are counted,
  // not kept: a corpus of any size may hold millions, and the scan's memory
  // must not grow with it; the few that match are read again below.
  uint64_t candidates = 0;
  BS_RETURN_IF_ERROR(store.ForEachFindingOf(
      {std::string(kIdCandidateCategory)},
      [&](const StoredFinding&) { ++candidates; }));
  ShapeLearner learner;
  // One category at a time: the store reads an item's rows of one
  // category in seq order straight from its index, with no sort.
  for (const char* category : {"medical_record_number", "patient_number"}) {
    if (candidates == 0) break;
    BS_RETURN_IF_ERROR(store.ForEachFindingOf(
        {category}, [&](const StoredFinding& stored) {
          if (LabelledForLearning(stored.finding)) {
            learner.Add(stored.source, stored.finding);
          }
        }));
  }
  const LearnedShapes shapes(learner.Learn());
  std::vector<StoredFinding> promoted;
  if (candidates > 0 && !shapes.shapes().empty()) {
    BS_RETURN_IF_ERROR(store.ForEachFindingOf(
        {std::string(kIdCandidateCategory)}, [&](const StoredFinding& stored) {
          std::optional<Finding> f = shapes.Promote(stored.finding);
          if (!f || f->confidence < min_confidence) return;
          StoredFinding& out = promoted.emplace_back();
          out.source = stored.source;
          out.seq = kPromotedSeqBase + stored.seq;
          out.finding = std::move(*f);
        }));
  }
  BS_RETURN_IF_ERROR(store.ReplaceDetectorFindings(
      std::string(kLearnedShapeDetector), promoted));
  return LearnedShapeOutcome{shapes.shapes().size(), promoted.size()};
}

}  // namespace breachscope
