// Record links: what ties a record to the record of the person it is about
// when it does not name that person itself (a FHIR Observation whose
// `subject.reference` is "Patient/123").
//
// They travel from detect to subjects as Findings of the reserved category
// kRecordLinkCategory, so they go through the scan pipeline, the store's
// sealing and resumability like any finding. They are not personal
// information categories: the store leaves them out of the summary and of
// `export findings` (CaseStore::ForEachFinding), and only subjects reads
// them (CaseStore::ForEachRecordFinding). kRecordLinkCategory is not in
// categories.h and never reaches an export or a report.
//
// Detectors: kFhirIdDetector (the record's own id: a Patient's `id`, a
// Bundle entry's `fullUrl`) and kFhirReferenceDetector (a reference to the
// patient: `subject`, `patient`, `beneficiary`). `normalized` holds the
// canonical reference ("Patient/123", "urn:uuid:...").
#ifndef BREACHSCOPE_COMMON_RECORD_LINK_H_
#define BREACHSCOPE_COMMON_RECORD_LINK_H_

#include <string_view>

#include "common/finding.h"

namespace breachscope {

inline constexpr std::string_view kRecordLinkCategory = "record_link";
inline constexpr std::string_view kFhirIdDetector = "fhir_id";
inline constexpr std::string_view kFhirReferenceDetector = "fhir_reference";

inline bool IsRecordLink(const Finding& finding) {
  return finding.category == kRecordLinkCategory;
}

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_RECORD_LINK_H_
