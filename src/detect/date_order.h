// Day/month order of numeric dates, decided per table column and per
// document rather than per value.
//
// On its own, `03/04/1980` is read day first (Canadian usage) with lower
// confidence. But a column or a document is written one way: one value
// such as `25/03/1980` (day first) or `03/25/1980` (month first) among its
// dates decides how its ambiguous ones read. ResolveDateOrder applies that
// to one item's findings once the whole item is scanned:
//   - table cells are grouped by table and column;
//   - every other finding of the item (free text, structured fields) forms
//     one group, the document.
// A group whose unambiguous dates all agree decides; a group with both
// orders, or with none, leaves its ambiguous dates as they were. Only
// findings of the date categories whose whole value is a numeric date take
// part. The result depends only on the item's findings, never on threads.
#ifndef BREACHSCOPE_DETECT_DATE_ORDER_H_
#define BREACHSCOPE_DETECT_DATE_ORDER_H_

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "common/finding.h"

namespace breachscope {

// Rewrites, in place, the ambiguous numeric dates of one item's findings
// whose group decides: normalized (ISO) read in the group's order,
// confidence raised as for a confirmed date, the reason added to the
// explanation. Order and number of findings are unchanged.
void ResolveDateOrder(std::vector<Finding>* findings);

// The same reading for an item whose findings pass in pieces (a huge table
// written in chunks): Count() every finding of the item, in any order, and
// keep back those it reports ambiguous; once all are counted, Resolve() each
// kept one. The result equals ResolveDateOrder on the whole item.
class DateOrderVotes {
 public:
  // Counts `f`'s vote; true when `f` is an ambiguous numeric date, whose
  // reading waits for the whole item.
  bool Count(const Finding& f);
  // Rewrites ambiguous `f` as ResolveDateOrder would, given every vote.
  void Resolve(Finding* f) const;

 private:
  struct Votes {
    int day_first = 0;
    int month_first = 0;
  };
  // (table, column); the document is ("", -1).
  std::map<std::tuple<std::string, int32_t>, Votes> votes_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DATE_ORDER_H_
