// Text of a word-processing or slide XML part, in document order, for the
// Office Open XML (WordprocessingML, DrawingML) and OpenDocument readers.
//
// A paragraph ends a line; table cells are separated by a tab and a table
// row ends a line (a cell's own paragraphs are joined by spaces, so a row
// stays one line: "Name\tMarie Tremblay"). Tabs and line breaks are kept.
// OOXML: only <t> text runs count (positions and field codes are not text);
// deleted runs of tracked changes count too, they were stolen all the same;
// markup-compatibility fallbacks are skipped (they repeat their choice).
// OpenDocument: all character data inside paragraphs, <text:s c="N"/>
// spaces. Nesting deeper than kMaxOfficeDepth is not read. Pure.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_OFFICE_TEXT_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_OFFICE_TEXT_H_

#include <pugixml.hpp>

#include <string>

namespace breachscope {

inline constexpr int kMaxOfficeDepth = 256;

enum class OfficeDialect { kOoxml, kOdf };

std::string OfficeText(const pugi::xml_node& root, OfficeDialect dialect);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_OFFICE_TEXT_H_
