// Small values kept in a case's `meta` table by code outside the store
// proper (the audit log's chain head), through a short-lived connection of
// their own so they need no CaseStore open.
//
// Only non-PHI text goes here. Safe alongside an open CaseStore in another
// thread or process: SQLite's locking (WAL, busy timeout) orders writers.
#ifndef BREACHSCOPE_STORE_CASE_META_H_
#define BREACHSCOPE_STORE_CASE_META_H_

#include <string>

#include "common/status.h"

namespace breachscope {

// The value of `key`, or "" when absent. kNotFound when there is no case.
Result<std::string> ReadCaseMeta(const std::string& case_dir,
                                 const std::string& key);
// Sets `key` to `value` (committed before returning).
Status WriteCaseMeta(const std::string& case_dir, const std::string& key,
                     const std::string& value);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_CASE_META_H_
