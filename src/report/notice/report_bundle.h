// `breachscope report`: gathering the model from the case, and writing every
// notification output into one folder.
//
//   notification_list.csv   mail house: one row per person with an address
//   no_address.csv          people to reach another way
//   substitute_notice.txt   each regime's rule for them
//   letters/letter_<id>.pdf one letter per person; letters/all_letters.pdf
//   regulators/<regime>.json, .pdf
//   regulators/<regime>_breach_record.json, .txt  (PIPEDA record, Quebec register)
//   regulators/<regime>_internal_report.json, .txt (Saskatchewan trustee practice)
//   deadlines.txt, deadlines.json
//   summary.html            self-contained summary with charts
//   MISSING.txt             facts the letters and reports still lack
//
// The folder holds PHI: it is created 0700 and every file 0600.
#ifndef BREACHSCOPE_REPORT_NOTICE_REPORT_BUNDLE_H_
#define BREACHSCOPE_REPORT_NOTICE_REPORT_BUNDLE_H_

#include <cstdint>
#include <set>
#include <string>

#include "common/status.h"
#include "report/notice/report_model.h"
#include "store/case_store.h"
#include "store/individuals_store.h"

namespace breachscope {

// Reads individuals and coverage from the case, applies the facts and
// regimes, and derives everything notification needs.
Result<ReportModel> BuildReportModel(CaseStore& cases, IndividualsStore& individuals,
                                     const CaseFacts& facts, const RegimeBook& book, CalendarDate today);

struct BundleResult {
  uint64_t letters = 0;
  uint64_t letter_pages = 0;
  uint64_t mailable = 0;
  uint64_t without_address = 0;
  uint64_t regulator_reports = 0;
  std::set<std::string> missing;  // facts still missing ("incident.possible_harm")
};

// Writes the whole bundle into `out_dir` (created). Letters come from the
// case's templates when present (case_dir/templates), else the built-in ones.
Result<BundleResult> WriteReportBundle(const ReportModel& model, const std::string& case_dir,
                                       const std::string& out_dir);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_REPORT_BUNDLE_H_
