// Case facts: what the tool cannot find in the data and the letters and
// reports need — who the organisation is, whom to call, what happened and
// when, what is offered, and which regimes apply. Kept by the privacy officer
// in `case.toml` in the case folder (no PHI in it), read by `deadlines` and
// `report`. `CaseFactsTemplate()` is the commented file `case init` writes.
#ifndef BREACHSCOPE_REPORT_NOTICE_CASE_FACTS_H_
#define BREACHSCOPE_REPORT_NOTICE_CASE_FACTS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "report/notice/calendar_date.h"
#include "report/notice/regimes.h"

namespace breachscope {

struct OrganisationFacts {
  std::string name;
  std::string contact;          // "Jane Roe, Privacy Officer"
  std::string phone;            // toll-free number for questions
  std::string email;
  std::string mailing_address;  // one line
  std::string website;
};

struct IncidentFacts {
  // Anchor dates by anchor id ("discovered", "phi_confirmed", ...).
  std::map<std::string, CalendarDate> anchors;
  // Free texts by key ("what_happened", "mitigation", ...), English and,
  // when given, French ("what_happened_fr").
  std::map<std::string, std::string> texts;
};

struct CaseFacts {
  OrganisationFacts organisation;
  IncidentFacts incident;
  std::vector<std::string> regimes;  // regime ids that apply
  // Obligations already met: "sk_hipa.report_commissioner" -> date done.
  std::map<std::string, CalendarDate> done;
  // Per-regime authority overrides (GDPR's lead authority, a changed address).
  std::map<std::string, Authority> authorities;

  // The text for `key` in the language asked, falling back to English; ""
  // when absent.
  std::string Text(std::string_view key, bool french) const;
};

// Parses case.toml text. Errors name the line and the key: a privacy officer
// edits this file by hand.
Result<CaseFacts> ParseCaseFacts(std::string_view toml_text, const RegimeBook& book);
// Reads `<case_dir>/case.toml`; NotFound says how to create it.
Result<CaseFacts> LoadCaseFacts(const std::string& case_dir, const RegimeBook& book);
// A commented case.toml with every key, for `case init` and the README.
std::string CaseFactsTemplate();

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_CASE_FACTS_H_
