// The cells of a legacy Excel 97-2003 workbook (.xls, the Workbook stream of
// an OLE2 compound file, BIFF8 records), every worksheet through the same
// table path as a CSV (sheet_table.h), in workbook order.
//
// Cell values: shared strings (SST, across CONTINUE records) and inline
// labels as written; numbers (NUMBER, RK, MULRK, numeric formula results)
// shortest exact, and as ISO dates under a date format (built-in or custom
// FORMAT, 1900 and 1904 date systems); string formula results as written;
// booleans and errors skipped. Units' table is the sheet's name.
// A password-protected workbook (FILEPASS) gives Encrypted; records that do
// not fit the stream, or a string index past the SST, Corrupt; BIFF5 and
// older Unsupported. Pure and thread-safe.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_BIFF8_WORKBOOK_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_BIFF8_WORKBOOK_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

Status ReadBiff8Workbook(std::string_view workbook, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_BIFF8_WORKBOOK_H_
