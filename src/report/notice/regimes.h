// Regimes: the laws whose clocks and content rules a breach may fall under.
//
// The rules are data (data/regimes/regimes.json, compiled in; a case may
// carry its own copy to override them) so counsel can correct a citation or
// a deadline without a new build. Each regime has obligations (whom to tell,
// from which anchor date, by when) and the content elements its letters and
// regulator reports must carry.
#ifndef BREACHSCOPE_REPORT_NOTICE_REGIMES_H_
#define BREACHSCOPE_REPORT_NOTICE_REGIMES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace breachscope {

struct Authority {
  std::string name, address, phone, email;
};

struct Obligation {
  std::string id;      // "notify_individuals", "report_commissioner", ...
  std::string to;      // individuals | regulator | media | record | internal
  std::string anchor;  // an anchor id: "discovered", "phi_confirmed", ...
  std::optional<int> within_days;   // hard deadline in days from the anchor
  std::optional<int> within_hours;  // hard deadline in hours (GDPR's 72)
  std::optional<int> target_days;   // practice target where the law says "as soon as possible"
  std::optional<int> keep_months;   // records: keep at least this long
  bool by_march_1_next_year = false;  // Ontario's annual statistics
  std::optional<int> min_residents_per_state;  // HIPAA media notice threshold
  std::string rule;    // the rule in words
  std::string cite;    // where it comes from
};

struct Regime {
  std::string id;                      // "sk_hipa", "pipeda", ...
  std::string name;
  std::vector<std::string> jurisdictions;  // "SK", "CA" (federal), "US", "EU"
  Authority authority;
  std::string complaint_right;
  std::vector<Obligation> obligations;
  std::vector<std::string> letter_elements;  // element ids, in letter order
  std::vector<std::string> report_elements;
  // The breach record the regime requires be kept (PIPEDA's 24-month
  // record, Quebec's incident register); empty when it asks for none.
  std::vector<std::string> record_elements;
  // The organisation's own investigation report (Saskatchewan's trustee
  // practice: contain, notify, investigate, prevent); empty when none.
  std::vector<std::string> internal_elements;
  std::string substitute_notice;
};

struct ContentElement {
  std::string label;  // "What happened"
  std::string from;   // where its text comes from: "incident.what_happened", ...
};

struct RegimeBook {
  std::map<std::string, std::string> anchors;  // anchor id -> words
  std::map<std::string, ContentElement> elements;
  std::vector<Regime> regimes;

  const Regime* Find(std::string_view id) const;
};

// Parses a regimes document (the format of data/regimes/regimes.json).
// Every element and anchor a regime names must be defined.
Result<RegimeBook> ParseRegimeBook(std::string_view json);
// The compiled-in rules.
const RegimeBook& BuiltinRegimeBook();

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_REGIMES_H_
