// For resolve_scale --write-case: generated person-records written into a
// case as the findings a scan of CSV files would have stored, so that
// `breachscope resolve --case DIR` can be measured end to end (reading
// findings, grouping them into person-records, resolving, saving) on a
// million records without scanning a huge share.
#ifndef BREACHSCOPE_BENCH_RESOLVE_SCALE_CASE_H_
#define BREACHSCOPE_BENCH_RESOLVE_SCALE_CASE_H_

#include <cstddef>
#include <functional>
#include <string>

#include "common/status.h"
#include "resolve/person_record.h"

namespace breachscope {

// REQUIRES: `case_dir` was made by `breachscope case init --case DIR` (its
// key file beside it) and holds no scan yet. Writes record i (from
// `make(i)`) as row i % 1000 of the item "gen/<i / 1000>.csv": one cell per
// name part, birth date, health number, address, postal code, phone and
// e-mail, each labelled as a CSV header would label it.
Status WriteRecordsAsCase(const std::string& case_dir, size_t count,
                          const std::function<PersonRecord(size_t)>& make);

}  // namespace breachscope

#endif  // BREACHSCOPE_BENCH_RESOLVE_SCALE_CASE_H_
