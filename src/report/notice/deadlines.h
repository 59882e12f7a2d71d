// Deadlines: each applicable regime's obligations, dated from their own
// anchor, with what is done, what is left and what is overdue.
#ifndef BREACHSCOPE_REPORT_NOTICE_DEADLINES_H_
#define BREACHSCOPE_REPORT_NOTICE_DEADLINES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/notice/calendar_date.h"
#include "report/notice/case_facts.h"
#include "report/notice/regimes.h"

namespace breachscope {

// What is known about the affected people when deadlines are computed; some
// obligations depend on it (HIPAA: 500 or more, per-state media notice).
struct AffectedCounts {
  std::optional<uint64_t> individuals;
  std::map<std::string, uint64_t> by_jurisdiction;  // "SK", "US-ND", ...
};

enum class DeadlineKind {
  kHard,      // the law sets the date
  kTarget,    // "as soon as possible", with a practice target
  kAsap,      // "as soon as possible", no number
  kKeep,      // a record to keep until a date
  kNotApplicable,
};

struct DeadlineRow {
  std::string regime_id, regime_name;
  std::string obligation_id, to, rule, cite;
  std::string anchor_id, anchor_words;
  std::optional<CalendarDate> anchor_date;
  DeadlineKind kind = DeadlineKind::kAsap;
  std::optional<CalendarDate> due;   // hard or target date; keep-until for records
  std::optional<CalendarDate> done;  // from case facts [done]
  int days_left = 0;                 // due - today (negative: overdue); 0 without a due date
  std::string status;                // one line for people: "overdue by 3 days"
};

std::vector<DeadlineRow> ComputeDeadlines(const RegimeBook& book, const CaseFacts& facts,
                                          const AffectedCounts& counts, CalendarDate today);

std::string RenderDeadlinesText(const std::vector<DeadlineRow>& rows, CalendarDate today);
std::string RenderDeadlinesJson(const std::vector<DeadlineRow>& rows, CalendarDate today);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_DEADLINES_H_
