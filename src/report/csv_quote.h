// RFC 4180 quoting of one CSV field, shared by every CSV the tool writes.
#ifndef BREACHSCOPE_REPORT_CSV_QUOTE_H_
#define BREACHSCOPE_REPORT_CSV_QUOTE_H_

#include <string>
#include <string_view>

namespace breachscope {

// The field as is, or in double quotes with inner quotes doubled when it
// holds a comma, quote or line break.
std::string CsvQuote(std::string_view field);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_CSV_QUOTE_H_
