// The rows the end of a scan reads (app/learned_shape_step.h): identifier
// candidates and record and patient numbers. A partial index holds just
// those rows, so the end of a scan seeks them instead of reading every
// finding of the case (sqlite_derived_findings.cc).
//
// The index is `findings(category_id, item_id, seq, detector_id) WHERE
// category_id = A OR category_id = B OR category_id = C`, with the ids the
// three category strings have in this case, interned when the index is
// made. Other rows cost an insert one comparison and no index entry. An
// item's rows of one category come in seq order, and the detector is in
// the index so replacing one detector's rows finds them without the table.
// Internal to src/store.
#ifndef BREACHSCOPE_STORE_SQLITE_SHAPE_INPUTS_H_
#define BREACHSCOPE_STORE_SQLITE_SHAPE_INPUTS_H_

#include <sqlite3.h>

#include <array>
#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope::sqlite {

inline constexpr std::string_view kShapeInputIndex = "findings_shape_inputs";

// The categories the index holds.
inline constexpr std::array<std::string_view, 3> kShapeInputCategories = {
    "id_candidate", "medical_record_number", "patient_number"};

// Creates the index when absent: on a new case, and once on a case written
// before it (one pass over its findings). Must run inside a write
// transaction.
Status EnsureShapeInputIndex(sqlite3* db);

// The index's condition as it was created ("category_id = 3 OR ..."): a
// query that repeats it as a term may use the index. Empty when absent.
Result<std::string> ShapeInputCondition(sqlite3* db);

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_SQLITE_SHAPE_INPUTS_H_
