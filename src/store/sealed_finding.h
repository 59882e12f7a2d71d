// SealedFindings: the PHI of a run of findings in the form the store writes.
//
// Sealing (two AEAD seals and a keyed hash per finding) is most of what
// storing a finding costs, and the store has a single writer thread. So the
// scan workers seal their own findings (CaseStore::SealFindings, any thread)
// and hand the writer rows that only need inserting. The Sealer stays the
// one seam PHI crosses: this is just where its output waits.
//
// All sealed bytes of the run share one buffer: a dense item has thousands
// of findings, and three strings each meant three allocations on a worker
// and three frees on the writer per finding.
#ifndef BREACHSCOPE_STORE_SEALED_FINDING_H_
#define BREACHSCOPE_STORE_SEALED_FINDING_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "store/sealer.h"

namespace breachscope {

// The sealed forms of one finding: views into its SealedFindings.
struct SealedFinding {
  std::string_view value;       // Sealer::Seal(finding.value)
  std::string_view normalized;  // Sealer::Seal(finding.normalized)
  std::string_view hash;        // Sealer::Hash(LookupForm(finding))
};

class SealedFindings {
 public:
  size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  // Valid while this object lives unchanged.
  SealedFinding operator[](size_t i) const;

  // Room for `findings` more findings whose plain PHI totals `plain_bytes`.
  void Reserve(size_t findings, size_t plain_bytes);
  // Seals `finding` and appends it.
  void Add(const Sealer& sealer, const Finding& finding);

 private:
  // Where the finding's three parts end in bytes_; the first starts where
  // the previous finding's hash ends.
  struct Ends {
    size_t value;
    size_t normalized;
    size_t hash;
  };
  std::string bytes_;
  std::vector<Ends> ends_;
};

// What a finding is looked up by: its canonical form, or its raw value when
// it has none (rather than sharing the hash of "").
inline const std::string& LookupForm(const Finding& finding) {
  return finding.normalized.empty() ? finding.value : finding.normalized;
}

// The findings sealed, in order. Thread-safe (Sealer is).
SealedFindings SealFindingValues(const Sealer& sealer,
                                 const std::vector<Finding>& findings);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SEALED_FINDING_H_
