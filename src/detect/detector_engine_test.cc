#include "detect/detector_engine.h"

#include <gtest/gtest.h>

#include "detect/detector_registry.h"

#include <string>
#include <vector>

namespace breachscope {
namespace {

std::unique_ptr<const DetectorEngine> MakeEngine(DetectOptions options = {}) {
  auto engine = DetectorEngine::Create(options);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine).value() : nullptr;
}

TextUnit Unit(UnitKind kind, std::string_view text, std::string_view label) {
  TextUnit unit;
  unit.kind = kind;
  unit.text = text;
  unit.label = label;
  return unit;
}

std::vector<Finding> Scan(const DetectorEngine& engine, const TextUnit& unit) {
  auto scratch = engine.NewScratch();
  std::vector<Finding> out;
  engine.ScanUnit(unit, *scratch, &out);
  return out;
}

bool IsPattern(const DetectorEngine& engine, std::string_view id) {
  for (const DetectorInfo& info : engine.detectors()) {
    if (info.id == id) return !info.analyzer;
  }
  return false;
}

class DetectorEngineTest : public ::testing::Test {
 protected:
  std::unique_ptr<const DetectorEngine> engine_ = MakeEngine();
};

TEST_F(DetectorEngineTest, ListsDetectors) {
  std::vector<std::string> ids;
  for (const DetectorInfo& info : engine_->detectors()) {
    ids.push_back(info.id);
    EXPECT_FALSE(info.description.empty());
  }
  // Pattern detectors first, in registry order; analyzers' entries follow.
  ASSERT_GE(ids.size(), 6u);
  EXPECT_EQ(std::vector<std::string>(ids.begin(), ids.begin() + 6),
            (std::vector<std::string>{"email", "phone_nanp", "phone_intl",
                                      "date", "postal_code_ca", "sin"}));
}

struct LabelCase {
  UnitKind kind;
  const char* label;
  const char* category;  // nullptr: no finding
};

TEST_F(DetectorEngineTest, DateLabelsFromEveryFormat) {
  const LabelCase cases[] = {
      {UnitKind::kTableCell, "DOB", "date_of_birth"},
      {UnitKind::kTableCell, "Date of Birth", "date_of_birth"},
      {UnitKind::kTableCell, "patient_dob", "date_of_birth"},
      {UnitKind::kTableCell, "Admission Date", "service_date"},
      {UnitKind::kTableCell, "Date", nullptr},
      {UnitKind::kTableCell, "", nullptr},
      {UnitKind::kField, "PID-7", "date_of_birth"},
      {UnitKind::kField, "pid-7", "date_of_birth"},
      {UnitKind::kField, "OBR-7", "service_date"},
      {UnitKind::kField, "PID-29", nullptr},
      {UnitKind::kField, "entry.resource.birthDate", "date_of_birth"},
      {UnitKind::kField, "entry.resource.effectiveDateTime", nullptr},
      {UnitKind::kField, "birth.resource.date", nullptr},
      {UnitKind::kField, "/Patient/birthDate/@value", "date_of_birth"},
  };
  for (const LabelCase& c : cases) {
    std::vector<Finding> found =
        Scan(*engine_, Unit(c.kind, "1975-03-14", c.label));
    if (c.category == nullptr) {
      EXPECT_TRUE(found.empty()) << c.label;
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << c.label;
    EXPECT_EQ(found[0].category, c.category) << c.label;
    EXPECT_EQ(found[0].normalized, "1975-03-14");
    EXPECT_EQ(found[0].location.label, c.label);
  }
}

TEST_F(DetectorEngineTest, FreeTextFindingsInPositionalOrder) {
  std::string_view text =
      "Patient born 14 mars 1975, SIN 130 692 544, tel (306) 555-1234, "
      "mail JANE@Example.com; seen 2021-06-01 at S4P 3Y2.";
  TextUnit unit = Unit(UnitKind::kText, text, "");
  unit.offset = 1000;
  std::vector<Finding> found = Scan(*engine_, unit);
  std::vector<std::string> got;
  for (const Finding& f : found) {
    if (!IsPattern(*engine_, f.detector)) continue;  // analyzers' extras
    got.push_back(f.detector + " " + f.category + " " + f.normalized);
    EXPECT_EQ(text.substr(f.location.offset - 1000, f.value.size()), f.value);
    EXPECT_EQ(f.explanation.find(f.value), std::string::npos);
    EXPECT_GE(f.confidence, 0.5);
    EXPECT_LE(f.confidence, 1.0);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "date date_of_birth 1975-03-14",
                     "sin sin 130692544",
                     "phone_nanp phone +13065551234",
                     "email email jane@example.com",
                     "date service_date 2021-06-01",
                     "postal_code_ca address S4P 3Y2",
                 }));
}

TEST_F(DetectorEngineTest, ExplanationRecordsEachStep) {
  std::vector<Finding> found =
      Scan(*engine_, Unit(UnitKind::kTableCell, "(306) 555-1234", "Phone"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].explanation,
            "trigger phone_formatted 0.70; valid NANP +0.05; label 'phone' "
            "+0.20 => 0.95");
  EXPECT_EQ(found[0].value, "(306) 555-1234");
  EXPECT_EQ(found[0].detector, "phone_nanp");
}

TEST_F(DetectorEngineTest, LongerFindingWinsOverlaps) {
  // The digits inside the address are phone-shaped with phone context.
  std::vector<Finding> found = Scan(
      *engine_, Unit(UnitKind::kText, "contact 3065551234@example.com", ""));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].detector, "email");
}

TEST_F(DetectorEngineTest, MinConfidenceDrops) {
  auto strict = MakeEngine({.min_confidence = 0.9});
  TextUnit unit = Unit(UnitKind::kText, "tel 306-555-1234 x", "");
  EXPECT_EQ(Scan(*engine_, unit).size(), 1u);
  EXPECT_TRUE(Scan(*strict, unit).empty());
}

// A long unit (a log block) where context words stand by a few numbers
// only: those are found, the bare numbers and timestamps far from any word
// are not; and under a lower min_confidence a bare record number (0.42)
// counts on its own again, so it must still be located.
TEST_F(DetectorEngineTest, LongUnitFindsNumbersNearTheirWordsOnly) {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "2024-03-0" + std::to_string(1 + i % 9) +
            "T09:34:34.313Z INFO worker-7 request_id=1b755207b8318bb" +
            std::to_string(i % 10) + " took 737ms ref 55512" +
            std::to_string(10 + i) + "\n";
  }
  const size_t near_at = text.size();
  text += "patient MRN 4401937, SIN 193-456-787 on file\n";
  for (int i = 0; i < 10; ++i) {
    text += "2024-04-11T10:00:00.000Z DEBUG worker-3 took 12ms\n";
  }
  TextUnit unit = Unit(UnitKind::kText, text, "");
  std::vector<std::string> found;
  for (const Finding& f : Scan(*engine_, unit)) {
    if (!IsPattern(*engine_, f.detector)) continue;
    found.push_back(f.detector + ":" + f.value);
    EXPECT_GE(f.location.offset, near_at) << f.value;
  }
  EXPECT_EQ(found, (std::vector<std::string>{"medical_record_number:4401937",
                                             "sin:193-456-787"}));
  auto lenient = MakeEngine({.min_confidence = 0.4});
  size_t bare = 0;
  for (const Finding& f : Scan(*lenient, unit)) {
    bare += f.detector == "medical_record_number" && f.location.offset < near_at;
  }
  EXPECT_EQ(bare, 40u);  // "ref 5551210" .. "ref 5551249"
}

TEST_F(DetectorEngineTest, DeterministicAndScratchReusable) {
  std::string_view text =
      "DOB 02/03/1980 phone 306 555 1234 SIN 193-456-787 k1a0b1";
  TextUnit unit = Unit(UnitKind::kTableCell, text, "Notes");
  auto scratch = engine_->NewScratch();
  std::vector<Finding> first;
  engine_->ScanUnit(unit, *scratch, &first);
  ASSERT_GE(first.size(), 3u);  // three patterns, plus analyzers' notes
  for (int i = 0; i < 50; ++i) {
    std::vector<Finding> again;
    engine_->ScanUnit(Unit(UnitKind::kText, "nothing here", "x"), *scratch,
                      &again);
    engine_->ScanUnit(unit, *scratch, &again);
    ASSERT_EQ(again.size(), first.size());
    for (size_t j = 0; j < first.size(); ++j) {
      EXPECT_EQ(again[j].normalized, first[j].normalized);
      EXPECT_EQ(again[j].explanation, first[j].explanation);
      EXPECT_EQ(again[j].location.offset, first[j].location.offset);
    }
  }
}

TEST_F(DetectorEngineTest, EmptyShortAndBinaryUnits) {
  EXPECT_TRUE(Scan(*engine_, Unit(UnitKind::kText, "", "DOB")).empty());
  EXPECT_TRUE(Scan(*engine_, Unit(UnitKind::kText, "a@b", "")).empty());
  std::string binary(4096, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = char(i * 37);
  Scan(*engine_, Unit(UnitKind::kText, binary, "PID-7"));  // must not crash
}

TEST_F(DetectorEngineTest, AppendsToExistingFindings) {
  std::vector<Finding> out(1);
  auto scratch = engine_->NewScratch();
  engine_->ScanUnit(Unit(UnitKind::kText, "a@b.ca", ""), *scratch, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].normalized, "a@b.ca");
}

// Every field of two findings, for exact comparisons.
std::string Show(const Finding& f) {
  return f.detector + "|" + f.category + "|" + f.value + "|" + f.normalized +
         "|" + std::to_string(f.confidence) + "|" + f.explanation + "|" +
         std::to_string(f.location.offset) + "|" + f.location.label;
}

TEST_F(DetectorEngineTest, ScanPatternsGivesScanUnitsPatternFindings) {
  std::vector<TextUnit> units;
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    for (const DetectorExample& e : spec->examples) {
      units.push_back(Unit(e.kind, e.text, e.label));
    }
  }
  // A cell an analyzer also reads (a name) beside pattern findings.
  units.push_back(Unit(UnitKind::kText,
                       "Jane Tremblay, DOB 1975-03-14, tel 306-555-1234, "
                       "lives at 12 Main St, Regina SK S4P 3Y2",
                       ""));
  auto scratch = engine_->NewScratch();
  size_t patterns = 0, dropped = 0;
  for (const TextUnit& unit : units) {
    std::vector<Finding> all, only;
    engine_->ScanUnit(unit, *scratch, &all);
    engine_->ScanPatterns(unit, *scratch, &only);
    std::vector<std::string> want, got;
    for (const Finding& f : all) {
      if (IsPattern(*engine_, f.detector)) {
        want.push_back(Show(f));
      } else {
        ++dropped;
      }
    }
    for (const Finding& f : only) got.push_back(Show(f));
    ASSERT_EQ(got, want) << unit.text;
    patterns += want.size();
  }
  EXPECT_GT(patterns, 50u);  // the units do exercise the detectors
  EXPECT_GT(dropped, 0u);    // and analyzers, whose findings are left out
}

}  // namespace
}  // namespace breachscope
