// SqliteCaseStore: the CaseStore kept in `case.db` inside the case folder.
//
// Writes go into one open transaction (a "batch") that Flush() commits; the
// store also commits by itself every kBatchRows rows so memory and the WAL
// stay bounded. Each write call is atomic: if it fails, none of its rows
// stay in the batch (BeginSource and PurgeUnfinishedSources may stop part
// way, but only ever leave rows that the next purge removes). If SQLite
// itself abandons the batch (disk full, I/O error), the store refuses
// further writes with that error; reopen the case and resume the scan,
// which purges and redoes the unfinished sources.
//
// Only sealed PHI reaches the file (see sqlite_schema.cc for what is
// stored in which column).
//
// Between BeginScan and EndScan the connection checks no foreign keys (a
// check per finding row was a large part of the writer's work); the rows a
// scan writes refer to items it has just written, and its deletes remove
// findings with their items themselves.
//
// Ownership: owns the connection and the Sealer. Destroying the store
// commits the open batch on a best-effort basis; call Flush() first to see
// errors. Threading: one thread at a time, as CaseStore says. The visitor of
// ForEachFinding must not call back into the store.
#ifndef BREACHSCOPE_STORE_SQLITE_CASE_STORE_H_
#define BREACHSCOPE_STORE_SQLITE_CASE_STORE_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/case_store.h"
#include "store/sealer.h"
#include "store/sqlite_statement.h"
#include "store/sqlite_finding_writer.h"

namespace breachscope {

class SqliteCaseStore final : public CaseStore {
 public:
  // Rows (items + findings + bookkeeping) after which a batch is committed.
  static constexpr int64_t kBatchRows = 5000;

  // Opens or creates `case_dir`/case.db. A new case folder and database are
  // created readable by the owner only.
  static Result<std::unique_ptr<SqliteCaseStore>> Open(
      const std::string& case_dir, std::unique_ptr<Sealer> sealer);

  ~SqliteCaseStore() override;
  SqliteCaseStore(const SqliteCaseStore&) = delete;
  SqliteCaseStore& operator=(const SqliteCaseStore&) = delete;

  Result<int64_t> BeginScan(const std::vector<std::string>& roots,
                            int threads) override;
  // Also commits. Does not build the value_hash look-up index (see
  // sqlite::EnsureLookupIndexes).
  Status EndScan(int64_t scan_id, const ScanTotals& totals) override;
  // Also removes items whose source has no 'done' row at all (written
  // without BeginSource), so a re-scan never collides with them.
  Status PurgeUnfinishedSources() override;
  Result<bool> IsSourceDone(const SourceKey& key) override;
  Status BeginSource(const SourceKey& key) override;
  SealedFindings SealFindings(
      const std::vector<Finding>& findings) const override {
    return SealFindingValues(*sealer_, findings);
  }
  // Fails if an item of that name is already stored (kInvalidArgument), or
  // without one sealed row per finding.
  Status AddSealedItem(const ItemRecord& item,
                       const std::vector<Finding>& findings,
                       const SealedFindings& sealed) override;
  Status AddSealedItemPart(const ItemRecord& item,
                           const std::vector<Finding>& findings,
                           const SealedFindings& sealed,
                           const std::vector<int64_t>& seqs,
                           bool last) override;
  // Fails (kInvalidArgument) if the source was not begun.
  Status FinishSource(const SourceKey& key) override;
  Status Flush() override;

  Result<CaseSummary> Summary() override;
  Result<std::vector<ErrorItem>> ErrorItems(size_t limit) override;
  Status ForEachFinding(
      const std::function<void(const StoredFinding&)>& visit) override;
  Status ForEachRecordFinding(
      const std::function<void(const StoredFinding&)>& visit) override;
  // In sqlite_derived_findings.cc.
  Status ForEachFindingOf(
      const std::vector<std::string>& categories,
      const std::function<void(const StoredFinding&)>& visit) override;
  Status ReplaceDetectorFindings(
      std::string_view detector,
      const std::vector<StoredFinding>& findings) override;

 private:
  struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  using DbHandle = std::unique_ptr<sqlite3, DbCloser>;

  SqliteCaseStore(DbHandle db, std::unique_ptr<Sealer> sealer);

  Status PrepareStatements();
  // Derived findings by item name: the findings and their seqs.
  using DerivedByItem =
      std::map<std::string,
               std::pair<std::vector<Finding>, std::vector<int64_t>>>;
  // The body of ReplaceDetectorFindings, inside its transaction.
  Status ReplaceRows(std::string_view detector, const DerivedByItem& by_item);
  // ForEachFinding, with or without record links.
  Status VisitFindings(const std::function<void(const StoredFinding&)>& visit,
                       bool with_links);
  // Runs `body` inside the open batch (opening one if needed).
  template <typename Body>
  Status Write(Body body);
  // After a failed write or commit: when SQLite dropped the whole batch,
  // marks the store broken and returns why; otherwise returns `error`.
  Status CheckBatchAfter(Status error);
  // Removes a half-written item after `error`; returns `error`.
  Status UndoItem(int64_t item_id, Status error);
  // PRAGMA foreign_keys; off from BeginScan to EndScan. REQUIRES: no open
  // batch.
  Status SetForeignKeys(bool on);
  // Inserts the item row; its id in *item_id.
  Status InsertItemRow(const ItemRecord& item, int64_t* item_id);
  Status CountRows(int64_t rows);
  Status DeleteSourceRows(std::string_view source);

  // Declared first so it is destroyed last, after every statement.
  DbHandle db_;
  std::unique_ptr<Sealer> sealer_;

  sqlite::Statement begin_;
  sqlite::Statement commit_;
  sqlite::Statement insert_scan_;
  sqlite::Statement end_scan_;
  sqlite::Statement source_done_;
  sqlite::Statement delete_source_findings_;
  sqlite::Statement delete_source_items_;
  sqlite::Statement upsert_source_;
  sqlite::Statement finish_source_;
  sqlite::Statement delete_item_findings_;
  sqlite::Statement delete_item_;
  sqlite::Statement insert_item_;
  sqlite::Statement update_item_;
  sqlite::FindingWriter findings_;

  bool in_batch_ = false;
  int64_t batch_rows_ = 0;
  int64_t scan_id_ = 0;  // the scan begun by this store; 0 for none
  // Items being written in parts (AddItemPart), by name: row id. Several
  // scan workers may each have one under way.
  std::map<std::string, int64_t> part_items_;
  Status broken_;        // non-OK once SQLite has dropped a batch
};

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SQLITE_CASE_STORE_H_
