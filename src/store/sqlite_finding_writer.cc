#include "store/sqlite_finding_writer.h"

#include <string_view>
#include <utility>

#include "store/sqlite_schema.h"

namespace breachscope::sqlite {
namespace {

// Parameters per row: every column but item_id (?1, once per statement),
// normalized_sealed and seal_form (constants: see BindRow).
constexpr int kColumns = 16;

// INSERT of `rows` findings: (?1, ?2, ..., ?17, X'', 1), (?1, ?18, ...), ...
// written with bare "?" after the ?1 (see below).
std::string InsertSql(int rows) {
  std::string sql =
      "INSERT INTO findings(item_id, seq, category_id, detector_id, "
      "value_sealed, value_hash, value_key, confidence, explanation_id, role, "
      "unit_kind, record, col, label_id, path_id, tbl_id, offset_bytes, "
      "normalized_sealed, seal_form) VALUES ";
  const std::string constants =
      ",X''," + std::to_string(static_cast<int64_t>(SealForm::kOneSeal)) + ")";
  // A bare "?" is numbered one past the largest number so far, so row r's
  // parameters are 2 + r * kColumns onwards, as BindRow expects. Numbered
  // ones ("?18") would cost SQLite a search of the names seen so far per
  // parameter when preparing: quadratic, about 10 ms per writer for the
  // 2,048 parameters of the 128-row statement, paid at every case opening.
  for (int r = 0; r < rows; ++r) {
    sql += r == 0 ? "(?1" : ",(?1";
    for (int c = 0; c < kColumns; ++c) sql += ",?";
    sql += constants;
  }
  return sql;
}

}  // namespace

Status FindingWriter::Prepare(sqlite3* db, const Sealer* sealer) {
  db_ = db;
  sealer_ = sealer;
  for (size_t k = 0; k < kRowsPerInsert.size(); ++k) {
    Result<Statement> insert = Statement::Prepare(db, InsertSql(kRowsPerInsert[k]));
    if (!insert.ok()) return insert.status();
    inserts_[k] = std::move(insert).value();
  }
  return strings_.Prepare(db);
}

Status FindingWriter::Insert(int64_t item_id,
                             const std::vector<Finding>& findings,
                             const std::vector<int64_t>* seqs) {
  return InsertSealed(item_id, findings, SealFindingValues(*sealer_, findings),
                      seqs);
}

Status FindingWriter::MarkCase() {
  if (marked_) return {};
  BS_RETURN_IF_ERROR(MarkOneSealRows(db_));
  marked_ = true;
  return {};
}

Status FindingWriter::InsertSealed(int64_t item_id,
                                   const std::vector<Finding>& findings,
                                   const SealedFindings& sealed,
                                   const std::vector<int64_t>* seqs) {
  const size_t n = findings.size();
  if (sealed.size() != n) {
    return InvalidArgument("insert findings: one sealed row per finding needed");
  }
  if (n > 0) BS_RETURN_IF_ERROR(MarkCase());
  auto seq = [seqs](size_t i) {
    return seqs != nullptr ? (*seqs)[i] : static_cast<int64_t>(i);
  };
  const FindingStringRefs& refs = sealed.strings();
  const bool by_ref = refs.findings() == n;
  if (by_ref) BS_RETURN_IF_ERROR(ResolveDistinct(findings, refs));
  size_t i = 0;
  for (size_t k = 0; k < kRowsPerInsert.size(); ++k) {
    const size_t rows = static_cast<size_t>(kRowsPerInsert[k]);
    Statement& insert = inserts_[k];
    for (; i + rows <= n; i += rows) {
      insert.BindInt(1, item_id);
      for (size_t r = 0; r < rows; ++r) {
        int64_t ids[kStringSlots];
        Status st;
        if (by_ref) {
          IdsByRef(refs.RefsOf(i + r), ids);
        } else {
          st = IdsOf(findings[i + r], ids);
        }
        if (!st.ok()) {
          insert.Reset();
          return st;
        }
        BindRow(insert, static_cast<int>(r), seq(i + r), findings[i + r],
                sealed[i + r], ids);
      }
      // Every parameter is bound again before the next run.
      BS_RETURN_IF_ERROR(insert.RunKeepingBindings("insert finding"));
    }
  }
  return {};
}

void FindingWriter::Forget() {
  strings_.Forget();
  marked_ = false;  // the mark may have gone with the transaction
}

Status FindingWriter::ResolveDistinct(const std::vector<Finding>& findings,
                                      const FindingStringRefs& refs) {
  distinct_ids_.assign(refs.distinct(), 0);
  for (uint32_t ref = 1; ref < refs.distinct(); ++ref) {
    Result<int64_t> id = strings_.IdOf(refs.Text(findings, ref));
    if (!id.ok()) return id.status();
    distinct_ids_[ref] = id.value();
  }
  return {};
}

void FindingWriter::IdsByRef(const uint32_t* refs, int64_t* ids) const {
  for (int i = 0; i < kStringSlots; ++i) ids[i] = distinct_ids_[refs[i]];
}

Status FindingWriter::IdsOf(const Finding& f, int64_t* ids) {
  const std::array<std::string_view, kStringSlots> texts =
      FindingStringRefs::SlotsOf(f);
  for (int i = 0; i < kStringSlots; ++i) {
    Result<int64_t> id = strings_.IdOf(texts[i]);
    if (!id.ok()) return id.status();
    ids[i] = id.value();
  }
  return {};
}

void FindingWriter::BindRow(Statement& stmt, int row, int64_t seq,
                            const Finding& f, SealedFinding s,
                            const int64_t* ids) {
  const Location& loc = f.location;
  // The one-seal form: value_sealed holds both values, normalized_sealed
  // is the empty blob (sealed_finding.h); both constants are in the SQL.
  const int p = 1 + row * kColumns;
  stmt.BindInt(p + 1, seq)
      .BindInt(p + 2, ids[0])
      .BindInt(p + 3, ids[1])
      .BindBlob(p + 4, s.sealed)
      .BindBlob(p + 5, s.hash)
      .BindInt(p + 6, ValueKey(s.hash))
      .BindDouble(p + 7, f.confidence)
      .BindInt(p + 8, ids[2])
      .BindInt(p + 9, RoleCode(f.role))
      .BindInt(p + 10, UnitKindCode(loc.kind))
      .BindInt(p + 11, loc.record)
      .BindInt(p + 12, loc.column)
      .BindInt(p + 13, ids[3])
      .BindInt(p + 14, ids[4])
      .BindInt(p + 15, ids[5])
      .BindInt(p + 16, static_cast<int64_t>(loc.offset));
}

}  // namespace breachscope::sqlite
