#include "report/notice/regulator_report.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace breachscope {
namespace {

std::string CountsText(const std::map<std::string, uint64_t>& counts, bool categories) {
  std::string out;
  for (const auto& [key, n] : counts) {
    std::string name = categories ? CategoryWords(key, false) : (key.empty() ? "unknown" : key);
    out += (out.empty() ? "" : "; ") + name + ": " + std::to_string(n);
  }
  return out;
}

// Anchor dates in time order, as the regulator reads a timeline.
std::string TimelineText(const ReportModel& model) {
  std::vector<std::pair<CalendarDate, std::string>> events;
  for (const auto& [id, date] : model.facts.incident.anchors) {
    auto words = model.book->anchors.find(id);
    events.emplace_back(date, words == model.book->anchors.end() ? id : words->second);
  }
  std::sort(events.begin(), events.end());
  std::string out;
  for (const auto& [date, words] : events) out += (out.empty() ? "" : "; ") + words + " " + FormatIsoDate(date);
  return out;
}

// Obligations met so far, from case.toml [done]; "" when none yet.
std::string NotificationsMadeText(const ReportModel& model) {
  std::string out;
  for (const auto& [key, date] : model.facts.done) out += (out.empty() ? "" : "; ") + key + " " + FormatIsoDate(date);
  return out;
}

// The value of one element for a regulator: facts, counts or the timeline.
std::string ElementValue(const ReportModel& model, const std::string& from) {
  const OrganisationFacts& org = model.facts.organisation;
  if (from == "organisation.name") return org.name;
  if (from == "organisation.contact") {
    std::string text = org.contact;
    for (const std::string* part : {&org.phone, &org.email}) {
      if (!part->empty() && !text.empty()) text += ", " + *part;
    }
    return text;
  }
  if (from == "incident.discovered") {
    auto it = model.facts.incident.anchors.find("discovered");
    return it == model.facts.incident.anchors.end() ? "" : FormatIsoDate(it->second);
  }
  if (from.starts_with("incident.")) return model.facts.Text(from.substr(9), false);
  if (from == "case.individual_count") return std::to_string(model.people.size());
  if (from == "case.count_by_jurisdiction") return CountsText(model.people_by_jurisdiction, false);
  if (from == "case.categories") return CountsText(model.people_by_category, true);
  if (from == "case.timeline") return TimelineText(model);
  if (from == "case.notifications_made") return NotificationsMadeText(model);
  return "";
}

}  // namespace

std::vector<ReportItem> RegulatorReportItems(const ReportModel& model, const Regime& regime) {
  return FillElements(model, regime.report_elements);
}

std::vector<ReportItem> FillElements(const ReportModel& model, const std::vector<std::string>& ids) {
  std::vector<ReportItem> items;
  for (const std::string& id : ids) {
    const ContentElement& e = model.book->elements.at(id);
    ReportItem item{id, e.label, ElementValue(model, e.from), false};
    item.missing = item.value.empty();
    items.push_back(std::move(item));
  }
  return items;
}

std::string RegulatorReportJson(const ReportModel& model, const Regime& regime) {
  using nlohmann::json;
  auto authority = model.facts.authorities.count(regime.id) ? model.facts.authorities.at(regime.id)
                                                            : regime.authority;
  json doc = {{"regime", regime.id},
              {"regime_name", regime.name},
              {"authority", {{"name", authority.name}, {"address", authority.address},
                             {"phone", authority.phone}, {"email", authority.email}}},
              {"organisation", model.facts.organisation.name},
              {"generated_on", FormatIsoDate(model.generated_on)},
              {"individuals", model.people.size()},
              {"by_category", model.people_by_category},
              {"by_jurisdiction", json::object()},
              {"timeline", json::object()},
              {"deadlines", json::array()},
              {"items", json::array()},
              {"missing", json::array()}};
  for (const auto& [j, n] : model.people_by_jurisdiction) doc["by_jurisdiction"][j.empty() ? "unknown" : j] = n;
  for (const auto& [id, date] : model.facts.incident.anchors) doc["timeline"][id] = FormatIsoDate(date);
  for (const DeadlineRow& row : model.deadlines) {
    if (row.regime_id != regime.id) continue;
    doc["deadlines"].push_back({{"obligation", row.obligation_id}, {"to", row.to},
                                {"due", row.due ? json(FormatIsoDate(*row.due)) : json()},
                                {"done", row.done ? json(FormatIsoDate(*row.done)) : json()},
                                {"status", row.status}, {"cite", row.cite}});
  }
  for (const ReportItem& item : RegulatorReportItems(model, regime)) {
    doc["items"].push_back({{"element", item.element}, {"label", item.label},
                            {"value", item.missing ? json() : json(item.value)}, {"missing", item.missing}});
    if (item.missing) doc["missing"].push_back(item.element);
  }
  return doc.dump(2) + "\n";
}

void WriteRegulatorReportPdf(const ReportModel& model, const Regime& regime, PdfWriter* pdf) {
  const Authority& authority = model.facts.authorities.count(regime.id) ? model.facts.authorities.at(regime.id)
                                                                        : regime.authority;
  pdf->Paragraph("Breach report: " + regime.name, PdfStyle::kTitle);
  pdf->Paragraph("To: " + authority.name + (authority.address.empty() ? "" : "\n" + authority.address));
  pdf->Paragraph("From: " + model.facts.organisation.name + "\nDate: " + FormatLongDate(model.generated_on, false));
  std::vector<ReportItem> items = RegulatorReportItems(model, regime);
  size_t missing = 0;
  for (const ReportItem& item : items) missing += item.missing ? 1 : 0;
  if (missing > 0) {
    pdf->Paragraph("DRAFT: " + std::to_string(missing) + " required item(s) are missing and marked below.",
                   PdfStyle::kHeading);
  }
  for (const ReportItem& item : items) {
    pdf->Paragraph(item.label, PdfStyle::kHeading);
    pdf->Paragraph(item.missing ? "[MISSING: set it in case.toml]" : item.value);
  }
  // Counts and the timeline go to every regulator, whatever its form asks.
  pdf->Paragraph("Individuals affected, by category", PdfStyle::kHeading);
  pdf->Paragraph(CountsText(model.people_by_category, true));
  pdf->Paragraph("Individuals affected, by jurisdiction of residence", PdfStyle::kHeading);
  pdf->Paragraph(CountsText(model.people_by_jurisdiction, false));
  pdf->Paragraph("Timeline", PdfStyle::kHeading);
  pdf->Paragraph(TimelineText(model));
  pdf->Paragraph("Deadlines", PdfStyle::kHeading);
  for (const DeadlineRow& row : model.deadlines) {
    if (row.regime_id != regime.id) continue;
    pdf->Paragraph(row.obligation_id + " (to " + row.to + "): " + row.status + "\n" + row.rule + " (" +
                   row.cite + ")");
  }
}

std::string ElementsDocumentJson(const ReportModel& model, const Regime& regime, const std::string& title,
                                 const std::vector<std::string>& elements) {
  if (elements.empty()) return "";
  nlohmann::json doc = {{"document", title}, {"regime", regime.id}, {"organisation", model.facts.organisation.name},
                        {"recorded_on", FormatIsoDate(model.generated_on)}, {"items", nlohmann::json::array()}};
  for (const ReportItem& item : FillElements(model, elements)) {
    doc["items"].push_back({{"element", item.element}, {"label", item.label},
                            {"value", item.missing ? nlohmann::json() : nlohmann::json(item.value)}});
  }
  return doc.dump(2) + "\n";
}

std::string ElementsDocumentText(const ReportModel& model, const Regime& regime, const std::string& title,
                                 const std::vector<std::string>& elements) {
  if (elements.empty()) return "";
  std::string out = title + ": " + regime.name + "\nOrganisation: " + model.facts.organisation.name +
                    "\nRecorded on: " + FormatIsoDate(model.generated_on) + "\n";
  for (const ReportItem& item : FillElements(model, elements)) {
    out += "\n" + item.label + ":\n  " + (item.missing ? "[MISSING: set it in case.toml]" : item.value) + "\n";
  }
  return out;
}

}  // namespace breachscope
