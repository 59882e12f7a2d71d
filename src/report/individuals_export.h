// Writing individuals out of the case, per DESIGN.md's export contract.
//
// `breachscope export individuals --format jsonl|csv`: one individual a
// line (a row) with individual_id, names, dates_of_birth, health_numbers
// ([{jurisdiction, number}]), emails, phones, addresses, categories,
// sources, confidence. Individuals in id order (ids are numbered in order
// of first appearance in the scan, so the same scan and decisions give the
// same file); inside an individual, dates, numbers, contacts, categories
// and sources sorted, names and addresses in order of first appearance.
// These files hold PHI in plain text unless `masked`.
// Stateless functions; thread-compatible.
#ifndef BREACHSCOPE_REPORT_INDIVIDUALS_EXPORT_H_
#define BREACHSCOPE_REPORT_INDIVIDUALS_EXPORT_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "report/findings_export.h"
#include "resolve/person_record.h"
#include "store/individuals_store.h"

namespace breachscope {

struct IndividualRow {
  uint32_t individual_id = 0;
  std::vector<std::string> names;
  std::vector<std::string> dates_of_birth;
  std::vector<std::pair<std::string, std::string>> health_numbers;  // jurisdiction, number
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::vector<std::string> addresses;
  std::vector<std::string> categories;
  std::vector<std::string> sources;
  double confidence = 0.0;
};

// The row of `individual`, merging its member records.
IndividualRow MakeIndividualRow(const StoredIndividual& individual,
                                const std::vector<PersonRecord>& records);

// Every value of `row` through MaskValue (for a terminal).
IndividualRow MaskIndividualRow(const IndividualRow& row);

std::string IndividualToJsonLine(const IndividualRow& row);
std::string IndividualsCsvHeader();
// Lists joined with "; ", health numbers as "SK:123456789".
std::string IndividualToCsvRow(const IndividualRow& row);

// Writes every individual of `store`; *count is set to the number written.
Status ExportIndividuals(IndividualsStore& store, ExportFormat format, bool masked,
                         std::ostream& out, uint64_t* count);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_INDIVIDUALS_EXPORT_H_
