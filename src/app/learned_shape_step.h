// The end of a scan: learns facility record and patient number shapes from
// the labelled findings of the whole case and promotes the identifier
// candidates that have one (detect/learned_shapes.h).
//
// Runs after every scan that was not interrupted, over the whole case, and
// replaces the promotions of earlier runs: a later scan that adds labelled
// values may teach a shape that promotes candidates of earlier sources, and
// a resumed scan ends exactly as an uninterrupted one. Reads the candidates
// first and the labelled findings only when there is a candidate; the
// store finds both through an index of just those rows, each read once.
//
// Threading: the scan's writer thread, after the workers are done.
#ifndef BREACHSCOPE_APP_LEARNED_SHAPE_STEP_H_
#define BREACHSCOPE_APP_LEARNED_SHAPE_STEP_H_

#include <cstdint>

#include "common/status.h"
#include "store/case_store.h"

namespace breachscope {

struct LearnedShapeOutcome {
  uint64_t shapes = 0;    // shapes learned (none without candidates)
  uint64_t promoted = 0;  // candidates that became findings
};

// Promoted findings take seq kPromotedSeqBase + the candidate's seq in its
// item, so they follow the item's own findings and keep their order.
inline constexpr int64_t kPromotedSeqBase = int64_t{1} << 40;

// Promotions scored below `min_confidence` are dropped.
Result<LearnedShapeOutcome> PromoteLearnedShapes(CaseStore& store,
                                                 double min_confidence);

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_LEARNED_SHAPE_STEP_H_
