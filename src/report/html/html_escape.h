// Text into HTML: every string the summary shows (organisation, masked names,
// file formats, error reasons) goes through HtmlEscape, so a name holding
// `<`, `&` or quotes can neither break the page nor inject markup.
#ifndef BREACHSCOPE_REPORT_HTML_HTML_ESCAPE_H_
#define BREACHSCOPE_REPORT_HTML_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace breachscope {

// Escapes &, <, >, " and ' for use in element text and quoted attribute
// values. Invalid UTF-8 bytes become U+FFFD and control characters other
// than tab and newline are dropped, so the page is always valid UTF-8 HTML.
std::string HtmlEscape(std::string_view text);

// Appends HtmlEscape(text) to *out (no temporary string per cell).
void AppendEscaped(std::string_view text, std::string* out);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_HTML_HTML_ESCAPE_H_
