// Text and JSON renderings of the deadline rows.
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/notice/deadlines.h"

namespace breachscope {
namespace {

std::string KindName(DeadlineKind kind) {
  switch (kind) {
    case DeadlineKind::kHard: return "deadline";
    case DeadlineKind::kTarget: return "target";
    case DeadlineKind::kAsap: return "asap";
    case DeadlineKind::kKeep: return "keep_until";
    case DeadlineKind::kNotApplicable: return "not_applicable";
  }
  return "asap";
}

std::string OptionalDate(const std::optional<CalendarDate>& date) {
  return date ? FormatIsoDate(*date) : "-";
}

}  // namespace

std::string RenderDeadlinesText(const std::vector<DeadlineRow>& rows, CalendarDate today) {
  std::ostringstream out;
  out << "Deadlines as of " << FormatIsoDate(today) << "\n";
  std::string regime;
  for (const DeadlineRow& row : rows) {
    if (row.regime_id != regime) {
      regime = row.regime_id;
      out << "\n" << row.regime_name << " [" << row.regime_id << "]\n";
    }
    out << "  " << row.obligation_id << " (to " << row.to << ")\n"
        << "    from:   " << row.anchor_words << " " << OptionalDate(row.anchor_date) << "\n";
    if (row.due) out << "    " << (row.kind == DeadlineKind::kKeep ? "until:  " : KindName(row.kind) == "target" ? "target: " : "due:    ") << FormatIsoDate(*row.due) << "\n";
    out << "    status: " << row.status << "\n"
        << "    rule:   " << row.rule << " (" << row.cite << ")\n";
  }
  if (rows.empty()) out << "\nNo regime applies: list them under [regimes] apply in case.toml.\n";
  return out.str();
}

std::string RenderDeadlinesJson(const std::vector<DeadlineRow>& rows, CalendarDate today) {
  nlohmann::json doc;
  doc["as_of"] = FormatIsoDate(today);
  doc["obligations"] = nlohmann::json::array();
  for (const DeadlineRow& row : rows) {
    nlohmann::json o = {{"regime", row.regime_id},
                        {"obligation", row.obligation_id},
                        {"to", row.to},
                        {"anchor", row.anchor_id},
                        {"anchor_date", row.anchor_date ? nlohmann::json(FormatIsoDate(*row.anchor_date)) : nlohmann::json()},
                        {"kind", KindName(row.kind)},
                        {"due", row.due ? nlohmann::json(FormatIsoDate(*row.due)) : nlohmann::json()},
                        {"done", row.done ? nlohmann::json(FormatIsoDate(*row.done)) : nlohmann::json()},
                        {"days_left", row.due && !row.done ? nlohmann::json(row.days_left) : nlohmann::json()},
                        {"status", row.status},
                        {"rule", row.rule},
                        {"cite", row.cite}};
    doc["obligations"].push_back(std::move(o));
  }
  return doc.dump(2) + "\n";
}

}  // namespace breachscope
