// HTML to plain text, for HTML pages and the HTML bodies of e-mails.
//
// Not a browser: tags are dropped, block elements (p, div, br, li, tr,
// headings...) end a line, table cells are separated by a tab, script and
// style contents and comments are skipped, character references (&amp;,
// &#233;, &eacute; and the other Latin-1 names) are decoded. Runs of spaces
// collapse to one, so detectors see "Marie Tremblay" whatever the markup.
// Malformed markup never fails: an unclosed tag ends the text. Pure,
// thread-safe; the input must be UTF-8.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_HTML_TEXT_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_HTML_TEXT_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

std::string HtmlToText(std::string_view html);

// Decodes `bytes` (UTF-8, UTF-16 with BOM or Windows-1252), converts them
// and delivers the text's paragraphs as kText units (offsets into the
// converted text). Never fails on malformed input.
Status ReadHtml(std::string_view bytes, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_HTML_TEXT_H_
