// Rich Text Format to plain text.
//
// Reads the body and headers/footers; skips destinations that hold no
// document text (font, colour and style tables, document info, pictures,
// embedded objects, `{\*...}` extensions). \par, \line and \row end a line,
// \tab and \cell become a tab. \'hh bytes are Windows-1252 (the default
// ANSI code page); \uN characters are decoded and their \ucN fallback
// skipped. Unbalanced braces or a truncated file end the text, never fail.
// Pure, thread-safe.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_RTF_TEXT_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_RTF_TEXT_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

std::string RtfToText(std::string_view rtf);

// Decodes `bytes` (UTF-8, UTF-16 with BOM or Windows-1252), converts them
// and delivers the text's paragraphs as kText units (offsets into the
// converted text). Never fails on malformed input.
Status ReadRtf(std::string_view bytes, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_RTF_TEXT_H_
