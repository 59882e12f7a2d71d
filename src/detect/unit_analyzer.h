// UnitAnalyzer: a detector that is not a set of prefilter triggers.
//
// Pattern detectors (DetectorSpec) find what has a shape: numbers with
// check digits, dates, e-mail addresses. Some information has no shape of its
// own and is recognised by where it sits or by vocabulary:
//   - a labelled field says what its whole value is (a cell under
//     `last_name`, HL7 PID-5, FHIR `Patient.name.family`, a column `HSN`);
//   - dictionaries of words (given names and surnames, drug names, condition
//     words, lab tests) recognise spans of free text.
// An analyzer looks at one unit and proposes findings; the engine merges
// them with the pattern findings (overlaps are resolved per detector only:
// a postal code inside a full address gives both findings) and turns them
// into Findings. Analyzers are immutable after construction and shared by
// all threads; per-thread state lives in the AnalyzerScratch each creates.
#ifndef BREACHSCOPE_DETECT_UNIT_ANALYZER_H_
#define BREACHSCOPE_DETECT_UNIT_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/text_unit.h"
#include "detect/detector_engine.h"

namespace breachscope {

// A finding proposed by an analyzer, positions relative to unit.text.
struct ProposedFinding {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string_view detector;   // id of the analyzer rule ("name_field", "name_text")
  std::string_view category;   // a DESIGN.md category id
  std::string normalized;
  double confidence = 0.0;
  std::string explanation;     // never contains the value
  Role role = Role::kUnknown;
};

// A finding the pattern detectors already made in this unit, so analyzers
// can avoid proposing the same span again (a labelled phone column).
struct PriorFinding {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string_view category;
};

class UnitCache;

class AnalyzerScratch {
 public:
  virtual ~AnalyzerScratch() = default;
  // Set by the engine to its per-thread cache, reset for every unit before
  // the analyzers run (unit_cache.h); nullptr when an analyzer is called
  // directly, as in unit tests, and then the analyzer derives what it needs
  // itself.
  UnitCache* unit = nullptr;
  // Forgets what was learned from earlier units of the current record (the
  // field analyzer's RecordState: an OBX-3 naming the weight that OBX-5
  // follows, an identifier's system before its value). Called where a run
  // of units starts that does not continue the previous one: a new item, a
  // batch of a shared item (app/detect_pool.h). Without it a thread would
  // carry one item's record into another whose record number is the same.
  virtual void ForgetRecord() {}
};

class UnitAnalyzer {
 public:
  virtual ~UnitAnalyzer() = default;
  // For `breachscope detectors list`: one entry per rule family.
  virtual std::vector<DetectorInfo> Describe() const = 0;
  // Per-thread state; may return nullptr when none is needed.
  virtual std::unique_ptr<AnalyzerScratch> NewScratch() const { return nullptr; }
  // Appends proposals for `unit` to `out`, in any order. Deterministic.
  virtual void Analyze(const TextUnit& unit,
                       std::span<const PriorFinding> prior,
                       AnalyzerScratch* scratch,
                       std::vector<ProposedFinding>* out) const = 0;
  // Like Analyze, for a table cell whose column was classified as
  // `column_category` (a DESIGN.md id, or empty when the column has none)
  // from its header and a sample of its values. Analyzers that do not use
  // column classes need not override it.
  virtual void AnalyzeCell(const TextUnit& unit,
                           std::string_view column_category,
                           std::span<const PriorFinding> prior,
                           AnalyzerScratch* scratch,
                           std::vector<ProposedFinding>* out) const {
    (void)column_category;
    Analyze(unit, prior, scratch, out);
  }
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_UNIT_ANALYZER_H_
