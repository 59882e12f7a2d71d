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

// Content elements (ids of the regime book) filled from the model.
std::vector<ReportItem> FillElements(const ReportModel& model, const std::vector<std::string>& ids);
// The regime's report_elements, filled.
std::vector<ReportItem> RegulatorReportItems(const ReportModel& model, const Regime& regime);

// A document made of content elements, as JSON and as text: the breach
// record a regime requires be kept (record_elements: one entry of the
// incident register) or the internal investigation report
// (internal_elements). "" when the list is empty.
std::string ElementsDocumentJson(const ReportModel& model, const Regime& regime, const std::string& title,
                                 const std::vector<std::string>& elements);
std::string ElementsDocumentText(const ReportModel& model, const Regime& regime, const std::string& title,
                                 const std::vector<std::string>& elements);

// JSON: regime, authority, organisation, generated_on, individuals,
// by_category, by_jurisdiction, timeline (anchors), deadlines (this regime),
// items [{element,label,value,missing}], missing (ids). No PHI.
std::string RegulatorReportJson(const ReportModel& model, const Regime& regime);

// The same content as a PDF document.
void WriteRegulatorReportPdf(const ReportModel& model, const Regime& regime, PdfWriter* pdf);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_REGULATOR_REPORT_H_
