// PersonRecordBuilder: fills one PersonRecord from the findings that
// subjects attributed to one person in one place.
//
// Names written in parts (given, family, ... under one HL7 repetition, one
// FHIR `name[i]`, one table row) become one PersonName; full names are
// split. A name that only repeats words of a fuller one ("Edmon" after
// "Edmon Li") is dropped. Address parts of one group become one line.
// Health numbers keep the jurisdiction the detector gave ("SK:123..."); a
// number whose detector could not tell the province takes the province of
// the record's address when the record has exactly one.
//
// Not thread-safe; one builder per record.
#ifndef BREACHSCOPE_SUBJECTS_RECORD_BUILDER_H_
#define BREACHSCOPE_SUBJECTS_RECORD_BUILDER_H_

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/finding.h"
#include "resolve/person_record.h"
#include "subjects/address_parts.h"

namespace breachscope {

class PersonRecordBuilder {
 public:
  PersonRecordBuilder(std::string key, std::string source, Role role);

  void Add(const Finding& finding);
  size_t findings() const { return findings_; }
  // True once a finding that can tell the person apart was added: a name,
  // a health or record number, or an e-mail. Records without one (a lab
  // value alone) cannot be resolved to anyone and are not kept.
  bool HasIdentity() const { return identity_; }
  // The patient a FHIR resource refers to (common/record_link.h), or "".
  const std::string& link_ref() const { return record_.link_ref; }

  PersonRecord Build() const;

 private:
  void AddName(const Finding& finding);
  void AddAddress(const Finding& finding);
  void AddHealthNumber(const Finding& finding);
  void FillNames(PersonRecord* record) const;
  void FillAddresses(PersonRecord* record) const;

  PersonRecord record_;  // everything except names and addresses
  std::vector<std::pair<std::string, PersonName>> name_groups_;  // in order
  std::vector<PersonName> full_names_;
  std::vector<std::pair<std::string, AddressParts>> address_groups_;
  std::vector<std::string> address_lines_;
  std::set<std::string> categories_;
  size_t findings_ = 0;
  bool identity_ = false;
};

// Adds `value` to `list` unless already there.
void AddUnique(std::vector<std::string>* list, std::string value);

// The group a structured finding belongs to: its path without the last
// component ("PID-5[1].2" -> "PID-5[1]", "name[0].given[1]" -> "name[0]",
// "/patient[1]/name/given" -> "/patient[1]/name"); one group per table row.
std::string PartGroupOf(const Location& location);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_RECORD_BUILDER_H_
