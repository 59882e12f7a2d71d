// PersonRecord: what `subjects` hands to `resolve`, one per person seen in
// one place (a table row, an HL7 message's patient, a FHIR Patient, a
// single-patient document, a name-anchored window of free text, or a related
// person named there). Values are normalised as the detectors normalise them
// (ISO dates, E.164 phones, lower-case e-mails, "A1A 1A1" postal codes).
//
// The record holds PHI in memory only; the store seals it like a finding.
#ifndef BREACHSCOPE_RESOLVE_PERSON_RECORD_H_
#define BREACHSCOPE_RESOLVE_PERSON_RECORD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/finding.h"

namespace breachscope {

struct PersonName {
  std::string given;   // "Jean", may be empty when only a full name is known
  std::string middle;  // "Marie" or an initial "M"
  std::string family;  // "Côté-Tremblay"
  std::string suffix;  // "Jr", "Sr", "III"
  std::string full;    // as found, for display ("CÔTÉ-TREMBLAY^JEAN^M")
};

struct HealthNumber {
  std::string jurisdiction;  // two-letter province/state code, "" if unknown
  std::string number;        // normalised, no spaces
  bool check_digit_valid = false;  // a check digit exists and holds
};

struct PersonRecord {
  // Stable across re-runs of resolve on the same scan: "<item>#<anchor>",
  // e.g. "clinic/a.csv#row 12" or "lab.hl7#message 3/PID". Review decisions
  // are keyed by it.
  std::string key;
  std::string source;  // item name ("a.zip!b/c.csv")
  Role role = Role::kPatient;  // kPatient or kRelated; staff never get here
  std::vector<PersonName> names;
  std::vector<std::string> dates_of_birth;  // ISO yyyy-mm-dd
  std::string sex;                          // "F", "M" or ""
  std::vector<HealthNumber> health_numbers;
  std::vector<std::string> record_numbers;  // MRN / patient numbers, "<label>:<value>"
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::vector<std::string> addresses;       // one line each, as normalised
  std::vector<std::string> postal_codes;
  std::vector<std::string> categories;      // category ids exposed in this record
  // FHIR record links (common/record_link.h), as written in the item: the
  // ids this record is known by ("Patient/123", "urn:uuid:...") and the
  // patient it is about when it is a resource of its own (an Observation's
  // subject). Subjects attaches such a record to its patient's; resolve and
  // the store never read them (they are not stored).
  std::vector<std::string> link_ids;
  std::string link_ref;
  uint32_t findings = 0;  // findings grouped into it (for counts only)
};

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_PERSON_RECORD_H_
