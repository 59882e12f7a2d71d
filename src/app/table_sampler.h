// TableSampler: scans an item's units, classifying each table's columns
// from a sample of its first rows before its cells are scanned.
//
// Units that are not table cells go straight to DetectorEngine::ScanUnit.
// The cells of the first kSampleRows data rows of a table (per item; per
// table name in SQL dumps) are held back, their texts copied into an arena
// (at most kSampleBytes, so memory stays bounded whatever the cell sizes).
// When the sample is complete (a later row, another table, a non-table unit
// or Finish()), each column is classified (fields/column_profile.h) and the
// held cells, then every later cell of the table, go to ScanCell with their
// column's class. Findings come out in document order: nothing after the
// sample is scanned before the sample.
//
// Pattern detectors see every unit exactly as ScanUnit would show it; only
// analyzers use column classes. After each unit's findings come its
// identifier candidates (detect/id_shape.h), when a record number detector
// is enabled. One per item; not thread-safe.
#ifndef BREACHSCOPE_APP_TABLE_SAMPLER_H_
#define BREACHSCOPE_APP_TABLE_SAMPLER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/text_unit.h"
#include "detect/detector_engine.h"

namespace breachscope {

class DetectBatcher;

inline constexpr int64_t kSampleRows = 50;
inline constexpr size_t kSampleBytes = 1 << 20;
inline constexpr int32_t kMaxClassifiedColumns = 1024;
inline constexpr size_t kMaxClassifiedTables = 1024;

class TableSampler {
 public:
  // REQUIRES: all three outlive the sampler.
  TableSampler(const DetectorEngine& engine, DetectorEngine::Scratch& scratch,
               std::vector<Finding>* findings);

  void OnUnit(const TextUnit& unit);
  // Classifies and scans a sample still held, then reads the item's
  // ambiguous day/month dates in the order of their column or document
  // (detect/date_order.h). Call once after the last unit.
  void Finish();
  // Sends every later detection through `batcher` (app/detect_batcher.h),
  // which appends the findings in the same order, possibly later; the
  // caller drains it before reading the findings whole. Not with Finish().
  void DetectVia(DetectBatcher* batcher) { batcher_ = batcher; }
  // Finish() without the date reading, for a caller that has passed the
  // item's findings on in pieces and reads its dates itself.
  void FinishSample() { FlushSample(); }

 private:
  // A held cell: its strings are [offset, size) ranges of arena_.
  struct Held {
    TextUnit unit;  // string_views empty until Rebuild
    size_t text, text_size, label, label_size, path, path_size;
  };
  using Classes = std::vector<std::string_view>;  // by column

  void Hold(const TextUnit& unit);
  TextUnit Rebuild(const Held& held) const;
  void FlushSample();
  Classes Classify();
  const Classes* FindClasses(std::string_view table);
  void ScanClassified(const TextUnit& unit, const Classes& classes);
  // ScanUnit, or ScanCell when `column_category` is given, then the unit's
  // identifier candidates.
  void Detect(const TextUnit& unit, const std::string_view* column_category);

  const DetectorEngine& engine_;
  DetectorEngine::Scratch& scratch_;
  std::vector<Finding>* findings_;
  bool sampling_ = false;
  std::string sample_table_;
  std::vector<Held> held_;
  std::string arena_;
  std::map<std::string, Classes, std::less<>> classes_;
  std::string last_table_;                 // FindClasses' last answer,
  const Classes* last_classes_ = nullptr;  // a node of classes_
  std::vector<Finding> probe_findings_;  // reused
  bool collect_candidates_ = false;
  std::vector<Finding> candidates_;  // reused
  DetectBatcher* batcher_ = nullptr;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_TABLE_SAMPLER_H_
