// ReportModel: everything the notification outputs are made from, gathered
// once by `breachscope report` — the case facts, the regimes that apply, the
// deadlines, the scan's coverage, and the affected individuals with what of
// theirs was taken. Each output (notification list, letters, regulator
// reports, HTML summary) is a pure function of this model, so outputs agree
// with each other and tests can build a model by hand.
#ifndef BREACHSCOPE_REPORT_NOTICE_REPORT_MODEL_H_
#define BREACHSCOPE_REPORT_NOTICE_REPORT_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/notice/calendar_date.h"
#include "report/notice/case_facts.h"
#include "report/notice/deadlines.h"
#include "report/notice/regimes.h"
#include "store/case_store.h"

namespace breachscope {

// A postal address split for a mail house; empty when none was usable.
struct MailingAddress {
  std::string street;       // "12 Main St Apt 4"
  std::string city;         // "Regina"
  std::string region;       // "SK" / "ND"
  std::string postal_code;  // "S4P 3Y2" / "58501"
  std::string country;      // "CA" / "US"
};

struct HealthNumberRef {
  std::string jurisdiction;  // "SK", "" unknown
  std::string number;
};

// One affected individual, as in the individuals export (DESIGN.md), plus
// what notification derives from it.
struct AffectedPerson {
  std::string id;                        // individual_id
  std::vector<std::string> names;        // best first
  std::vector<std::string> dates_of_birth;
  std::vector<HealthNumberRef> health_numbers;
  std::vector<std::string> emails, phones, addresses;
  std::vector<std::string> categories;   // category ids exposed
  std::vector<std::string> sources;
  double confidence = 0;
  // Derived by notification:
  std::string jurisdiction;              // "SK", "QC", "US-ND", "" unknown
  std::string language = "en";           // "en" or "fr"
  std::optional<MailingAddress> mailing; // nullopt: listed apart (substitute notice)
  std::vector<std::string> regimes;      // regime ids that apply to this person
};

struct ReportModel {
  CalendarDate generated_on;
  CaseFacts facts;
  const RegimeBook* book = nullptr;
  std::vector<const Regime*> regimes;    // the case's regimes, in case.toml order
  std::vector<DeadlineRow> deadlines;
  CaseSummary coverage;                  // items scanned/failed, formats, findings
  std::vector<AffectedPerson> people;    // ordered by id
  std::map<std::string, uint64_t> people_by_category;
  std::map<std::string, uint64_t> people_by_jurisdiction;  // "" key: unknown
};

// Plain words for a category id, for letters and lists: "date of birth" /
// "date de naissance".
std::string CategoryWords(const std::string& category, bool french);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_REPORT_MODEL_H_
