#include "app/notice_inputs.h"

#include <iostream>

#include "app/exit_codes.h"

namespace breachscope {

std::optional<NoticeInputs> LoadNoticeInputs(const std::string& case_dir, const std::string& as_of,
                                             int* exit_code) {
  CalendarDate today = Today();
  if (!as_of.empty()) {
    std::optional<CalendarDate> parsed = ParseCalendarDate(as_of);
    if (!parsed) {
      std::cerr << "breachscope: --as-of must be a date written YYYY-MM-DD\n";
      *exit_code = kExitUsage;
      return std::nullopt;
    }
    today = *parsed;
  }
  Result<CaseFacts> facts = LoadCaseFacts(case_dir, BuiltinRegimeBook());
  if (!facts.ok()) {
    std::cerr << "breachscope: " << facts.status().message() << "\n";
    *exit_code = kExitFailure;
    return std::nullopt;
  }
  return NoticeInputs{today, std::move(facts).value()};
}

}  // namespace breachscope
