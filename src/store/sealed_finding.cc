#include "store/sealed_finding.h"

namespace breachscope {

SealedFinding SealedFindings::operator[](size_t i) const {
  const std::string_view all(bytes_);
  const size_t start = i == 0 ? 0 : ends_[i - 1].hash;
  const Ends& e = ends_[i];
  return {all.substr(start, e.value - start),
          all.substr(e.value, e.normalized - e.value),
          all.substr(e.normalized, e.hash - e.normalized)};
}

void SealedFindings::Reserve(size_t findings, size_t plain_bytes) {
  // A seal adds at most 40 bytes (nonce and tag) and a hash is 16: an
  // estimate, since a Sealer may differ; the buffer grows if it is short.
  bytes_.reserve(bytes_.size() + plain_bytes + findings * (2 * 40 + 16));
  ends_.reserve(ends_.size() + findings);
}

void SealedFindings::Add(const Sealer& sealer, const Finding& finding) {
  Ends e;
  sealer.SealAppend(finding.value, &bytes_);
  e.value = bytes_.size();
  sealer.SealAppend(finding.normalized, &bytes_);
  e.normalized = bytes_.size();
  sealer.HashAppend(LookupForm(finding), &bytes_);
  e.hash = bytes_.size();
  ends_.push_back(e);
}

SealedFindings SealFindingValues(const Sealer& sealer,
                                 const std::vector<Finding>& findings) {
  SealedFindings sealed;
  size_t plain_bytes = 0;
  for (const Finding& f : findings) {
    plain_bytes += f.value.size() + f.normalized.size();
  }
  sealed.Reserve(findings.size(), plain_bytes);
  for (const Finding& f : findings) sealed.Add(sealer, f);
  return sealed;
}

}  // namespace breachscope
