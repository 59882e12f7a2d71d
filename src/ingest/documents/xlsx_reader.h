// Office Open XML spreadsheets (xlsx, xlsm): every worksheet through the
// same table path as a CSV (see sheet_table.h), in workbook order.
//
// Cell values: shared and inline strings as written; numbers as written
// (floating noise such as 172.69999999999999 rounded to 15 digits); numbers
// under a date format (built-in or custom) as ISO dates, 1900 and 1904 date
// systems both, since a birth date is usually stored that way; booleans and
// error cells skipped. Units' table is the sheet's name.
// A package that is not a readable zip, lacks xl/workbook.xml, or has a
// malformed part gives Corrupt. Thread-safe (no shared state).
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_XLSX_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_XLSX_READER_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

Status ReadXlsx(std::string_view bytes, UnitSink& sink);

// Spreadsheet serial day number to "YYYY-MM-DD" ("" when out of range).
std::string SerialToIsoDate(double serial, bool date1904);

// True when a custom number format writes a day or a year (outside quoted
// text and brackets): its numbers are dates. Shared with the .xls reader.
bool IsDateFormatCode(std::string_view code);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_XLSX_READER_H_
