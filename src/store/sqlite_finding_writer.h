// FindingWriter: the hot path of a scan, writing the findings of one item.
//
// Takes findings whose PHI was sealed beforehand (SealedFinding, sealed on
// the scan workers, so the single writer thread does SQLite work only), or
// seals them itself through the Sealer. Rows are written in the one-seal
// form (sealed_finding.h); the first row of a transaction marks the case's
// schema version for it (MarkOneSealRows). Interns the repeated non-PHI
// strings (StringIds) and inserts many rows per statement (kRowsPerInsert:
// 128 at a time, the rest by 16, then one by one), since a dense item has
// hundreds of findings and SQLite's fixed cost per statement execution was
// a large part of the cost per row. Binding is much of the rest, so a row
// binds only what varies: the item id is one parameter of the statement,
// the seal form and the unused second seal are constants of its SQL, and
// bindings are overwritten rather than cleared between executions.
//
// The strings' ids come from the run's de-duplicated strings
// (SealedFindings::strings, built on the workers) when it has them: one
// look-up per distinct text rather than six per row.
//
// Ownership: borrows the connection and the Sealer, which must outlive it.
// Threading: one thread at a time, like the connection. Internal to
// src/store.
#ifndef BREACHSCOPE_STORE_SQLITE_FINDING_WRITER_H_
#define BREACHSCOPE_STORE_SQLITE_FINDING_WRITER_H_

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/finding.h"
#include "common/status.h"
#include "store/sealed_finding.h"
#include "store/sealer.h"
#include "store/sqlite_statement.h"
#include "store/sqlite_string_ids.h"

namespace breachscope::sqlite {

class FindingWriter {
 public:
  // Rows per INSERT statement, largest first: an item's findings go in
  // by the largest that fits. store_bench, 1M sealed findings, 1,000 per
  // item: writer 1.72 us CPU per finding with 32 rows, 1.59-1.67 with 128.
  static constexpr std::array<int, 3> kRowsPerInsert = {128, 16, 1};

  FindingWriter() = default;
  Status Prepare(sqlite3* db, const Sealer* sealer);

  // Inserts `findings` of item `item_id`, seq = index in `findings`. Must
  // run inside a write transaction. On failure some rows (and interned
  // strings) may already be written; the caller removes the item's rows.
  // With `seqs`, findings[i] gets seq (*seqs)[i] instead.
  // Seals on the calling thread.
  Status Insert(int64_t item_id, const std::vector<Finding>& findings,
                const std::vector<int64_t>* seqs = nullptr);
  // The same with `sealed` = SealFindingValues(findings), made earlier on
  // any thread. REQUIRES: sealed.size() == findings.size().
  Status InsertSealed(int64_t item_id, const std::vector<Finding>& findings,
                      const SealedFindings& sealed,
                      const std::vector<int64_t>* seqs = nullptr);

  // To be called when SQLite drops the open transaction (see StringIds).
  void Forget();

 private:
  // MarkOneSealRows, once per transaction that inserts rows.
  Status MarkCase();

  // The string ids of the distinct texts of `refs` into distinct_ids_.
  Status ResolveDistinct(const std::vector<Finding>& findings,
                         const FindingStringRefs& refs);
  // The ids of one finding's strings (FindingStringRefs::SlotsOf order):
  // from its refs after ResolveDistinct, or looked up one by one.
  void IdsByRef(const uint32_t* refs, int64_t* ids) const;
  Status IdsOf(const Finding& f, int64_t* ids);
  // Binds finding `f`, sealed as `s`, with string ids `ids`, as row `row`
  // (0-based) of `stmt` (whose ?1, the item id, is bound apart). `s` must
  // stay untouched until the step (blobs are not copied).
  void BindRow(Statement& stmt, int row, int64_t seq, const Finding& f,
               SealedFinding s, const int64_t* ids);

  static constexpr int kStringSlots = FindingStringRefs::kSlots;

  sqlite3* db_ = nullptr;
  const Sealer* sealer_ = nullptr;
  bool marked_ = false;  // MarkCase ran in the open transaction
  StringIds strings_;
  std::vector<int64_t> distinct_ids_;  // by ref, for the run being written
  // inserts_[k] inserts kRowsPerInsert[k] rows.
  std::array<Statement, kRowsPerInsert.size()> inserts_;
};

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_FINDING_WRITER_H_
