// The incident timeline for the HTML summary: the case's anchor dates
// (access, discovery, containment, ...) and every regime's deadlines on one
// time axis, as inline SVG, and the same deadlines as a table. Pure.
#ifndef BREACHSCOPE_REPORT_HTML_TIMELINE_SVG_H_
#define BREACHSCOPE_REPORT_HTML_TIMELINE_SVG_H_

#include <string>
#include <string_view>

#include "report/notice/report_model.h"

namespace breachscope {

// One word for where a deadline stands, used as CSS class and data-status:
// "done", "late" (done after the due date), "overdue", "due", "asap" (no due
// date), "keep" (a record to keep), "na" (not required), "missing" (anchor
// date not in case.toml).
std::string_view DeadlineState(const DeadlineRow& row);

// The SVG: one row per anchor date, then one per deadline (a line from its
// anchor to its due date, a marker at the due date coloured by state, a tick
// where it was done), a "today" line, month ticks. Keep-until dates months
// or years away would squash the axis, so they are drawn as an arrow at its
// right end.
std::string RenderTimeline(const ReportModel& model);

// The deadlines as an HTML table: regime, obligation, whom to tell, from
// which anchor, due, done, status, rule and citation.
std::string RenderDeadlineTable(const ReportModel& model);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_HTML_TIMELINE_SVG_H_
