// Record links across items: which person-record a FHIR resource that
// refers to its patient ("subject": {"reference": "Patient/123"}) belongs
// with, when the Patient is in another item of the same export (Bulk FHIR
// writes Patient.ndjson, Observation.ndjson, Condition.ndjson side by side).
//
// Scope: ids are looked up only among the items of the referring item's
// folder (LinkScope: the directory on disk, or inside an archive, that
// holds it). A FHIR server's logical ids are unique only within that server,
// and one export is one folder or one archive; two exports kept apart both
// using "Patient/1" for different people must never be joined. Within the
// scope a reference is taken first in its own item (a Bundle's own
// Patient); otherwise only when exactly one other item defines the id, so
// two Bundles dumped into one folder, each with its own "Patient/1", join
// nothing across them. Pure; thread-safe.
#ifndef BREACHSCOPE_SUBJECTS_RECORD_LINKS_H_
#define BREACHSCOPE_SUBJECTS_RECORD_LINKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "resolve/person_record.h"

namespace breachscope {

// The folder of an item: "exp/Observation.ndjson" -> "exp",
// "a.zip!exp/Patient.ndjson" -> "a.zip!exp", "a.zip!Patient.ndjson" ->
// "a.zip", "Patient.ndjson" -> "".
std::string LinkScope(std::string_view item);

// Collects the links of records as they are made, under handles the caller
// chooses (an index, a place in the store), and says at the end which
// record each referring one belongs with. Keeps only records that have
// links, and of them only their item name and links.
class RecordLinker {
 public:
  struct Link {
    int64_t handle = 0;       // the referring record
    int64_t target = -1;      // the record it belongs with, or -1
    bool names_someone = false;  // it has a name, number or e-mail of its own
    uint32_t findings = 0;
  };

  void Add(int64_t handle, const PersonRecord& record);
  // One Link per record added with a link_ref, in the order added.
  std::vector<Link> Links() const;

 private:
  struct Entry {
    int64_t handle = 0;
    std::string source;
    std::vector<std::string> ids;
    std::string ref;
    bool names_someone = false;
    uint32_t findings = 0;
  };
  int64_t TargetOf(uint32_t referring, const std::vector<uint32_t>& known) const;

  std::vector<Entry> entries_;
};

// For each record, the index of the record whose FHIR id its link_ref
// names (never itself, never a record that refers on in turn), or -1.
std::vector<int64_t> LinkTargets(const std::vector<PersonRecord>& records);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_RECORD_LINKS_H_
