// SealedFinding: a finding's PHI in the form the store writes it.
//
// Sealing (two AEAD seals and a keyed hash per finding) is most of what
// storing a finding costs, and the store has a single writer thread. So the
// scan workers seal their own findings (CaseStore::SealFindings, any thread)
// and hand the writer rows that only need inserting. The Sealer stays the
// one seam PHI crosses: this is just where its output waits.
#ifndef BREACHSCOPE_STORE_SEALED_FINDING_H_
#define BREACHSCOPE_STORE_SEALED_FINDING_H_

#include <string>
#include <vector>

#include "common/finding.h"
#include "store/sealer.h"

namespace breachscope {

struct SealedFinding {
  std::string value;       // Sealer::Seal(finding.value)
  std::string normalized;  // Sealer::Seal(finding.normalized)
  std::string hash;        // Sealer::Hash of the look-up form (LookupForm)
};
using SealedFindings = std::vector<SealedFinding>;

// What a finding is looked up by: its canonical form, or its raw value when
// it has none (rather than sharing the hash of "").
inline const std::string& LookupForm(const Finding& finding) {
  return finding.normalized.empty() ? finding.value : finding.normalized;
}

// One SealedFinding per finding, in order. Thread-safe (Sealer is).
SealedFindings SealFindingValues(const Sealer& sealer,
                                 const std::vector<Finding>& findings);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SEALED_FINDING_H_
