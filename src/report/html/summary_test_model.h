// A hand-built ReportModel for the HTML summary's tests (unit tests here and
// the headless-browser test in tests/): the Saskatchewan case's dates under
// three regimes, a scan's coverage, and `people` synthetic individuals whose
// PHI values are known, so tests can assert that none of them is in the page.
#ifndef BREACHSCOPE_REPORT_HTML_SUMMARY_TEST_MODEL_H_
#define BREACHSCOPE_REPORT_HTML_SUMMARY_TEST_MODEL_H_

#include <array>
#include <cstdio>
#include <string>

#include "common/categories.h"
#include "report/notice/report_model.h"

namespace breachscope::html_test {

inline constexpr const char* kCaseToml = R"TOML(
[organisation]
name = "Prairie Lab Services"
contact = "Privacy Officer"
phone = "1-800-555-0100"

[incident]
first_access = 2026-02-02
discovered = 2026-02-21
contained = 2026-02-24
phi_confirmed = 2026-04-10
what_happened = "Attackers copied patient files from four clinics."

[regimes]
apply = ["sk_hipa", "pipeda", "hipaa"]

[done]
"sk_hipa.report_commissioner" = 2026-05-09
"sk_hipa.notify_individuals" = 2026-05-31
)TOML";

inline constexpr std::array<const char*, 8> kGiven = {
    "Zoë", "Jean-Marc", "Ahmed", "Mary", "Chloé", "Wei", "Ngozi", "Tremaine"};
inline constexpr std::array<const char*, 7> kFamily = {
    "O'Brien", "Côté", "Littlechild", "Nguyen", "Bélanger", "Okafor", "Smith"};
inline constexpr std::array<const char*, 6> kPlaces = {"SK", "SK", "AB", "QC", "US-ND", ""};

// Four letters unique to i < 26^4, so every name is different and none of
// its words is a number that could turn up in the page by chance.
inline std::string Letters(size_t i) {
  std::string out = "Aaaa";
  for (int k = 3; k >= 0; --k, i /= 26) out[k] = static_cast<char>(out[k] + i % 26);
  return out;
}

inline std::string Digits(size_t value, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%0*zu", width, value % 1000000000);
  return buffer;
}

// Person i: every PHI field filled with a value unique to i.
inline AffectedPerson SamplePerson(size_t i) {
  AffectedPerson p;
  p.id = "ind-" + Digits(i + 1, 6);
  const std::string given = kGiven[i % kGiven.size()];
  const std::string family = kFamily[(i / kGiven.size()) % kFamily.size()];
  p.names = {given + " " + Letters(i) + " " + family};
  if (i % 5 == 0) p.names.push_back(given.substr(0, 1) + ". " + family);
  p.dates_of_birth = {std::to_string(1940 + i % 60) + "-" + Digits(1 + i % 12, 2) + "-" +
                      Digits(1 + i % 28, 2)};
  p.health_numbers = {{kPlaces[i % kPlaces.size()], "7" + Digits(i * 7919 + 12345678, 8)}};
  p.phones = {"306-555-" + Digits(i % 10000, 4) + " x" + Digits(i, 5)};
  p.emails = {"patient" + Digits(i, 5) + "@example.org"};
  p.addresses = {std::to_string(100 + i) + " Victoria Avenue, Regina SK S4P 0R" + Digits(i % 10, 1)};
  for (size_t k = 0; k < kCategoryIds.size(); ++k) {
    if (k < 3 || (i + k) % 4 == 0) p.categories.emplace_back(kCategoryIds[k]);
  }
  p.sources = {"clinic/patients/" + given + "_" + Digits(i, 5) + ".pdf", "exports/lab.csv"};
  p.confidence = 0.9;
  p.jurisdiction = kPlaces[i % kPlaces.size()];
  p.language = p.jurisdiction == "QC" ? "fr" : "en";
  if (i % 9 != 4) {
    p.mailing = MailingAddress{std::to_string(100 + i) + " Victoria Avenue", "Regina", "SK",
                               "S4P 0R" + Digits(i % 10, 1), "CA"};
  }
  return p;
}

inline ReportModel SampleModel(size_t people) {
  ReportModel model;
  model.generated_on = *ParseCalendarDate("2026-06-15");
  model.book = &BuiltinRegimeBook();
  model.facts = ParseCaseFacts(kCaseToml, *model.book).value();
  for (const std::string& id : model.facts.regimes) model.regimes.push_back(model.book->Find(id));
  for (size_t i = 0; i < people; ++i) {
    model.people.push_back(SamplePerson(i));
    for (const std::string& c : model.people.back().categories) ++model.people_by_category[c];
    ++model.people_by_jurisdiction[model.people.back().jurisdiction];
  }
  AffectedCounts counts;
  counts.individuals = people;
  for (const auto& [place, n] : model.people_by_jurisdiction) counts.by_jurisdiction[place] = n;
  model.deadlines = ComputeDeadlines(*model.book, model.facts, counts, model.generated_on);
  CaseSummary& coverage = model.coverage;
  coverage.items_scanned = 120;
  coverage.items_error = 3;
  coverage.items_skipped = 2;
  coverage.items = 125;
  coverage.findings = 45678;
  coverage.items_by_format = {{"csv", 50}, {"hl7", 40}, {"json", 30}};
  coverage.errors_by_reason = {{"encrypted", 2}, {"corrupt", 1}};
  coverage.skipped_by_reason = {{"symlink", 2}};
  return model;
}

}  // namespace breachscope::html_test

#endif  // BREACHSCOPE_REPORT_HTML_SUMMARY_TEST_MODEL_H_
