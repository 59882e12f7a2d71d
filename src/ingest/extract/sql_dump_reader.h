// SQL dump text (mysqldump, pg_dump) into kTableCell units.
//
// Reads the data a dump carries and skips everything else:
//  * INSERT/REPLACE statements, with or without a column list, single- or
//    multi-row ("extended"), MySQL and PostgreSQL (--inserts) styles;
//  * pg_dump COPY ... FROM stdin blocks (tab-separated, \N for NULL);
//  * CREATE TABLE, only to learn column names for INSERTs without a list.
// Strings are unescaped (MySQL backslash escapes unless the dump is from
// PostgreSQL, where only E'' strings use them; doubled quotes everywhere).
// Other statements and garbage between statements are skipped. A malformed
// statement gives a warning and reading resumes at the next statement.
//
// Streaming: one value at a time goes to the sink; memory is one row plus
// the column names of each table seen. Stateless, thread-safe.
#ifndef BREACHSCOPE_INGEST_EXTRACT_SQL_DUMP_READER_H_
#define BREACHSCOPE_INGEST_EXTRACT_SQL_DUMP_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

// Delivers the non-NULL, non-empty values of `utf8` to `sink`: kind
// kTableCell, table = table name without schema or quotes, label = column
// name (empty when unknown), column, record = row index within its table
// (0-based, counted across statements), offset = first byte of the value
// (of its content, after the opening quote, for strings). OnRecordEnd
// follows each row. Never fails on malformed input: it warns and goes on.
Status ReadSqlDump(std::string_view utf8, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_SQL_DUMP_READER_H_
