// The medical analyzers answer label questions once per distinct label
// through the engine's UnitCache: what they propose must equal what they
// propose when called directly (no cache, label checked every time), for
// cells of one label in a row and for labels interleaved as in a table.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "detect/medical/labels.h"
#include "detect/medical/medical_analyzers.h"
#include "detect/unit_cache.h"

namespace breachscope {
namespace {

std::string Describe(const std::vector<ProposedFinding>& found) {
  std::string out;
  for (const ProposedFinding& f : found) {
    out += std::to_string(f.start) + "-" + std::to_string(f.end) + " " +
           std::string(f.detector) + " " + std::string(f.category) + " " +
           f.normalized + " " + std::to_string(f.confidence) + " " +
           f.explanation + "\n";
  }
  return out;
}

struct Cell {
  std::string label;
  int32_t column;
  std::string text;
};

TEST(LabelAnswersTest, CachedAnswersGiveTheSameProposals) {
  // Labels repeat per column and columns interleave; the same label also
  // appears under another column and as a field label.
  const std::vector<Cell> cells = {
      {"diagnosis", 0, "asthma"},
      {"medications", 1, "metformin 500 mg BID"},
      {"notes", 2, "PMH: diabetes. Family history: asthma"},
      {"result", 3, "glucose 5.4 mmol/L"},
      {"diagnosis", 0, "type 2 diabetes; no asthma"},
      {"medications", 1, "Lipitor"},
      {"notes", 2, "denies chest pain, on metformin"},
      {"result", 3, "hemoglobin 130 g/L"},
      {"DG1-3", -1, "Essential (primary) hypertension"},
      {"RXE-2", -1, "atorvastatin 20 mg daily"},
      {"OBX-5", -1, "sodium 140 mmol/L"},
      {"NTE-3", -1, "Past medical history: migraine"},
      {"comment", 2, "asthma, metformin 500 mg, glucose 5.4 mmol/L"},
      {"", -1, "History: asthma; taking metformin 500 mg; glucose 5.4"},
      {"diagnosis", 4, "Essential (primary) hypertension"},
  };
  const UnitAnalyzer* analyzers[] = {
      &MedicalConditionAnalyzer(), &MedicalMedicationAnalyzer(),
      &MedicalLabResultAnalyzer(), &MedicalHistoryAnalyzer()};
  UnitCache cache;
  std::vector<std::unique_ptr<AnalyzerScratch>> cached;
  for (const UnitAnalyzer* a : analyzers) {
    cached.push_back(a->NewScratch());
    cached.back()->unit = &cache;
  }
  size_t proposals = 0;
  for (int round = 0; round < 2; ++round) {  // the second from the cache
    for (const Cell& cell : cells) {
      TextUnit unit;
      unit.kind = cell.column >= 0 ? UnitKind::kTableCell : UnitKind::kField;
      unit.label = cell.label;
      unit.column = cell.column;
      unit.text = cell.text;
      cache.Reset(unit);
      for (size_t a = 0; a < std::size(analyzers); ++a) {
        std::vector<ProposedFinding> direct, through_cache;
        analyzers[a]->Analyze(unit, {}, nullptr, &direct);
        analyzers[a]->Analyze(unit, {}, cached[a].get(), &through_cache);
        EXPECT_EQ(Describe(direct), Describe(through_cache))
            << cell.label << ": " << cell.text;
        proposals += direct.size();
      }
    }
  }
  EXPECT_GT(proposals, 20u);  // the cells do give findings to compare
}

TEST(LabelAnswersTest, EachLabelKeepsItsOwnAnswer) {
  UnitCache cache;
  TextUnit unit;
  unit.kind = UnitKind::kTableCell;
  unit.column = 0;
  unit.label = "dx";
  cache.Reset(unit);
  EXPECT_EQ(cache.LabelAnswer(UnitCache::kConditionLabel), -1);
  cache.LabelAnswer(UnitCache::kConditionLabel) = 7;
  EXPECT_EQ(cache.NormalizedLabel(), "dx");
  // Another label in the same column slot, then the first one again.
  unit.label = "Drug Name";
  cache.Reset(unit);
  EXPECT_EQ(cache.LabelAnswer(UnitCache::kConditionLabel), -1);
  EXPECT_EQ(cache.NormalizedLabel(), "drug_name");
  cache.LabelAnswer(UnitCache::kConditionLabel) = 0;
  unit.label = "dx";
  unit.column = 5;
  cache.Reset(unit);
  EXPECT_EQ(cache.LabelAnswer(UnitCache::kConditionLabel), 7);
  EXPECT_EQ(cache.LabelAnswer(UnitCache::kNotesLabel), -1);
}

TEST(LabelAnswersTest, LabelMatchOrdersFieldsBeforeWords) {
  using medical::LabelMatch;
  using medical::LabelMatchReason;
  constexpr std::string_view kFields[] = {"DG1-3", "DG1-4"};
  constexpr std::string_view kWords[] = {"diagnos", "dx"};
  struct Row {
    std::string_view raw, normalized;
    int match;
    std::string_view reason;
  };
  const Row rows[] = {
      {"DG1-4", "dg1_4", 2, "label DG1-4"},
      {"primary_diagnosis_dx", "primary_diagnosis_dx", 3, "label 'diagnos'"},
      {"DX", "dx", 4, "label 'dx'"},
      {"order_id", "order_id", 0, ""},
  };
  for (const Row& row : rows) {
    const int match = LabelMatch(row.raw, row.normalized, kFields, kWords);
    EXPECT_EQ(match, row.match) << row.raw;
    if (match > 0) {
      EXPECT_EQ(LabelMatchReason(match, kFields, kWords), row.reason);
    }
  }
}

}  // namespace
}  // namespace breachscope
