// DetectorEngine: finds personal information in TextUnits.
//
// Detectors are declared as data (detector_registry.cc lists every one):
// triggers for one shared Vectorscan multi-pattern prefilter, support and
// counter words, label hints, whether context is required, and a pure
// validator. The engine runs the prefilter once per unit, hands each candidate
// to its detector's validator, then scores it in one place (scoring.h):
// validation, then context from the unit's label (strong) and nearby words.
// Every finding carries the explanation of its score.
//
// After the pattern detectors, every registered UnitAnalyzer
// (analyzer_registry.cc) looks at the unit, knowing the pattern findings,
// and proposes findings of its own (a labelled name cell, a drug name in
// free text). Overlaps are resolved per family: pattern findings among
// themselves as the README says (one shape, one finding: the digits of
// `3065551234@example.com` are not also a phone); an analyzer's findings
// only against the same analyzer detector id. A pattern finding and an
// analyzer finding never suppress each other (a postal code inside a full
// address keeps both); analyzers avoid re-proposing what a pattern finding
// already covers.
//
// The engine is immutable after Create() and shared by all worker threads;
// each thread owns a Scratch (prefilter scratch space and buffers).
#ifndef BREACHSCOPE_DETECT_DETECTOR_ENGINE_H_
#define BREACHSCOPE_DETECT_DETECTOR_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/status.h"
#include "common/text_unit.h"
#include "detect/prefilter_cache.h"

namespace breachscope {

struct DetectOptions {
  // Findings scored below this are dropped. Lower it to trade precision for
  // recall in a first-pass triage.
  double min_confidence = 0.5;
  // Detector ids to run (as `breachscope detectors list` shows them); empty
  // runs all. Narrowing the set trades coverage for speed, e.g. a first
  // contact-details-only pass, or measuring what the full set costs.
  std::vector<std::string> only_detectors;
  // Directory for compiled prefilter databases kept between runs
  // (prefilter_cache.h), so a start need not recompile every pattern;
  // empty compiles every time. Findings never depend on it.
  std::string cache_dir = DefaultPrefilterCacheDir();
};

// What a detector declares, for `breachscope detectors list` and docs.
struct DetectorInfo {
  std::string id;           // "email", "phone_nanp", "sin", ...
  std::string category;     // DESIGN.md category id it emits by default
  std::string description;  // one line
  // Set by the engine for entries of UnitAnalyzers (label, dictionary and
  // column rules); false for pattern detectors.
  bool analyzer = false;
};

class DetectorEngine {
 public:
  // Per-thread state (prefilter scratch space, buffers). A complete,
  // polymorphic base so callers can own it with std::unique_ptr; the engine
  // subclasses it in its .cc and downcasts in ScanUnit.
  class Scratch {
   public:
    virtual ~Scratch() = default;
    // Starts a run of units that continues no earlier one (AnalyzerScratch::
    // ForgetRecord): a new item, or a batch of units detected apart.
    virtual void ForgetRecord() = 0;

   protected:
    Scratch() = default;
  };

  static Result<std::unique_ptr<const DetectorEngine>> Create(
      const DetectOptions& options);
  ~DetectorEngine();
  DetectorEngine(const DetectorEngine&) = delete;
  DetectorEngine& operator=(const DetectorEngine&) = delete;

  // REQUIRES: used by one thread at a time.
  std::unique_ptr<Scratch> NewScratch() const;

  // Appends the findings of `unit` to `out`, in order of position.
  // Deterministic: the same units since the scratch's last ForgetRecord()
  // always give the same findings. A field unit's findings may depend on
  // earlier fields of its record (RecordState); nothing else carries over.
  void ScanUnit(const TextUnit& unit, Scratch& scratch,
                std::vector<Finding>* out) const;

  // ScanUnit for a table cell whose column was classified (from its header
  // and a sample of its values) as `column_category`, a DESIGN.md id or
  // empty. Pattern detectors see exactly what ScanUnit gives them; only
  // analyzers use the column class (UnitAnalyzer::AnalyzeCell), so a cell of
  // an `HSN` column or of a headerless column of health numbers becomes a
  // finding even when no pattern fires. The class is a separate argument,
  // not a TextUnit field, because only the table sampler knows it.
  void ScanCell(const TextUnit& unit, std::string_view column_category,
                Scratch& scratch, std::vector<Finding>* out) const;

  // The pattern detectors' findings of ScanUnit alone, without running any
  // analyzer: exactly the findings of ScanUnit whose detector is a pattern
  // detector, in the same order. For callers that look only at those (the
  // table sampler's probes of headerless columns).
  void ScanPatterns(const TextUnit& unit, Scratch& scratch,
                    std::vector<Finding>* out) const;

  // Pattern detectors in registry order, then each analyzer's Describe().
  const std::vector<DetectorInfo>& detectors() const;

 private:
  struct Impl;
  explicit DetectorEngine(std::unique_ptr<Impl> impl);
  void Scan(const TextUnit& unit, const std::string_view* column_category,
            bool analyzers, Scratch& scratch, std::vector<Finding>* out) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTOR_ENGINE_H_
