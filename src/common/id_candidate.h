// Identifier candidates: tokens of free text or unlabelled cells that may
// be a facility's record or patient number (`RVH-0042371`) and that no
// detector took while the scan read them (detect/id_shape.h).
//
// They travel from detect to the store as Findings of the reserved
// category kIdCandidateCategory, so they are sealed, chunked and resumed
// like any finding. They are not personal information until a shape
// learned from the case's labelled values promotes them (at the end of a
// scan, detect/learned_shapes.h): the store leaves them out of the
// summary, of `export findings` and of subjects (CaseStore::ForEachFinding,
// ForEachRecordFinding); only the end of a scan reads them. Not in
// categories.h; never reaches an export or a report.
#ifndef BREACHSCOPE_COMMON_ID_CANDIDATE_H_
#define BREACHSCOPE_COMMON_ID_CANDIDATE_H_

#include <string_view>

#include "common/finding.h"

namespace breachscope {

inline constexpr std::string_view kIdCandidateCategory = "id_candidate";

inline bool IsIdCandidate(const Finding& finding) {
  return finding.category == kIdCandidateCategory;
}

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_ID_CANDIDATE_H_
