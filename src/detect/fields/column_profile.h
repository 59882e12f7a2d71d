// Column classification: what a table column holds, decided once from its
// header and a sample of its first rows, then used as the class of every
// cell below (DetectorEngine::ScanCell).
//
// Rules, first that applies (contract/fields.md):
//   1. the header's strong field rule (LabelCategory): `HSN` -> health
//      number;
//   1w. a category the header's weak words suggest (WeakLabelCategories:
//      `Reason` -> diagnosis) when >= 50% of the non-empty sampled values
//      got a finding of it that covers at least half of the cell: under a
//      weak label the field analyzer proposes only values that confirm it
//      (value_evidence.h), so a billing `Reason` of "refund", "promo" is
//      no diagnosis column, an appointment's `Reason` of conditions is;
//   2. a category that >= 80% of the non-empty sampled values got from the
//      engine, counting only findings that cover at least half of the cell;
//   3. headerless columns only: a category that >= 80% of the values get
//      when probed as if labelled with it (ProbeLabels: date of birth,
//      health card number, SIN), pattern detectors only; dates of birth
//      also need sampled years at least 15 apart (service dates cluster).
// At least kMinSampleValues values are needed for rules 1w, 2 and 3.
// Pure and thread-safe.
#ifndef BREACHSCOPE_DETECT_FIELDS_COLUMN_PROFILE_H_
#define BREACHSCOPE_DETECT_FIELDS_COLUMN_PROFILE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace breachscope {

inline constexpr double kColumnShare = 0.8;
// Lower than kColumnShare: the header already suggests the category, and a
// column of conditions or names has values no dictionary knows.
inline constexpr double kWeakLabelShare = 0.5;
inline constexpr uint32_t kMinSampleValues = 3;
inline constexpr int kMinBirthYearSpread = 15;

// A label to probe headerless values with, and the category it tests.
struct ProbeLabel {
  std::string_view label;
  std::string_view category;
};
std::span<const ProbeLabel> ProbeLabels();

// What the sample showed about one column.
struct ColumnEvidence {
  std::string header;       // first label seen; empty: headerless
  uint32_t values = 0;      // non-empty sampled values
  // Per category id, how many values got a finding of it (once per value).
  std::vector<std::pair<std::string_view, uint32_t>> found;
  // Per ProbeLabels() entry, how many values it confirmed.
  std::vector<uint32_t> probe_hits;
  int min_year = 9999, max_year = 0;  // of values confirmed as birth dates

  void CountFound(std::string_view category);
};

// The column's category (a DESIGN.md id) or empty.
std::string_view ClassifyColumn(const ColumnEvidence& column);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_FIELDS_COLUMN_PROFILE_H_
