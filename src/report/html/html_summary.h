// The self-contained HTML summary of a case: one file a privacy officer can
// open, print or send, with no external fetch at all (inline CSS, inline SVG
// drawn here, inline script only for sorting) and no unmasked PHI.
//
// Contents: a header (organisation, date, counts), charts (individuals by
// category and by jurisdiction, items by format, coverage with the reasons
// items were not read), the incident timeline with each regime's deadlines,
// and the masked, sortable table of individuals.
//
// A pure function of the ReportModel (see report/notice/report_model.h), like
// every other notification output; `breachscope report` writes it as
// summary.html. Size grows with the people: about 0.3 KB a person.
#ifndef BREACHSCOPE_REPORT_HTML_HTML_SUMMARY_H_
#define BREACHSCOPE_REPORT_HTML_HTML_SUMMARY_H_

#include <string>

#include "report/notice/report_model.h"

namespace breachscope {

// The whole page, valid UTF-8. Every text from the model is HTML-escaped;
// names and dates of birth are masked with MaskValue; health numbers, phones,
// e-mails, addresses and source paths never appear.
std::string RenderHtmlSummary(const ReportModel& model);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_HTML_HTML_SUMMARY_H_
