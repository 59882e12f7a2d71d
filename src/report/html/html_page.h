// The page around the HTML summary's sections: doctype, a Content-Security-
// Policy that forbids every fetch (the file must work, and leak nothing,
// offline), the inline style sheet and the inline scripts. Pure.
#ifndef BREACHSCOPE_REPORT_HTML_HTML_PAGE_H_
#define BREACHSCOPE_REPORT_HTML_HTML_PAGE_H_

#include <string>
#include <string_view>

namespace breachscope {

// The policy in the page's <meta http-equiv="Content-Security-Policy">:
// nothing may be loaded; only the inline style and scripts run.
inline constexpr std::string_view kSummaryCsp =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'";

// From <!DOCTYPE html> to the opening <body>. A first script counts
// Content-Security-Policy violations into <html data-csp-violations="N">,
// so a test in a browser can prove that nothing tried to load.
std::string PageHead(std::string_view title);

// The table-sorting script and the closing tags. Clicking a header of
// table#individuals sorts by it (again: reversed); `#sort=col` or
// `#sort=-col` in the address sorts on load. The result is noted in
// table[data-sorted] for tests.
std::string PageTail();

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_HTML_HTML_PAGE_H_
