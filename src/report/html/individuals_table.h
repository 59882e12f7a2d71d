// The table of affected individuals in the HTML summary, MASKED: the page is
// meant to be passed around (counsel, management, the board), so it carries
// no PHI value a reader could use. Names and dates of birth go through
// MaskValue (initials, birth year); health numbers, phones and e-mails are
// shown as counts only, never in full or in part; addresses and source paths
// (which can hold a person's name) not at all. Pure.
#ifndef BREACHSCOPE_REPORT_HTML_INDIVIDUALS_TABLE_H_
#define BREACHSCOPE_REPORT_HTML_INDIVIDUALS_TABLE_H_

#include <string>
#include <vector>

#include "report/notice/report_model.h"

namespace breachscope {

// A <table id="individuals"> with one row per person in the given order.
// Every header carries data-col (and data-type="num" for numeric columns)
// so the page's script can sort on a click; without scripts the table reads
// in id order.
std::string RenderIndividualsTable(const std::vector<AffectedPerson>& people);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_HTML_INDIVIDUALS_TABLE_H_
