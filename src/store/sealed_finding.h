// SealedFindings: the PHI of a run of findings in the form the store writes.
//
// Sealing is most of what storing a finding costs, and the store has a
// single writer thread. So the scan workers seal their own findings
// (CaseStore::SealFindings, any thread) and hand the writer rows that only
// need inserting. The Sealer stays the one seam PHI crosses: this is just
// where its output waits.
//
// Seal forms of a findings row (findings.seal_form, part of the case
// format):
// - kTwoSeals (0, cases of schema version 1): value_sealed and
//   normalized_sealed are each Sealer::Seal of one value, no context.
// - kOneSeal (1, written since schema version 2): value_sealed is a single
//   Sealer::SealAppendFor(kFindingSealContext, FindingPlain(value,
//   normalized)) and normalized_sealed is an empty blob. One AEAD message
//   instead of two halves the sealing work (each XChaCha20-Poly1305 message
//   pays an HChaCha20 and a Poly1305 set-up) and saves a nonce and a tag,
//   40 bytes, per finding. The context marks the form: a one-seal message
//   given as a two-seal value (or the reverse, or the flag byte inside
//   changed) fails authentication.
// Both forms are read; rows are written in the one-seal form.
//
// All sealed bytes of a run share one buffer: a dense item has thousands
// of findings, and a string per part meant an allocation on a worker and a
// free on the writer per finding.
#ifndef BREACHSCOPE_STORE_SEALED_FINDING_H_
#define BREACHSCOPE_STORE_SEALED_FINDING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/status.h"
#include "store/finding_string_refs.h"
#include "store/sealer.h"

namespace breachscope {

// Stored codes of findings.seal_form (see above).
enum class SealForm : int64_t { kTwoSeals = 0, kOneSeal = 1 };

// Associated data of one-seal findings: no other sealed value uses it.
inline constexpr std::string_view kFindingSealContext =
    "breachscope finding, one seal (form 1)";

// The plaintext of a one-seal finding, appended to *out: a flag byte, then
// - kSameValue: the value (the normalised value is equal to it);
// - kNoNormalized: the value (the normalised value is empty);
// - kBothValues: the value's length (LEB128), the value, the normalised
//   value.
// At most 11 bytes more than the value, usually 1.
void AppendFindingPlain(std::string_view value, std::string_view normalized,
                        std::string* out);
// The inverse; kCorrupt on an unknown flag or a length past the end.
Status SplitFindingPlain(std::string_view plain, std::string* value,
                         std::string* normalized);

// The PHI of a findings row of seal form `form` (a stored code), into
// *value and *normalized; `scratch` is a buffer reused between calls.
// Errors name no value.
Status UnsealFinding(const Sealer& sealer, int64_t form,
                     std::string_view value_sealed,
                     std::string_view normalized_sealed, std::string* scratch,
                     std::string* value, std::string* normalized);
// The same, opening one-seal rows through `run` (an OpenRun of
// kFindingSealContext from `sealer`), which readers of many rows keep.
Status UnsealFinding(const Sealer& sealer, OpenRun& run, int64_t form,
                     std::string_view value_sealed,
                     std::string_view normalized_sealed, std::string* scratch,
                     std::string* value, std::string* normalized);

// The sealed forms of one finding: views into its SealedFindings.
struct SealedFinding {
  std::string_view sealed;  // value and normalised value, one seal
  std::string_view hash;    // Sealer::Hash(LookupForm(finding))
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
  // The same, sealing through `run` (of kFindingSealContext, from `sealer`).
  void Add(SealRun& run, const Sealer& sealer, const Finding& finding);

  // The findings' non-PHI strings, de-duplicated (SealFindingValues builds
  // them; strings().findings() is 0 when nobody did).
  const FindingStringRefs& strings() const { return strings_; }
  void BuildStrings(const std::vector<Finding>& findings) {
    strings_.Build(findings);
  }

 private:
  // Where the finding's two parts end in bytes_; the first starts where
  // the previous finding's hash ends.
  struct Ends {
    size_t sealed;
    size_t hash;
  };
  std::string bytes_;
  std::vector<Ends> ends_;
  FindingStringRefs strings_;
};

// What a finding is looked up by: its canonical form, or its raw value when
// it has none (rather than sharing the hash of "").
inline const std::string& LookupForm(const Finding& finding) {
  return finding.normalized.empty() ? finding.value : finding.normalized;
}

// The findings sealed, in order, with their strings de-duplicated.
// Thread-safe (Sealer is).
SealedFindings SealFindingValues(const Sealer& sealer,
                                 const std::vector<Finding>& findings);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_SEALED_FINDING_H_
