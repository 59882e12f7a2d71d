// Learned shapes: a facility's own record and patient number shapes, learned
// from the values a case's labels already name, then looked for where no
// label is (free text, unlabelled columns).
//
// The scan keeps candidates (id_shape.h) as it reads; when it ends, a
// ShapeLearner is fed every labelled medical_record_number and
// patient_number finding of the whole case (LabelledForLearning), learns
// the shapes (Learn) and promotes each candidate whose token has one
// (Promote). Learning sees values as sets and counts, never in any order,
// so what it learns does not depend on thread count or file order.
//
// A column is one item's table column or labelled field, for one
// category. Its distinct values are held in a DistinctSample: exact up to
// 8,192 of them, a uniform sample past that (shares and counts are then
// estimates), so memory stays bounded on a table of any size; and it is
// summed up as soon as its item's run of that category ends.
//
// A shape is learned when
//   - in every column (one item's table column or labelled field) that
//     counts it, it is the shape of >= 90% of the column's distinct values;
//   - >= 5 distinct labelled values have it, over the whole case;
//   - it is specific (IsSpecific: a literal prefix or a letter/digit mix,
//     or long digit groups; never a bare number);
//   - >= 90% of its values are of one category (record or patient number).
// A column's literal shape (`RVH-9{7}`) is tried first; a column whose
// letters vary falls back to its class shape (`A{2}9{6}`).
//
// Threading: a ShapeLearner is filled by one thread; LearnedShapes is
// immutable and may be shared.
#ifndef BREACHSCOPE_DETECT_LEARNED_SHAPES_H_
#define BREACHSCOPE_DETECT_LEARNED_SHAPES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "detect/distinct_sample.h"
#include "detect/id_shape.h"

namespace breachscope {

inline constexpr uint64_t kMinShapeValues = 5;
inline constexpr double kMinColumnShare = 0.9;

struct LearnedShape {
  std::string shape;     // `RVH-9{7}` (literal) or `A{3}-9{7}` (classes)
  bool literal = true;
  std::string category;  // medical_record_number or patient_number
  uint64_t values = 0;   // distinct labelled values that taught it
  uint64_t columns = 0;  // labelled columns and fields they came from
};

// True for a finding that names a record or patient number by a label
// (table column, HL7 PID-3 with its type code, FHIR identifier type), not
// by a nearby word in free text, and was not itself promoted.
bool LabelledForLearning(const Finding& finding);

class ShapeLearner {
 public:
  // Counts `finding` (LabelledForLearning must hold) of item `source`.
  // Feed one item's findings of one category together, in seq order: a
  // run ends when the item or the category changes, and its columns are
  // then summed up and let go. Findings nested in one cell (the same
  // number found whole and in part) count once, as the longest.
  void Add(std::string_view source, const Finding& finding);
  // The learned shapes, ordered by shape text.
  std::vector<LearnedShape> Learn();

 private:
  // The last cell's value, held until a finding of another cell arrives.
  struct Pending {
    std::string column, cell, value, category;
  };
  // What a column keeps of one distinct value.
  struct Value {
    std::string literal, classes;  // empty: no specific shape of that kind
    std::string category;
  };
  using ColumnValues = DistinctSample<Value>;
  // What the columns where a shape dominates have taught about it.
  struct Gathered {
    DistinctSample<> values;
    uint64_t columns = 0;
    std::map<std::string, uint64_t> categories;  // values per category
  };

  void Count();      // counts pending_ into its column
  void EndRun();     // sums up the run's columns into gathered_
  void Summarise(const ColumnValues& column);

  // Values are kept as 64-bit hashes of their upper-cased text, in a
  // bounded sample: a big case has millions of distinct ones.
  std::map<std::string, ColumnValues> columns_;  // by table, column, label
  std::map<std::pair<std::string, bool>, Gathered> gathered_;
  std::string run_source_, run_category_;  // of the run being read
  Pending pending_;
};

class LearnedShapes {
 public:
  explicit LearnedShapes(std::vector<LearnedShape> shapes);

  bool empty() const { return shapes_.empty(); }
  const std::vector<LearnedShape>& shapes() const { return shapes_; }
  // The shape `token` has, literal before class, or nullptr.
  const LearnedShape* Match(std::string_view token) const;
  // The finding a candidate becomes (category, confidence, explanation
  // naming the shape and its teachers), or nothing when no shape fits.
  std::optional<Finding> Promote(const Finding& candidate) const;

 private:
  std::vector<LearnedShape> shapes_;
  std::map<std::string, size_t, std::less<>> literal_, classes_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_LEARNED_SHAPES_H_
