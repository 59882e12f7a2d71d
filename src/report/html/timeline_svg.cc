#include "report/html/timeline_svg.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

#include "report/html/html_escape.h"

namespace breachscope {
namespace {

using std::chrono::days;

constexpr int kLabelWidth = 300;  // row labels left of the axis
constexpr int kAxisLeft = kLabelWidth + 10;
constexpr int kAxisRight = 900;
constexpr int kWidth = 1000;      // room right of the axis for keep-until arrows
constexpr int kTop = 30;          // month labels above the first row
constexpr int kRowHeight = 20;

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string Num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

// Maps dates to x between kAxisLeft and kAxisRight.
struct Axis {
  CalendarDate first, last;

  double X(CalendarDate date) const {
    const double span = static_cast<double>((last - first).count());
    const double at = static_cast<double>((date - first).count());
    return kAxisLeft + (kAxisRight - kAxisLeft) * std::clamp(at / span, 0.0, 1.0);
  }
};

// The dates that set the axis: anchors, due and done dates, today. Keep-until
// dates are left out on purpose (see the header).
Axis MakeAxis(const ReportModel& model) {
  std::vector<CalendarDate> dates = {model.generated_on};
  for (const auto& [id, date] : model.facts.incident.anchors) dates.push_back(date);
  for (const DeadlineRow& row : model.deadlines) {
    if (row.anchor_date) dates.push_back(*row.anchor_date);
    if (row.done) dates.push_back(*row.done);
    if (row.due && row.kind != DeadlineKind::kKeep) dates.push_back(*row.due);
  }
  auto [lo, hi] = std::minmax_element(dates.begin(), dates.end());
  // A margin either side so markers at the ends are not cut in half.
  const days pad{std::max<int>(3, static_cast<int>((*hi - *lo).count()) / 30)};
  return Axis{*lo - pad, *hi + pad};
}

std::string AnchorWords(const ReportModel& model, const std::string& id) {
  if (model.book != nullptr) {
    auto it = model.book->anchors.find(id);
    if (it != model.book->anchors.end()) return it->second;
  }
  return id;
}

// "notify_individuals" -> "notify individuals".
std::string Words(std::string_view id) {
  std::string out(id);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

// "sk_hipa" -> "SK HIPA": regime names are sentences too long for a row
// label; the table under the chart gives them in full.
std::string ShortRegime(std::string_view id) {
  std::string out = Words(id);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

void AppendMonthTicks(const Axis& axis, int height, std::string* out) {
  std::chrono::year_month_day ymd{axis.first};
  std::chrono::year_month month = ymd.year() / ymd.month();
  const int span_months = static_cast<int>((axis.last - axis.first).count()) / 30 + 1;
  const int step = std::max(1, (span_months + 9) / 10);  // about ten ticks at most
  for (month += std::chrono::months{1}; CalendarDate{month / 1} <= axis.last;
       month += std::chrono::months{step}) {
    const std::string x = Num(axis.X(CalendarDate{month / 1}));
    *out += "<line class=\"tick\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" +
            std::to_string(kTop - 6) + "\" y2=\"" + std::to_string(height) + "\"/>";
    *out += "<text class=\"tick-label\" x=\"" + x + "\" y=\"" + std::to_string(kTop - 10) +
            "\">" + kMonths[static_cast<unsigned>(month.month()) - 1] + " " +
            std::to_string(static_cast<int>(month.year())) + "</text>";
  }
}

void AppendRowLabel(int y, std::string_view text, std::string* out) {
  *out += "<text class=\"row-label\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
          std::to_string(y + 4) + "\">";
  AppendEscaped(text, out);
  *out += "</text>";
}

void AppendAnchorRow(const Axis& axis, int y, const std::string& words, CalendarDate date,
                     std::string* out) {
  *out += "<g class=\"tl-anchor\">";
  AppendRowLabel(y, words, out);
  const double x = axis.X(date);
  *out += "<path class=\"anchor-mark\" d=\"M" + Num(x) + " " + std::to_string(y - 6) + " l6 6 l-6 6 l-6 -6 z\"><title>";
  AppendEscaped(words, out);
  *out += ": " + FormatIsoDate(date) + "</title></path></g>";
}

void AppendDueMark(const Axis& axis, int y, const DeadlineRow& row, std::string* out) {
  if (row.kind == DeadlineKind::kKeep) {
    // Off the axis: an arrow at its right end, with the date in words.
    *out += "<text class=\"keep-until\" x=\"" + std::to_string(kAxisRight + 4) + "\" y=\"" +
            std::to_string(y + 4) + "\">&#8594; " + FormatIsoDate(*row.due) + "</text>";
    return;
  }
  const std::string x = Num(axis.X(*row.due));
  *out += "<circle class=\"due-mark\" cx=\"" + x + "\" cy=\"" + std::to_string(y) +
          "\" r=\"6\"><title>due " + FormatIsoDate(*row.due) + ": ";
  AppendEscaped(row.status, out);
  *out += "</title></circle>";
}

void AppendDeadlineRow(const Axis& axis, int y, const DeadlineRow& row, CalendarDate today,
                       std::string* out) {
  const std::string_view state = DeadlineState(row);
  *out += "<g class=\"tl-deadline state-" + std::string(state) + "\" data-state=\"" +
          std::string(state) + "\">";
  AppendRowLabel(y, ShortRegime(row.regime_id) + ": " + Words(row.obligation_id), out);
  const std::string ys = std::to_string(y);
  if (row.anchor_date && row.due && row.kind != DeadlineKind::kKeep) {
    *out += "<line class=\"window\" x1=\"" + Num(axis.X(*row.anchor_date)) + "\" x2=\"" +
            Num(axis.X(*row.due)) + "\" y1=\"" + ys + "\" y2=\"" + ys + "\"/>";
  }
  if (row.anchor_date && !row.due && row.kind == DeadlineKind::kAsap) {
    // "As soon as possible": the clock runs from the anchor until done (or today).
    const CalendarDate until = row.done ? *row.done : today;
    *out += "<line class=\"window asap\" x1=\"" + Num(axis.X(*row.anchor_date)) + "\" x2=\"" +
            Num(axis.X(until)) + "\" y1=\"" + ys + "\" y2=\"" + ys + "\"/>";
  }
  if (row.due) AppendDueMark(axis, y, row, out);
  if (row.done) {
    const double x = axis.X(*row.done);
    *out += "<path class=\"done-mark\" d=\"M" + Num(x - 5) + " " + ys + " l4 5 l7 -10\"><title>done " +
            FormatIsoDate(*row.done) + "</title></path>";
  }
  *out += "</g>";
}

void AppendToday(const Axis& axis, CalendarDate today, int height, std::string* out) {
  const std::string x = Num(axis.X(today));
  *out += "<line class=\"today\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" +
          std::to_string(kTop - 6) + "\" y2=\"" + std::to_string(height) + "\"/>";
  *out += "<text class=\"today-label\" x=\"" + x + "\" y=\"" + std::to_string(height - 2) +
          "\">today " + FormatIsoDate(today) + "</text>";
}

// Anchor dates in date order (ties by id), the order they happened in.
std::vector<std::pair<std::string, CalendarDate>> AnchorsByDate(const ReportModel& model) {
  std::vector<std::pair<std::string, CalendarDate>> anchors(
      model.facts.incident.anchors.begin(), model.facts.incident.anchors.end());
  std::stable_sort(anchors.begin(), anchors.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
  return anchors;
}

void AppendCell(std::string_view text, std::string* out) {
  *out += "<td>";
  AppendEscaped(text, out);
  *out += "</td>";
}

std::string DateOrDash(const std::optional<CalendarDate>& date) {
  return date ? FormatIsoDate(*date) : "—";
}

}  // namespace

std::string_view DeadlineState(const DeadlineRow& row) {
  if (!row.anchor_date) return "missing";
  if (row.kind == DeadlineKind::kNotApplicable) return "na";
  if (row.kind == DeadlineKind::kKeep) return "keep";
  if (row.done) return row.due && *row.done > *row.due ? "late" : "done";
  if (!row.due) return "asap";
  return row.days_left < 0 ? "overdue" : "due";
}

std::string RenderTimeline(const ReportModel& model) {
  std::string out = "<figure class=\"chart\" id=\"chart-timeline\"><figcaption>Incident timeline and deadlines</figcaption>";
  const auto anchors = AnchorsByDate(model);
  if (anchors.empty() && model.deadlines.empty()) {
    return out + "<p class=\"empty\">No anchor dates or deadlines in the case facts.</p></figure>\n";
  }
  const Axis axis = MakeAxis(model);
  const int rows = static_cast<int>(anchors.size() + model.deadlines.size());
  const int height = kTop + rows * kRowHeight + 16;
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Incident timeline\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"" +
         std::to_string(kWidth) + "\" height=\"" + std::to_string(height) + "\">";
  AppendMonthTicks(axis, height - 14, &out);
  int y = kTop + kRowHeight / 2;
  for (const auto& [id, date] : anchors) {
    AppendAnchorRow(axis, y, AnchorWords(model, id) + " (" + FormatIsoDate(date) + ")", date, &out);
    y += kRowHeight;
  }
  for (const DeadlineRow& row : model.deadlines) {
    AppendDeadlineRow(axis, y, row, model.generated_on, &out);
    y += kRowHeight;
  }
  AppendToday(axis, model.generated_on, height, &out);
  out += "</svg><ul class=\"legend\"><li><span class=\"swatch state-done\"></span>done in time</li>"
         "<li><span class=\"swatch state-late\"></span>done late</li>"
         "<li><span class=\"swatch state-overdue\"></span>overdue</li>"
         "<li><span class=\"swatch state-due\"></span>due</li>"
         "<li>dashed: as soon as possible, clock running</li></ul></figure>\n";
  return out;
}

std::string RenderDeadlineTable(const ReportModel& model) {
  if (model.deadlines.empty()) return "<p class=\"empty\">No regime applies in the case facts.</p>\n";
  std::string out =
      "<table class=\"deadlines\" id=\"deadlines\"><thead><tr><th>Regime</th><th>Obligation</th>"
      "<th>To</th><th>From</th><th>Due</th><th>Done</th><th>Status</th><th>Rule</th></tr></thead><tbody>";
  for (const DeadlineRow& row : model.deadlines) {
    out += "<tr class=\"state-" + std::string(DeadlineState(row)) + "\">";
    AppendCell(row.regime_name, &out);
    AppendCell(Words(row.obligation_id), &out);
    AppendCell(row.to, &out);
    AppendCell(row.anchor_words + (row.anchor_date ? " " + FormatIsoDate(*row.anchor_date) : ""), &out);
    AppendCell(DateOrDash(row.due), &out);
    AppendCell(DateOrDash(row.done), &out);
    AppendCell(row.status, &out);
    out += "<td>";
    AppendEscaped(row.rule, &out);
    if (!row.cite.empty()) {
      out += " <cite>";
      AppendEscaped(row.cite, &out);
      out += "</cite>";
    }
    out += "</td></tr>";
  }
  return out + "</tbody></table>\n";
}

}  // namespace breachscope
