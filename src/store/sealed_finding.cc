#include "store/sealed_finding.h"

namespace breachscope {
namespace {

// Flag bytes of a one-seal plaintext (see AppendFindingPlain). Stored.
constexpr char kSameValue = 0;
constexpr char kNoNormalized = 1;
constexpr char kBothValues = 2;

void AppendLength(size_t n, std::string* out) {
  do {
    const unsigned char low = n & 0x7f;
    n >>= 7;
    out->push_back(static_cast<char>(n != 0 ? low | 0x80 : low));
  } while (n != 0);
}

// Reads a LEB128 length from the front of *in; false when it is cut short
// or larger than what is left.
bool TakeLength(std::string_view* in, size_t* n) {
  size_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in->empty()) return false;
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    value |= static_cast<size_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *n = value;
      return value <= in->size();
    }
  }
  return false;
}

}  // namespace

void AppendFindingPlain(std::string_view value, std::string_view normalized,
                        std::string* out) {
  if (normalized == value) {
    out->push_back(kSameValue);
  } else if (normalized.empty()) {
    out->push_back(kNoNormalized);
  } else {
    out->push_back(kBothValues);
    AppendLength(value.size(), out);
    out->append(value);
    out->append(normalized);
    return;
  }
  out->append(value);
}

Status SplitFindingPlain(std::string_view plain, std::string* value,
                         std::string* normalized) {
  if (plain.empty()) return Corrupt("sealed finding has no form flag");
  const char flag = plain.front();
  plain.remove_prefix(1);
  switch (flag) {
    case kSameValue:
      value->assign(plain);
      normalized->assign(plain);
      return {};
    case kNoNormalized:
      value->assign(plain);
      normalized->clear();
      return {};
    case kBothValues: {
      size_t n = 0;
      if (!TakeLength(&plain, &n)) {
        return Corrupt("sealed finding's value length is out of range");
      }
      value->assign(plain.substr(0, n));
      normalized->assign(plain.substr(n));
      return {};
    }
    default:
      return Corrupt("sealed finding has an unknown form flag");
  }
}

Status UnsealFinding(const Sealer& sealer, int64_t form,
                     std::string_view value_sealed,
                     std::string_view normalized_sealed, std::string* scratch,
                     std::string* value, std::string* normalized) {
  const std::unique_ptr<OpenRun> run = sealer.BeginOpenRun(kFindingSealContext);
  return UnsealFinding(sealer, *run, form, value_sealed, normalized_sealed,
                       scratch, value, normalized);
}

Status UnsealFinding(const Sealer& sealer, OpenRun& run, int64_t form,
                     std::string_view value_sealed,
                     std::string_view normalized_sealed, std::string* scratch,
                     std::string* value, std::string* normalized) {
  switch (static_cast<SealForm>(form)) {
    case SealForm::kOneSeal:
      // The second column is unused; anything in it was put there.
      if (!normalized_sealed.empty()) {
        return Corrupt("one-seal finding has a second sealed value");
      }
      BS_RETURN_IF_ERROR(run.Unseal(value_sealed, scratch));
      return SplitFindingPlain(*scratch, value, normalized);
    case SealForm::kTwoSeals: {
      Result<std::string> v = sealer.Unseal(value_sealed);
      if (!v.ok()) return v.status();
      Result<std::string> n = sealer.Unseal(normalized_sealed);
      if (!n.ok()) return n.status();
      *value = std::move(v).value();
      *normalized = std::move(n).value();
      return {};
    }
  }
  return Corrupt("finding has an unknown seal form " + std::to_string(form));
}

SealedFinding SealedFindings::operator[](size_t i) const {
  const std::string_view all(bytes_);
  const size_t start = i == 0 ? 0 : ends_[i - 1].hash;
  const Ends& e = ends_[i];
  return {all.substr(start, e.sealed - start),
          all.substr(e.sealed, e.hash - e.sealed)};
}

void SealedFindings::Reserve(size_t findings, size_t plain_bytes) {
  // A seal adds at most 40 bytes (nonce and tag), the plaintext a flag and
  // a length (usually 2 bytes) and a hash is 16: an estimate, since a
  // Sealer may differ; the buffer grows if it is short.
  bytes_.reserve(bytes_.size() + plain_bytes + findings * (40 + 2 + 16));
  ends_.reserve(ends_.size() + findings);
}

void SealedFindings::Add(const Sealer& sealer, const Finding& finding) {
  const std::unique_ptr<SealRun> run = sealer.BeginSealRun(kFindingSealContext);
  Add(*run, sealer, finding);
}

void SealedFindings::Add(SealRun& run, const Sealer& sealer,
                         const Finding& finding) {
  // Per thread, not per object: the plaintext never travels with the
  // sealed findings to the writer.
  thread_local std::string plain;
  plain.clear();
  AppendFindingPlain(finding.value, finding.normalized, &plain);
  Ends e;
  run.SealAppend(plain, &bytes_);
  e.sealed = bytes_.size();
  sealer.HashAppend(LookupForm(finding), &bytes_);
  e.hash = bytes_.size();
  ends_.push_back(e);
}

SealedFindings SealFindingValues(const Sealer& sealer,
                                 const std::vector<Finding>& findings) {
  SealedFindings sealed;
  size_t plain_bytes = 0;
  for (const Finding& f : findings) {
    plain_bytes += f.value.size() +
                   (f.normalized == f.value ? 0 : f.normalized.size());
  }
  sealed.Reserve(findings.size(), plain_bytes);
  // One run per chunk: the values share the seal's set-up (SealRun).
  const std::unique_ptr<SealRun> run = sealer.BeginSealRun(kFindingSealContext);
  for (const Finding& f : findings) sealed.Add(*run, sealer, f);
  sealed.BuildStrings(findings);
  return sealed;
}

}  // namespace breachscope
