// FindingStringRefs: each distinct non-PHI text of a run once, every slot
// of every finding pointing at its text.
#include "store/finding_string_refs.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace breachscope {
namespace {

Finding Make(std::string category, std::string label, std::string path = "",
             std::string explanation = "") {
  Finding f;
  f.category = std::move(category);
  f.detector = "det";
  f.explanation = std::move(explanation);
  f.location.label = std::move(label);
  f.location.path = std::move(path);
  return f;
}

// Every slot of every finding reads back its own text.
void ExpectRefsMatch(const std::vector<Finding>& findings,
                     const FindingStringRefs& refs) {
  ASSERT_EQ(refs.findings(), findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const auto slots = FindingStringRefs::SlotsOf(findings[i]);
    for (int s = 0; s < FindingStringRefs::kSlots; ++s) {
      const uint32_t ref = refs.RefsOf(i)[s];
      ASSERT_LT(ref, refs.distinct());
      if (slots[s].empty()) {
        EXPECT_EQ(ref, 0u) << "finding " << i << " slot " << s;
      } else {
        ASSERT_GT(ref, 0u);
        EXPECT_EQ(refs.Text(findings, ref), slots[s])
            << "finding " << i << " slot " << s;
      }
    }
  }
}

TEST(FindingStringRefsTest, EachDistinctTextOnceAndEverySlotResolves) {
  std::vector<Finding> findings = {
      Make("name", "Last Name", "", "label 'Last Name'"),
      Make("date_of_birth", "DOB", "", "label 'DOB'"),
      Make("name", "Last Name", "", "label 'Last Name'"),
      // The same text in another slot is the same distinct text.
      Make("phone", "name", "name"),
      Make("date_of_birth", "DOB", "PID-7", "label 'DOB'")};
  FindingStringRefs refs;
  refs.Build(findings);
  ExpectRefsMatch(findings, refs);
  std::set<std::string> texts;
  for (const Finding& f : findings) {
    for (std::string_view t : FindingStringRefs::SlotsOf(f)) {
      if (!t.empty()) texts.emplace(t);
    }
  }
  EXPECT_EQ(refs.distinct(), texts.size() + 1);  // and the empty string
  EXPECT_EQ(refs.RefsOf(0)[0], refs.RefsOf(2)[0]);
  EXPECT_EQ(refs.RefsOf(3)[3], refs.RefsOf(3)[4]);  // label == path
  EXPECT_EQ(refs.RefsOf(3)[3], refs.RefsOf(0)[0]);  // "name" as category
}

TEST(FindingStringRefsTest, ManyDistinctTextsGrowTheTable) {
  std::vector<Finding> findings;
  for (int i = 0; i < 5000; ++i) {
    findings.push_back(Make("name", "col" + std::to_string(i % 1700),
                            "path" + std::to_string(i)));
  }
  FindingStringRefs refs;
  refs.Build(findings);
  ExpectRefsMatch(findings, refs);
  // name, det, 1700 labels, 5000 paths.
  EXPECT_EQ(refs.distinct(), 1 + 2 + 1700 + 5000u);
}

TEST(FindingStringRefsTest, SurvivesTheFindingsMovingAndRebuilds) {
  std::vector<Finding> findings = {Make("name", "short"), Make("sin", "x")};
  FindingStringRefs refs;
  refs.Build(findings);
  // Moving the vector (as the scan hands it to the writer) keeps the refs
  // valid: they name findings, not addresses.
  std::vector<Finding> moved = std::move(findings);
  ExpectRefsMatch(moved, refs);
  std::vector<Finding> other = {Make("phone", "")};
  refs.Build(other);
  ExpectRefsMatch(other, refs);
  EXPECT_EQ(refs.distinct(), 3u);  // "", phone, det
  refs.Build({});
  EXPECT_EQ(refs.findings(), 0u);
  EXPECT_EQ(refs.distinct(), 1u);
}

}  // namespace
}  // namespace breachscope
