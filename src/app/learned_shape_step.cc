#include "app/learned_shape_step.h"

#include <string>
#include <vector>

#include "common/id_candidate.h"
#include "detect/learned_shapes.h"

namespace breachscope {

Result<LearnedShapeOutcome> PromoteLearnedShapes(CaseStore& store,
                                                 double min_confidence) {
  ShapeLearner learner;
  BS_RETURN_IF_ERROR(store.ForEachFindingOf(
      {"medical_record_number", "patient_number"},
      [&](const StoredFinding& stored) {
        if (LabelledForLearning(stored.finding)) {
          learner.Add(stored.source, stored.finding);
        }
      }));
  const LearnedShapes shapes(learner.Learn());
  std::vector<StoredFinding> promoted;
  if (!shapes.empty()) {
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
