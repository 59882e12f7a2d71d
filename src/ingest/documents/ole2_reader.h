// Legacy Office 97-2003 files: OLE2 compound files (magic D0 CF 11 E0),
// opened with libgsf and told apart by their streams.
//
// - WordDocument (.doc): its text through the piece table (word97_text.h),
//   main text as part "body", notes, headers and comments as "other text".
// - Workbook (.xls, BIFF8): every worksheet as a table (biff8_workbook.h).
// - Anything else gives Unsupported saying what it is: PowerPoint 97-2003
//   (.ppt), Outlook items (.msg), Excel 5.0/95 (Book) and compound files of
//   no known document kind (the caller then reads their printable strings).
// A file libgsf cannot open as a compound file gives Corrupt. Streams are
// read whole, and never past what the compound file holds. Thread-safe.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_OLE2_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_OLE2_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

Status ReadOle2Document(std::string_view bytes, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_OLE2_READER_H_
