// IndividualsStore: person-records, individuals, the review queue and the
// reviewers' decisions of a case, kept in the case database beside the
// findings.
//
// Every PHI value (a person-record's names, dates, numbers, contacts,
// addresses; a review pair's explanation) goes through the case's Sealer;
// in clear stay only ids, counts, categories, record keys (item name and
// anchor, "clinic/a.csv#row 12") and confidences.
//
// SaveResolution replaces the records, individuals and review queue of the
// previous run as one transaction; decisions are kept across runs, because
// they are inputs of the next one (keyed by record keys, which a re-run on
// the same scan reproduces).
//
// Threading: one thread at a time. Ownership: owns its connection and
// Sealer.
#ifndef BREACHSCOPE_STORE_INDIVIDUALS_STORE_H_
#define BREACHSCOPE_STORE_INDIVIDUALS_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "resolve/person_record.h"
#include "resolve/resolver.h"
#include "store/sealer.h"

namespace breachscope {

struct StoredIndividual {
  uint32_t id = 0;          // 1-based, in order of first appearance
  double confidence = 0.0;  // 0..1
  std::vector<uint32_t> members;  // indexes into LoadPersonRecords(), ascending
};

struct StoredReviewPair {
  uint32_t number = 0;  // 1-based, in the order the resolver gave them
  uint32_t a = 0;       // indexes into LoadPersonRecords()
  uint32_t b = 0;
  double weight = 0.0;
  std::string why;
};

struct IndividualsCounts {
  uint64_t person_records = 0;
  uint64_t individuals = 0;
  uint64_t review_pairs = 0;
  uint64_t decisions = 0;
};

// Reads person-records back one at a time, in idx order.
class PersonRecordReader {
 public:
  virtual ~PersonRecordReader() = default;
  // Fills *record with the next one; false when none is left.
  virtual Result<bool> Next(PersonRecord* record) = 0;
};

class IndividualsStore {
 public:
  virtual ~IndividualsStore() = default;

  // A resolution written while it is made, for cases too big to hold every
  // record in memory (`resolve` reads a million): BeginSave clears the
  // previous run inside a transaction; AddRecord writes each record as it
  // is made (its individual unknown yet), MoveRecord and DropRecord place
  // or remove it once known; ReadRecords reads them back for the resolver;
  // EndSave sets every record's individual from `individual_of` (by idx),
  // writes individuals and review pairs, and commits. AbortSave (or a
  // failed EndSave) rolls back, leaving the previous run intact.
  // REQUIRES: between BeginSave and EndSave/AbortSave, no other call.
  virtual Status BeginSave() = 0;
  virtual Status AddRecord(int64_t idx, const PersonRecord& record) = 0;
  virtual Status MoveRecord(int64_t from, int64_t to) = 0;
  virtual Status DropRecord(int64_t idx) = 0;
  // Records with 0 <= idx < `count`, in idx order; the reader must be
  // destroyed before EndSave.
  virtual Result<std::unique_ptr<PersonRecordReader>> ReadRecords(int64_t count) = 0;
  // REQUIRES: records are exactly idx 0..individual_of.size()-1.
  virtual Status EndSave(const std::vector<uint32_t>& individual_of,
                         const std::vector<double>& confidence,
                         const std::vector<ReviewPair>& review) = 0;
  virtual void AbortSave() = 0;

  // REQUIRES: individual_of.size() == records.size(), every value <
  // confidence.size(); review pairs index into `records`.
  virtual Status SaveResolution(const std::vector<PersonRecord>& records,
                                const std::vector<uint32_t>& individual_of,
                                const std::vector<double>& confidence,
                                const std::vector<ReviewPair>& review) = 0;

  virtual Result<std::vector<PersonRecord>> LoadPersonRecords() = 0;
  virtual Result<std::vector<StoredIndividual>> LoadIndividuals() = 0;
  virtual Result<std::vector<StoredReviewPair>> LoadReviewPairs() = 0;
  virtual Result<IndividualsCounts> Counts() = 0;

  // Records a decision on two records; a later decision on the same two
  // (in either order) replaces the earlier one.
  virtual Status AddDecision(const ReviewDecision& decision) = 0;
  virtual Result<std::vector<ReviewDecision>> LoadDecisions() = 0;
};

// Opens the individuals tables of the case in `case_dir` (case.db must
// exist: run a scan first), creating them when absent. `sealer` must be of
// the scheme the case was sealed with.
Result<std::unique_ptr<IndividualsStore>> OpenSqliteIndividualsStore(
    const std::string& case_dir, std::unique_ptr<Sealer> sealer);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_INDIVIDUALS_STORE_H_
