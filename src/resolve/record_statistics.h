// Statistics over all records that comparisons need: how common each given
// and family name is (for the term-frequency adjustment: two "Smith"s agree
// by chance far more often than two "Kowalczyk"s) and which phones and
// e-mails are held by several different people (a household landline, a
// family mailbox: agreeing on it says little), and which full names are
// borne by two people of different ages (Jr and Sr: agreeing on such a name
// without a birth date says nothing about which one). Single-threaded, run once
// before comparisons.
#ifndef BREACHSCOPE_RESOLVE_RECORD_STATISTICS_H_
#define BREACHSCOPE_RESOLVE_RECORD_STATISTICS_H_

#include <vector>

#include "resolve/prepared_record.h"

namespace breachscope {

void AddRecordStatistics(std::vector<PreparedRecord>* records);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_RECORD_STATISTICS_H_
