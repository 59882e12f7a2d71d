// SqliteIndividualsStore: IndividualsStore in the case's case.db, on a
// connection of its own (the finding store may be open at the same time;
// SQLite's WAL lets one read while the other writes).
//
// Tables (created when absent; see kIndividualsSchema in the .cc):
// person_records (idx, record_key, source, role, categories, phi_sealed,
// individual_id), individuals (id, confidence, members), review_pairs
// (number, a, b, weight, why_sealed), review_decisions (key_a, key_b, link,
// decided_at). key_a < key_b so one pair has one row.
#ifndef BREACHSCOPE_STORE_SQLITE_INDIVIDUALS_STORE_H_
#define BREACHSCOPE_STORE_SQLITE_INDIVIDUALS_STORE_H_

#include <sqlite3.h>

#include <memory>
#include <string>

#include "store/individuals_store.h"
#include "store/sqlite_statement.h"

namespace breachscope {

class SqliteIndividualsStore final : public IndividualsStore {
 public:
  static Result<std::unique_ptr<SqliteIndividualsStore>> Open(const std::string& case_dir,
                                                              std::unique_ptr<Sealer> sealer);
  ~SqliteIndividualsStore() override;
  SqliteIndividualsStore(const SqliteIndividualsStore&) = delete;
  SqliteIndividualsStore& operator=(const SqliteIndividualsStore&) = delete;

  Status SaveResolution(const std::vector<PersonRecord>& records,
                        const std::vector<uint32_t>& individual_of,
                        const std::vector<double>& confidence,
                        const std::vector<ReviewPair>& review) override;
  Result<std::vector<PersonRecord>> LoadPersonRecords() override;
  Result<std::vector<StoredIndividual>> LoadIndividuals() override;
  Result<std::vector<StoredReviewPair>> LoadReviewPairs() override;
  Result<IndividualsCounts> Counts() override;
  Status AddDecision(const ReviewDecision& decision) override;
  Result<std::vector<ReviewDecision>> LoadDecisions() override;

  Status BeginSave() override;
  Status AddRecord(int64_t idx, const PersonRecord& record) override;
  Status MoveRecord(int64_t from, int64_t to) override;
  Status DropRecord(int64_t idx) override;
  Result<std::unique_ptr<PersonRecordReader>> ReadRecords(int64_t count) override;
  Status EndSave(const std::vector<uint32_t>& individual_of,
                 const std::vector<double>& confidence,
                 const std::vector<ReviewPair>& review) override;
  void AbortSave() override;

 private:
  SqliteIndividualsStore(sqlite3* db, std::unique_ptr<Sealer> sealer)
      : db_(db), sealer_(std::move(sealer)) {}
  Status SetIndividuals(const std::vector<uint32_t>& individual_of);
  Status WriteIndividuals(const std::vector<uint32_t>& individual_of,
                          const std::vector<double>& confidence);
  Status WriteReview(const std::vector<ReviewPair>& review);

  sqlite3* db_;  // owned; closed by the destructor
  std::unique_ptr<Sealer> sealer_;
  // Statements of an open save (BeginSave to EndSave).
  sqlite::Statement insert_record_, move_record_, drop_record_;
  bool saving_ = false;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SQLITE_INDIVIDUALS_STORE_H_
