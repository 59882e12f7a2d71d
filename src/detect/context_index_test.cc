#include "detect/context_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detect/detector_registry.h"

namespace breachscope {
namespace {

// True when some context set matches.
bool AnyMatch(const LabelMatches& matches) {
  for (std::string_view m : matches) {
    if (!m.empty()) return true;
  }
  return false;
}

// The per-column memo must answer exactly as MatchLabel does, whether a
// column keeps its label, changes it, or the same label moves columns.
TEST(LabelCacheTest, ColumnMemoAnswersAsMatchLabel) {
  ContextIndex index(RegisteredDetectors());
  LabelCache cache;
  const std::vector<std::string> labels = {"SIN", "Phone", "DOB", "notes",
                                           "", "Health Card", "sin"};
  ASSERT_TRUE(AnyMatch(index.MatchLabel("SIN", UnitKind::kTableCell)));
  ASSERT_FALSE(AnyMatch(index.MatchLabel("notes", UnitKind::kTableCell)));
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < labels.size(); ++i) {
      // Column i holds labels[i], then labels[i + round] as if the header
      // changed (a new table in the same item).
      const std::string& label = labels[(i + round) % labels.size()];
      const int32_t column = static_cast<int32_t>(i);
      for (UnitKind kind : {UnitKind::kTableCell, UnitKind::kField}) {
        EXPECT_EQ(cache.Get(index, label, kind, column),
                  index.MatchLabel(label, kind))
            << label << " column " << column;
        // Asked again (the next candidate of the cell), and without a column.
        EXPECT_EQ(cache.Get(index, label, kind, column),
                  index.MatchLabel(label, kind));
        EXPECT_EQ(cache.Get(index, label, kind), index.MatchLabel(label, kind));
      }
    }
  }
}

// Past its bound the cache starts over; answers stay right, including for
// columns remembered before the reset.
TEST(LabelCacheTest, StaysRightPastItsBound) {
  ContextIndex index(RegisteredDetectors());
  LabelCache cache;
  const LabelMatches sin = index.MatchLabel("SIN", UnitKind::kTableCell);
  EXPECT_EQ(cache.Get(index, "SIN", UnitKind::kTableCell, 0), sin);
  for (int i = 0; i < 5000; ++i) {
    std::string label = "col" + std::to_string(i);
    EXPECT_EQ(cache.Get(index, label, UnitKind::kTableCell, 1 + i % 7),
              index.MatchLabel(label, UnitKind::kTableCell));
  }
  EXPECT_EQ(cache.Get(index, "SIN", UnitKind::kTableCell, 0), sin);
  EXPECT_EQ(cache.Get(index, "Phone", UnitKind::kTableCell, 3),
            index.MatchLabel("Phone", UnitKind::kTableCell));
}

// Fields have no column: their labels share hashed memo slots, so labels
// that collide must still get their own answers.
TEST(LabelCacheTest, FieldLabelsSharingSlots) {
  ContextIndex index(RegisteredDetectors());
  LabelCache cache;
  std::vector<std::string> labels = {"PID-19", "PID-13", "NK1-5", "PID-7",
                                     "entry.resource.telecom.value",
                                     "entry.resource.birthDate"};
  for (int i = 0; i < 600; ++i) labels.push_back("OBX-" + std::to_string(i));
  for (int round = 0; round < 3; ++round) {
    for (const std::string& label : labels) {
      ASSERT_EQ(cache.Get(index, label, UnitKind::kField),
                index.MatchLabel(label, UnitKind::kField))
          << label;
    }
  }
  EXPECT_TRUE(AnyMatch(cache.Get(index, "PID-13", UnitKind::kField)));
}

}  // namespace
}  // namespace breachscope
