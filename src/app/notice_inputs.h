// What `deadlines` and `report` both start from: the date they count to
// (today, or --as-of) and the case facts from case.toml.
#ifndef BREACHSCOPE_APP_NOTICE_INPUTS_H_
#define BREACHSCOPE_APP_NOTICE_INPUTS_H_

#include <optional>
#include <string>

#include "report/notice/calendar_date.h"
#include "report/notice/case_facts.h"

namespace breachscope {

struct NoticeInputs {
  CalendarDate today;
  CaseFacts facts;
};

// Parses --as-of (empty: today) and loads the case facts against the
// built-in regimes. On a problem prints why and sets *exit_code (usage for a
// bad date, failure for the facts).
std::optional<NoticeInputs> LoadNoticeInputs(const std::string& case_dir, const std::string& as_of,
                                             int* exit_code);

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_NOTICE_INPUTS_H_
