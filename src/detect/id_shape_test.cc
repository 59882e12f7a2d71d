#include "detect/id_shape.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace breachscope {
namespace {

struct ShapeRow {
  std::string token;
  std::string literal;  // empty: not an identifier
  std::string classes;
  bool specific;
};

TEST(IdShapeTest, ShapesAndSpecificity) {
  const std::vector<ShapeRow> rows = {
      {"RVH-0042371", "RVH-9{7}", "A{3}-9{7}", true},
      {"M00123456", "M9{8}", "A{1}9{8}", true},
      {"m00123456", "M9{8}", "A{1}9{8}", true},
      {"24-118873", "9{2}-9{6}", "9{2}-9{6}", true},
      {"AB12-3456", "AB9{2}-9{4}", "A{2}9{2}-9{4}", true},
      {"1234567", "9{7}", "9{7}", false},            // bare number
      {"2024-11-28", "9{4}-9{2}-9{2}", "9{4}-9{2}-9{2}", false},  // date
      {"306-555-1234", "9{3}-9{3}-9{4}", "9{3}-9{3}-9{4}", false},  // phone
      {"555-1234", "9{3}-9{4}", "9{3}-9{4}", false},  // local phone
      {"130-692-544", "9{3}-9{3}-9{3}", "9{3}-9{3}-9{3}", false},  // SIN
      {"S4P3Y2", "S9{1}P9{1}Y9{1}", "A{1}9{1}A{1}9{1}A{1}9{1}", false},
      {"E11.9", "E9{2}.9{1}", "A{1}9{2}.9{1}", false},  // three digits
      {"G43.909", "G9{2}.9{3}", "A{1}9{2}.9{3}", false},  // ICD-10 code
      {"02229080", "9{8}", "9{8}", false},               // DIN
      {"24331-1", "9{5}-9{1}", "9{5}-9{1}", false},      // LOINC code
      {"2024-03-01T10", "9{4}-9{2}-9{2}T9{2}", "9{4}-9{2}-9{2}A{1}9{2}",
       false},                                           // timestamp
      {"AB12", "", "", false},                           // two digits
      {"RVH--0042371", "", "", false},                   // double separator
      {"-0042371", "", "", false},
      {"ABCDEFGHIJKLMNOPQRSTU12345", "", "", false},     // too long
  };
  for (const ShapeRow& row : rows) {
    std::optional<IdShape> shape = ShapeOf(row.token);
    if (row.literal.empty()) {
      EXPECT_FALSE(shape.has_value()) << row.token;
      continue;
    }
    ASSERT_TRUE(shape.has_value()) << row.token;
    EXPECT_EQ(shape->literal, row.literal) << row.token;
    EXPECT_EQ(shape->classes, row.classes) << row.token;
    EXPECT_EQ(IsSpecific(*shape), row.specific) << row.token;
  }
}

std::vector<std::string> Candidates(std::string_view text,
                                    std::string_view label = "",
                                    std::vector<Finding> taken = {}) {
  TextUnit unit;
  unit.text = text;
  unit.label = label;
  unit.offset = 100;
  std::vector<Finding> out;
  CollectIdCandidates(unit, taken, &out);
  std::vector<std::string> values;
  for (const Finding& f : out) {
    EXPECT_EQ(f.category, kIdCandidateCategory);
    EXPECT_EQ(f.location.offset, 100 + text.find(f.value));
    values.push_back(f.value);
  }
  return values;
}

TEST(IdShapeTest, CandidatesInText) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Candidates("Seen today, RVH-0042371. Follow up M00123456"),
            (V{"RVH-0042371", "M00123456"}));
  EXPECT_EQ(Candidates("chart 24-118873 reviewed"), (V{"24-118873"}));
  // Decoys: counter words, e-mail addresses, bare numbers, dates.
  EXPECT_EQ(Candidates("Order RVH-0042371 shipped"), V{});
  EXPECT_EQ(Candidates("Invoice no. M00123456"), V{});
  EXPECT_EQ(Candidates("write to rvh0042371@example.com"), V{});
  EXPECT_EQ(Candidates("call 1234567 on 2024-11-28"), V{});
  EXPECT_EQ(Candidates("M00123456", "Order Number"), V{});
  EXPECT_EQ(Candidates("M00123456", "ref"), V{});
  EXPECT_EQ(Candidates("M00123456", "Identifier"), V{"M00123456"});
}

TEST(IdShapeTest, MachineFieldsHoldNoCandidates) {
  using V = std::vector<std::string>;
  auto field = [](std::string_view text, std::string_view label) {
    TextUnit unit;
    unit.kind = UnitKind::kField;
    unit.text = text;
    unit.label = label;
    std::vector<Finding> out;
    CollectIdCandidates(unit, {}, &out);
    V values;
    for (const Finding& f : out) values.push_back(f.value);
    return values;
  };
  EXPECT_EQ(field("MSG20240400001", "MSH-10"), V{});
  EXPECT_EQ(field("ORD-0042371", "obr-2"), V{});
  EXPECT_EQ(field("enc-700084-0", "entry.resource.id"), V{});
  EXPECT_EQ(field("RVH-0042371", "PID-2"), V{"RVH-0042371"});
  EXPECT_EQ(field("RVH-0042371", "NTE-3"), V{"RVH-0042371"});
  EXPECT_EQ(field("RVH-0042371", "entry.resource.note.text"),
            V{"RVH-0042371"});
}

TEST(IdShapeTest, TakenTokensAreNotCandidates) {
  Finding taken;
  taken.value = "M00123456";
  taken.location.offset = 100 + 4;
  EXPECT_TRUE(Candidates("MRN M00123456 and RVH-0042371", "", {taken}) ==
              std::vector<std::string>{"RVH-0042371"});
}

}  // namespace
}  // namespace breachscope
