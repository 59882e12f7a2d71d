// The report to each regime's regulator: the counts by category and by
// jurisdiction of residence, the timeline, and every content item the regime
// requires — filled from the case, or flagged as missing so nobody files an
// incomplete report without knowing.
#ifndef BREACHSCOPE_REPORT_NOTICE_REGULATOR_REPORT_H_
#define BREACHSCOPE_REPORT_NOTICE_REGULATOR_REPORT_H_

#include <string>
#include <vector>

#include "common/status.h"
#include "report/notice/pdf_writer.h"
#include "report/notice/report_model.h"

namespace breachscope {

struct ReportItem {
  std::string element;  // element id
  std::string label;
  std::string value;    // "" when missing
  bool missing = false;
};

// The regime's report_elements, each filled from the model.
std::vector<ReportItem> RegulatorReportItems(const ReportModel& model, const Regime& regime);

// JSON: regime, authority, organisation, generated_on, individuals,
// by_category, by_jurisdiction, timeline (anchors), deadlines (this regime),
// items [{element,label,value,missing}], missing (ids). No PHI.
std::string RegulatorReportJson(const ReportModel& model, const Regime& regime);

// The same content as a PDF document.
void WriteRegulatorReportPdf(const ReportModel& model, const Regime& regime, PdfWriter* pdf);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_REGULATOR_REPORT_H_
