// Delimited tables (CSV, TSV, ...) into kTableCell units.
//
// RFC 4180 plus the mess real exports contain: any one-byte delimiter,
// quoted cells with doubled quotes and embedded line breaks, CRLF/LF/CR line
// ends, spaces around cells, ragged rows, stray quotes inside unquoted cells.
// Header detection: the first row is a header when its cells look like
// labels (non-numeric, distinct, short) and the second row does not; header
// cells then label the cells below and are not delivered themselves.
//
// Streaming: cells go to the sink as they are parsed; only the first two rows
// are held (to decide on the header), so memory is O(row size) whatever the
// file size. Unquoted cells are views into the input; only quoted cells with
// doubled quotes are unescaped into a scratch buffer. Stateless, thread-safe.
#ifndef BREACHSCOPE_INGEST_EXTRACT_CSV_READER_H_
#define BREACHSCOPE_INGEST_EXTRACT_CSV_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

// Delivers the non-empty cells of `utf8` to `sink`: kind kTableCell, label
// = header cell (empty without header or beyond it), column, record = data
// row index (0-based, header excluded), offset = first byte of the cell's
// (trimmed) text. OnRecordEnd follows each data row; blank lines are not
// rows. Rows whose cell count differs from the first row give a warning
// naming the row (1-based line of the file's records, header included).
// Returns Corrupt("CSV row N: unterminated quote") when a quote never
// closes, after delivering what precedes and follows it.
Status ReadCsv(std::string_view utf8, char delimiter, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_CSV_READER_H_
