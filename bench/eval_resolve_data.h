// Loaders of the labelled entity-resolution data sets in bench/data/er into
// PersonRecords with their true entity, playing the part of `subjects`
// (names split, dates in ISO form, phones and e-mails as found).
#ifndef BREACHSCOPE_BENCH_EVAL_RESOLVE_DATA_H_
#define BREACHSCOPE_BENCH_EVAL_RESOLVE_DATA_H_

#include <string>
#include <vector>

#include "resolve/person_record.h"

namespace breachscope {

struct LabelledRecords {
  std::string name;
  std::vector<PersonRecord> records;
  std::vector<std::string> truth;  // entity id per record
  std::string error;               // set when the files could not be read
};

LabelledRecords LoadFebrl(const std::string& csv_path, const std::string& name);
LabelledRecords LoadSplinkFake(const std::string& csv_path);
LabelledRecords LoadSenzing(const std::string& folder);

// Splits one CSV line (RFC 4180 quotes; no embedded newlines).
std::vector<std::string> SplitCsvLine(const std::string& line);

// Dates as written in the test sets: "1978-12-11", "19781211",
// "12/11/1978" (m/d/y, or d/m/y when the first part exceeds 12),
// "3/1/70", "Mar 1 1970", "24-May-11". "" when not a date.
std::string ToIsoDate(const std::string& text);

}  // namespace breachscope

#endif  // BREACHSCOPE_BENCH_EVAL_RESOLVE_DATA_H_
