#include "detect/date_order.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "detect/scoring.h"
#include "detect/validators/dates.h"

namespace breachscope {
namespace {

// A column is (table, column); the document is the key with column -1.
using GroupKey = std::tuple<std::string, int32_t>;

bool IsDateCategory(const std::string& category) {
  return category == "date_of_birth" || category == "service_date";
}

GroupKey KeyOf(const Location& location) {
  if (location.kind == UnitKind::kTableCell && location.column >= 0) {
    return {location.table, location.column};
  }
  return {std::string(), -1};
}

// The day/month reading of a finding's value, kNone when it is not a
// numeric date of a date category.
DayMonth OrderOf(const Finding& f) {
  if (!IsDateCategory(f.category)) return DayMonth::kNone;
  std::optional<ParsedDate> parsed = ParseDate(f.value);
  return parsed ? parsed->day_month : DayMonth::kNone;
}

void Rewrite(Finding* f, bool month_first, bool column) {
  std::optional<ParsedDate> parsed = ParseDate(f->value);
  CivilDate date = parsed->date;  // read day first
  if (month_first) std::swap(date.day, date.month);
  f->normalized = ToIso(date);
  f->confidence = std::min(f->confidence + kConfirmedBoost, kMaxConfidence);
  f->explanation.append(column ? "; the column's other dates read "
                               : "; the document's other dates read ");
  f->explanation.append(month_first ? "month first" : "day first");
}

}  // namespace

bool DateOrderVotes::Count(const Finding& f) {
  DayMonth order = OrderOf(f);
  if (order == DayMonth::kDayFirst) ++votes_[KeyOf(f.location)].day_first;
  if (order == DayMonth::kMonthFirst) ++votes_[KeyOf(f.location)].month_first;
  return order == DayMonth::kAmbiguous;
}

void DateOrderVotes::Resolve(Finding* f) const {
  if (OrderOf(*f) != DayMonth::kAmbiguous) return;
  GroupKey key = KeyOf(f->location);
  auto it = votes_.find(key);
  if (it == votes_.end()) return;
  const Votes& v = it->second;
  if ((v.day_first > 0) == (v.month_first > 0)) return;  // none or both
  Rewrite(f, v.month_first > 0, std::get<1>(key) >= 0);
}

void ResolveDateOrder(std::vector<Finding>* findings) {
  DateOrderVotes votes;
  bool any_ambiguous = false;
  for (const Finding& f : *findings) {
    any_ambiguous = votes.Count(f) || any_ambiguous;
  }
  if (!any_ambiguous) return;
  for (Finding& f : *findings) votes.Resolve(&f);
}

}  // namespace breachscope
