#include "store/sealed_finding.h"

namespace breachscope {

SealedFindings SealFindingValues(const Sealer& sealer,
                                 const std::vector<Finding>& findings) {
  SealedFindings sealed(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    sealed[i].value = sealer.Seal(f.value);
    sealed[i].normalized = sealer.Seal(f.normalized);
    sealed[i].hash = sealer.Hash(LookupForm(f));
  }
  return sealed;
}

}  // namespace breachscope
