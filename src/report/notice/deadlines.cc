#include "report/notice/deadlines.h"

namespace breachscope {
namespace {

using std::chrono::days;

std::string Days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// HIPAA: fewer than 500 people go to HHS within 60 days after the end of the
// calendar year of discovery.
CalendarDate SixtyDaysAfterYearEnd(CalendarDate anchor) {
  std::chrono::year_month_day ymd{anchor};
  CalendarDate dec31{ymd.year() / std::chrono::December / 31};
  return dec31 + days{60};
}

CalendarDate MarchFirstNextYear(CalendarDate anchor) {
  std::chrono::year_month_day ymd{anchor};
  return CalendarDate{(ymd.year() + std::chrono::years{1}) / std::chrono::March / 1};
}

bool AnyStateAbove(const AffectedCounts& counts, int threshold) {
  for (const auto& [jurisdiction, n] : counts.by_jurisdiction) {
    if (jurisdiction.starts_with("US-") && n >= static_cast<uint64_t>(threshold)) return true;
  }
  return false;
}

// Sets kind and due date from the obligation's rule and the anchor.
void DateObligation(const Obligation& o, CalendarDate anchor, const AffectedCounts& counts,
                    DeadlineRow* row) {
  if (o.keep_months) {
    row->kind = DeadlineKind::kKeep;
    row->due = AddMonths(anchor, *o.keep_months);
  } else if (o.by_march_1_next_year) {
    row->kind = DeadlineKind::kHard;
    row->due = MarchFirstNextYear(anchor);
  } else if (o.within_hours) {
    row->kind = DeadlineKind::kHard;
    // Hours run from the moment of awareness inside the anchor day; the
    // last whole day that is surely in time is the one the hours end on.
    row->due = anchor + days{(*o.within_hours + 23) / 24};
  } else if (o.within_days) {
    row->kind = DeadlineKind::kHard;
    row->due = anchor + days{*o.within_days};
    if (o.id == "notify_hhs" && counts.individuals && *counts.individuals < 500) {
      row->due = SixtyDaysAfterYearEnd(anchor);
    }
  } else if (o.target_days) {
    row->kind = DeadlineKind::kTarget;
    row->due = anchor + days{*o.target_days};
  } else {
    row->kind = DeadlineKind::kAsap;
  }
  if (o.min_residents_per_state && !counts.by_jurisdiction.empty() &&
      !AnyStateAbove(counts, *o.min_residents_per_state)) {
    row->kind = DeadlineKind::kNotApplicable;
    row->due.reset();
  }
}

std::string StatusOf(const DeadlineRow& row, CalendarDate today) {
  if (!row.anchor_date) return "anchor date missing: set incident." + row.anchor_id + " in case.toml";
  if (row.kind == DeadlineKind::kNotApplicable) return "not required: no state above the threshold";
  if (row.kind == DeadlineKind::kKeep) return "keep until " + FormatIsoDate(*row.due);
  const int since = static_cast<int>((today - *row.anchor_date).count());
  if (row.done) {
    const int took = static_cast<int>((*row.done - *row.anchor_date).count());
    if (row.due && *row.done > *row.due) {
      return "done " + FormatIsoDate(*row.done) + ", " + Days(static_cast<int>((*row.done - *row.due).count())) + " late";
    }
    return "done " + FormatIsoDate(*row.done) + ", " + Days(took) + " after " + row.anchor_words;
  }
  if (!row.due) {
    if (since < 0) return "as soon as possible once " + row.anchor_words + " (" + Days(-since) + " from now)";
    return "as soon as possible: " + Days(since) + " since " + row.anchor_words;
  }
  if (row.days_left < 0) return "OVERDUE by " + Days(-row.days_left);
  if (row.days_left == 0) return "due today";
  return Days(row.days_left) + " left";
}

}  // namespace

std::vector<DeadlineRow> ComputeDeadlines(const RegimeBook& book, const CaseFacts& facts,
                                          const AffectedCounts& counts, CalendarDate today) {
  std::vector<DeadlineRow> rows;
  for (const std::string& id : facts.regimes) {
    const Regime* regime = book.Find(id);
    if (!regime) continue;  // ParseCaseFacts refuses unknown ids
    for (const Obligation& o : regime->obligations) {
      DeadlineRow row;
      row.regime_id = regime->id;
      row.regime_name = regime->name;
      row.obligation_id = o.id;
      row.to = o.to;
      row.rule = o.rule;
      row.cite = o.cite;
      row.anchor_id = o.anchor;
      row.anchor_words = book.anchors.at(o.anchor);
      auto anchor = facts.incident.anchors.find(o.anchor);
      if (anchor != facts.incident.anchors.end()) {
        row.anchor_date = anchor->second;
        DateObligation(o, anchor->second, counts, &row);
      }
      auto done = facts.done.find(regime->id + "." + o.id);
      if (done != facts.done.end()) row.done = done->second;
      if (row.due) row.days_left = static_cast<int>((*row.due - today).count());
      row.status = StatusOf(row, today);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace breachscope
