#include "store/sqlite_finding_writer.h"

#include <cstring>
#include <string_view>
#include <utility>

#include "store/sqlite_schema.h"

namespace breachscope::sqlite {
namespace {

constexpr int kColumns = 19;

// INSERT of `rows` findings: (?1, ..., ?19), (?20, ...), ...
std::string InsertSql(int rows) {
  std::string sql =
      "INSERT INTO findings(item_id, seq, category_id, detector_id, "
      "value_sealed, normalized_sealed, value_hash, value_key, confidence, "
      "explanation_id, role, unit_kind, record, col, label_id, path_id, "
      "tbl_id, offset_bytes, seal_form) VALUES ";
  for (int r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ",(";
    for (int c = 0; c < kColumns; ++c) {
      if (c > 0) sql += ',';
      sql += '?';
      sql += std::to_string(r * kColumns + c + 1);
    }
    sql += ')';
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
  size_t i = 0;
  for (size_t k = 0; k < kRowsPerInsert.size(); ++k) {
    const size_t rows = static_cast<size_t>(kRowsPerInsert[k]);
    Statement& insert = inserts_[k];
    for (; i + rows <= n; i += rows) {
      for (size_t r = 0; r < rows; ++r) {
        Status st = BindRow(insert, static_cast<int>(r), item_id, seq(i + r),
                            findings[i + r], sealed[i + r]);
        if (!st.ok()) {
          insert.Reset();
          return st;
        }
      }
      BS_RETURN_IF_ERROR(insert.Run("insert finding"));
    }
  }
  return {};
}

void FindingWriter::Forget() {
  strings_.Forget();
  marked_ = false;  // the mark may have gone with the transaction
  for (RecentStrings& r : recent_) r = RecentStrings();
}

Result<int64_t> FindingWriter::IdOf(int slot, std::string_view text) {
  if (text.empty()) return int64_t{0};
  RecentStrings& r = recent_[slot];
  for (int k = 0, i = r.hint; k < r.used; ++k, i = i + 1 == r.used ? 0 : i + 1) {
    const std::string& t = r.text[i];
    if (t.size() == text.size() && std::memcmp(t.data(), text.data(), t.size()) == 0) {
      r.hint = i + 1 == r.used ? 0 : i + 1;
      return r.id[i];
    }
  }
  Result<int64_t> id = strings_.IdOf(text);
  if (!id.ok()) return id;
  r.text[r.next].assign(text);
  r.id[r.next] = id.value();
  r.next = (r.next + 1) % RecentStrings::kSize;
  if (r.used < RecentStrings::kSize) ++r.used;
  r.hint = r.next % r.used;
  return id;
}

Status FindingWriter::BindRow(Statement& stmt, int row, int64_t item_id,
                              int64_t seq, const Finding& f,
                              SealedFinding s) {
  const Location& loc = f.location;
  int64_t ids[kStringSlots];
  const std::string_view texts[kStringSlots] = {
      f.category, f.detector, f.explanation, loc.label, loc.path, loc.table};
  for (int i = 0; i < kStringSlots; ++i) {
    Result<int64_t> id = IdOf(i, texts[i]);
    if (!id.ok()) return id.status();
    ids[i] = id.value();
  }
  const int p = row * kColumns;
  stmt.BindInt(p + 1, item_id)
      .BindInt(p + 2, seq)
      .BindInt(p + 3, ids[0])
      .BindInt(p + 4, ids[1])
      .BindBlob(p + 5, s.sealed)
      .BindBlob(p + 6, std::string_view())  // one seal: see sealed_finding.h
      .BindBlob(p + 7, s.hash)
      .BindInt(p + 8, ValueKey(s.hash))
      .BindDouble(p + 9, f.confidence)
      .BindInt(p + 10, ids[2])
      .BindInt(p + 11, RoleCode(f.role))
      .BindInt(p + 12, UnitKindCode(loc.kind))
      .BindInt(p + 13, loc.record)
      .BindInt(p + 14, loc.column)
      .BindInt(p + 15, ids[3])
      .BindInt(p + 16, ids[4])
      .BindInt(p + 17, ids[5])
      .BindInt(p + 18, static_cast<int64_t>(loc.offset))
      .BindInt(p + 19, static_cast<int64_t>(SealForm::kOneSeal));
  return {};
}

}  // namespace breachscope::sqlite
