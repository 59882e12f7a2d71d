// FindingRowReader: turns a findings row back into a StoredFinding.
//
// Every reader of findings rows (the ordered walk of exports, the end of
// scan's reads of a few categories) selects kFindingRowColumns and decodes
// through this one class, so a change of the row layout or of its seal
// forms (sealed_finding.h) is made once. Internal to src/store.
#ifndef BREACHSCOPE_STORE_SQLITE_FINDING_ROWS_H_
#define BREACHSCOPE_STORE_SQLITE_FINDING_ROWS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/case_store.h"
#include "store/sealed_finding.h"
#include "store/sealer.h"
#include "store/sqlite_statement.h"

namespace breachscope::sqlite {

// The columns a reader selects, in this order, before any of its own.
inline constexpr std::string_view kFindingRowColumns =
    "seq, category_id, detector_id, seal_form, value_sealed, "
    "normalized_sealed, confidence, explanation_id, role, unit_kind, record, "
    "col, label_id, path_id, tbl_id, offset_bytes";

class FindingRowReader {
 public:
  // Borrows both; `strings` is StringIds::LoadAll's table.
  FindingRowReader(const Sealer& sealer, const std::vector<std::string>& strings)
      : sealer_(sealer),
        open_(sealer.BeginOpenRun(kFindingSealContext)),
        strings_(strings) {}

  // The category of row `r`, to skip a row before unsealing it; nullptr
  // when the id is unknown (Read then reports it).
  const std::string* Category(const Statement& r) const;

  // Row `r` into *out, whose `source` the caller set to the row's item
  // (its strings keep their capacity from row to row). Errors name the
  // item and position, never a value.
  Status Read(const Statement& r, StoredFinding* out);

 private:
  // The string of id column `column` of row `r`; nullptr when unknown.
  const std::string* StringAt(const Statement& r, int column) const;

  const Sealer& sealer_;
  // Rows are read in (item, seq) order, so a chunk's values, sealed in one
  // run, come back together and share the run's set-up (OpenRun).
  std::unique_ptr<OpenRun> open_;
  const std::vector<std::string>& strings_;
  std::string scratch_;  // the unsealed plaintext of a one-seal row
};

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_FINDING_ROWS_H_
