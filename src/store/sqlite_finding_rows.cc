#include "store/sqlite_finding_rows.h"

#include "store/sealed_finding.h"
#include "store/sqlite_schema.h"

namespace breachscope::sqlite {
namespace {

// Column order of kFindingRowColumns; keep the two in step.
enum Column {
  kSeq, kCategory, kDetector, kSealForm, kValueSealed, kNormalizedSealed,
  kConfidence, kExplanation, kRole, kUnitKind, kRecord, kColumn, kLabel,
  kPath, kTable, kOffset,
};

}  // namespace

const std::string* FindingRowReader::StringAt(const Statement& r,
                                              int column) const {
  const int64_t id = r.ColumnInt(column);
  if (id < 0 || static_cast<uint64_t>(id) >= strings_.size()) return nullptr;
  return &strings_[static_cast<size_t>(id)];
}

const std::string* FindingRowReader::Category(const Statement& r) const {
  return StringAt(r, kCategory);
}

Status FindingRowReader::Read(const Statement& r, StoredFinding* out) {
  out->seq = r.ColumnInt(kSeq);
  // The string ids are resolved in memory (the table is small), each
  // checked: an unknown id is a damaged case, not an empty string.
  bool bad_id = false;
  auto text_of = [&](int column) -> const std::string& {
    if (const std::string* text = StringAt(r, column)) return *text;
    bad_id = true;
    return strings_[0];
  };
  Finding& f = out->finding;
  Status unsealed = UnsealFinding(
      sealer_, *open_, r.ColumnInt(kSealForm), r.ColumnBlob(kValueSealed),
      r.ColumnBlob(kNormalizedSealed), &scratch_, &f.value, &f.normalized);
  if (!unsealed.ok()) {
    return Status(unsealed.code(), "unseal finding " + std::to_string(out->seq) +
                                       " of " + out->source + ": " +
                                       unsealed.message());
  }
  f.category = text_of(kCategory);
  f.detector = text_of(kDetector);
  f.confidence = r.ColumnDouble(kConfidence);
  f.explanation = text_of(kExplanation);
  f.role = RoleFromCode(r.ColumnInt(kRole));
  f.location.kind = UnitKindFromCode(r.ColumnInt(kUnitKind));
  f.location.record = r.ColumnInt(kRecord);
  f.location.column = static_cast<int32_t>(r.ColumnInt(kColumn));
  f.location.label = text_of(kLabel);
  f.location.path = text_of(kPath);
  f.location.table = text_of(kTable);
  f.location.offset = static_cast<uint64_t>(r.ColumnInt(kOffset));
  if (bad_id) {
    return Corrupt("finding " + std::to_string(out->seq) + " of " +
                   out->source + " names an unknown string");
  }
  out->location_text = f.location.ToString();
  return {};
}

}  // namespace breachscope::sqlite
