// FindingStringRefs: the non-PHI strings of a run of findings, each
// distinct text named once.
//
// A finding row refers to six interned strings (category, detector,
// explanation, label, path, table: StringIds). A dense chunk of 4,096
// findings holds a few dozen distinct ones, yet the single store writer
// used to hash and look up six per row, about a quarter of its CPU. The
// scan workers now do that de-duplication while they seal (SealedFindings),
// and the writer resolves each distinct text of the run once.
//
// A distinct text is named by where it first occurs (finding index and
// slot), not by a pointer: the findings vector may move between the worker
// and the writer, and a short std::string moves its characters with it.
// Threading: built on any thread, read on another once handed over.
#ifndef BREACHSCOPE_STORE_FINDING_STRING_REFS_H_
#define BREACHSCOPE_STORE_FINDING_STRING_REFS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/finding.h"

namespace breachscope {

class FindingStringRefs {
 public:
  static constexpr int kSlots = 6;
  // The slots in row order: category, detector, explanation, label, path,
  // table.
  static std::array<std::string_view, kSlots> SlotsOf(const Finding& f);

  // De-duplicates the strings of `findings` (replacing what was built).
  void Build(const std::vector<Finding>& findings);

  // Built for findings.size() findings (0 when never built).
  size_t findings() const { return refs_.size() / kSlots; }
  // Distinct texts, the empty string (ref 0) included.
  size_t distinct() const { return firsts_.size() + 1; }
  // The text of ref `ref`, read from the findings it was built from.
  // REQUIRES: 0 < ref < distinct(); `findings` unchanged since Build.
  std::string_view Text(const std::vector<Finding>& findings,
                        uint32_t ref) const;
  // The refs of finding `i`'s slots (kSlots of them; 0 is "").
  const uint32_t* RefsOf(size_t i) const { return &refs_[i * kSlots]; }

 private:
  struct First {
    uint32_t finding;
    uint32_t slot;
  };
  std::vector<First> firsts_;   // ref r > 0 is firsts_[r - 1]
  std::vector<uint32_t> refs_;  // kSlots per finding
};

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_FINDING_STRING_REFS_H_
