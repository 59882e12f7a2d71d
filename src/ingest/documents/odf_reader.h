// OpenDocument text (odt) and spreadsheets (ods).
//
// odt: content.xml's text ("body": paragraphs, headings, lists, tables,
// annotations) and the headers and footers of styles.xml's master pages
// ("headers and footers"), as office_text.h extracts them.
// ods: every table of content.xml through the same table path as a CSV
// (sheet_table.h); a cell's text is its paragraphs, dates come from
// office:date-value (ISO already), numbers from office:value; repeated rows
// and columns (table:number-*-repeated) are expanded only when they hold
// text, so a sheet padded to a million empty rows costs nothing.
// A package that is not a readable zip, lacks content.xml or has a malformed
// part gives Corrupt. Thread-safe.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_ODF_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_ODF_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

Status ReadOdt(std::string_view bytes, UnitSink& sink);
Status ReadOds(std::string_view bytes, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_ODF_READER_H_
