#include "store/sqlite_individuals_store.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <string_view>
#include <tuple>
#include <utility>

#include "store/individuals_record_codec.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_statement.h"

namespace breachscope {
namespace {

using sqlite::Exec;
using sqlite::Statement;

// Part of the case format beside sqlite_schema.cc's tables. Only sealed PHI:
// record_key is an item name and an anchor ("row 12", "message 3/PID").
constexpr std::string_view kIndividualsSchema = R"sql(
CREATE TABLE IF NOT EXISTS person_records (
  idx           INTEGER PRIMARY KEY,
  record_key    TEXT NOT NULL,
  source        TEXT NOT NULL,
  role          INTEGER NOT NULL,
  categories    TEXT NOT NULL,
  phi_sealed    BLOB NOT NULL,
  individual_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS individuals (
  id         INTEGER PRIMARY KEY,
  confidence REAL NOT NULL,
  members    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS review_pairs (
  number     INTEGER PRIMARY KEY,
  a          INTEGER NOT NULL,
  b          INTEGER NOT NULL,
  weight     REAL NOT NULL,
  why_sealed BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS review_decisions (
  key_a      TEXT NOT NULL,
  key_b      TEXT NOT NULL,
  link       INTEGER NOT NULL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (key_a, key_b)
);
)sql";

std::string JoinCategories(const std::vector<std::string>& categories) {
  std::string out;
  for (const std::string& c : categories) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
}

std::vector<std::string> SplitCategories(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

// Runs `body` in a transaction: committed when it succeeds, rolled back
// otherwise, so a failed resolve leaves the previous run intact.
template <typename Body>
Status InTransaction(sqlite3* db, Body body) {
  BS_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE", "save individuals"));
  Status st = body();
  if (!st.ok()) {
    (void)Exec(db, "ROLLBACK", "save individuals");
    return st;
  }
  return Exec(db, "COMMIT", "save individuals");
}

Status CheckResolution(const std::vector<uint32_t>& individual_of,
                       const std::vector<double>& confidence,
                       const std::vector<ReviewPair>& review) {
  for (uint32_t id : individual_of) {
    if (id >= confidence.size()) return InvalidArgument("save individuals: bad individual");
  }
  for (const ReviewPair& p : review) {
    if (p.a >= individual_of.size() || p.b >= individual_of.size()) {
      return InvalidArgument("save individuals: review pair outside the records");
    }
  }
  return {};
}

// Reads person_records rows in idx order, unsealing each.
class SqliteRecordReader final : public PersonRecordReader {
 public:
  SqliteRecordReader(Statement select, const Sealer& sealer)
      : select_(std::move(select)), sealer_(sealer) {}
  Result<bool> Next(PersonRecord* record) override;

 private:
  Statement select_;
  const Sealer& sealer_;
};

}  // namespace

Result<std::unique_ptr<IndividualsStore>> OpenSqliteIndividualsStore(
    const std::string& case_dir, std::unique_ptr<Sealer> sealer) {
  Result<std::unique_ptr<SqliteIndividualsStore>> store =
      SqliteIndividualsStore::Open(case_dir, std::move(sealer));
  if (!store.ok()) return store.status();
  return std::unique_ptr<IndividualsStore>(std::move(store).value());
}

Result<std::unique_ptr<SqliteIndividualsStore>> SqliteIndividualsStore::Open(
    const std::string& case_dir, std::unique_ptr<Sealer> sealer) {
  if (sealer == nullptr) return InvalidArgument("open individuals: no sealer given");
  const std::string path = (std::filesystem::path(case_dir) / "case.db").string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return NotFound("no case in " + case_dir + " (scan first)");
  }
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  std::unique_ptr<SqliteIndividualsStore> store(
      new SqliteIndividualsStore(db, std::move(sealer)));
  if (rc != SQLITE_OK) return sqlite::SqliteStatus(db, rc, "open case");
  BS_RETURN_IF_ERROR(sqlite::ConfigureConnection(db));
  BS_RETURN_IF_ERROR(sqlite::InitOrCheckSchema(db, store->sealer_->scheme()));
  BS_RETURN_IF_ERROR(Exec(db, kIndividualsSchema, "create individuals tables"));
  return store;
}

SqliteIndividualsStore::~SqliteIndividualsStore() { sqlite3_close_v2(db_); }

Status SqliteIndividualsStore::SaveResolution(const std::vector<PersonRecord>& records,
                                              const std::vector<uint32_t>& individual_of,
                                              const std::vector<double>& confidence,
                                              const std::vector<ReviewPair>& review) {
  if (individual_of.size() != records.size()) {
    return InvalidArgument("save individuals: one individual per record expected");
  }
  BS_RETURN_IF_ERROR(BeginSave());
  for (size_t i = 0; i < records.size(); ++i) {
    Status added = AddRecord(static_cast<int64_t>(i), records[i]);
    if (!added.ok()) {
      AbortSave();
      return added;
    }
  }
  return EndSave(individual_of, confidence, review);
}

Status SqliteIndividualsStore::BeginSave() {
  if (saving_) return InvalidArgument("save individuals: a save is already open");
  Result<Statement> insert = Statement::Prepare(
      db_,
      "INSERT INTO person_records(idx, record_key, source, role, categories, "
      "phi_sealed, individual_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)");
  Result<Statement> move =
      Statement::Prepare(db_, "UPDATE person_records SET idx = ?2 WHERE idx = ?1");
  Result<Statement> drop = Statement::Prepare(db_, "DELETE FROM person_records WHERE idx = ?1");
  if (!insert.ok()) return insert.status();
  if (!move.ok()) return move.status();
  if (!drop.ok()) return drop.status();
  insert_record_ = std::move(insert).value();
  move_record_ = std::move(move).value();
  drop_record_ = std::move(drop).value();
  BS_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE", "save individuals"));
  saving_ = true;
  Status cleared = Exec(db_,
                        "DELETE FROM person_records; DELETE FROM individuals; "
                        "DELETE FROM review_pairs;",
                        "clear individuals");
  if (!cleared.ok()) AbortSave();
  return cleared;
}

Status SqliteIndividualsStore::AddRecord(int64_t idx, const PersonRecord& r) {
  if (!saving_) return InvalidArgument("save individuals: no save open");
  const std::string sealed = sealer_->Seal(EncodePersonRecordPhi(r));
  const std::string categories = JoinCategories(r.categories);
  // Record keys and sources are item names: paths that can name a patient.
  const std::string key = sealer_->SealName(r.key), source = sealer_->SealName(r.source);
  return insert_record_.BindInt(1, idx)
      .BindText(2, key)
      .BindText(3, source)
      .BindInt(4, sqlite::RoleCode(r.role))
      .BindText(5, categories)
      .BindBlob(6, sealed)
      .Run("insert person-record");
}

Status SqliteIndividualsStore::MoveRecord(int64_t from, int64_t to) {
  if (!saving_) return InvalidArgument("save individuals: no save open");
  return move_record_.BindInt(1, from).BindInt(2, to).Run("place person-record");
}

Status SqliteIndividualsStore::DropRecord(int64_t idx) {
  if (!saving_) return InvalidArgument("save individuals: no save open");
  return drop_record_.BindInt(1, idx).Run("drop person-record");
}

Status SqliteIndividualsStore::EndSave(const std::vector<uint32_t>& individual_of,
                                       const std::vector<double>& confidence,
                                       const std::vector<ReviewPair>& review) {
  if (!saving_) return InvalidArgument("save individuals: no save open");
  Status st = CheckResolution(individual_of, confidence, review);
  if (st.ok()) st = SetIndividuals(individual_of);
  if (st.ok()) st = WriteIndividuals(individual_of, confidence);
  if (st.ok()) st = WriteReview(review);
  if (st.ok()) st = Exec(db_, "COMMIT", "save individuals");
  if (!st.ok()) {
    AbortSave();
    return st;
  }
  saving_ = false;
  return {};
}

void SqliteIndividualsStore::AbortSave() {
  if (!saving_) return;
  (void)Exec(db_, "ROLLBACK", "save individuals");
  saving_ = false;
}

// Every record gets its individual; a record left out (or one too many)
// means the caller's numbering is wrong, and nothing is committed.
Status SqliteIndividualsStore::SetIndividuals(const std::vector<uint32_t>& individual_of) {
  Result<Statement> update =
      Statement::Prepare(db_, "UPDATE person_records SET individual_id = ?2 WHERE idx = ?1");
  if (!update.ok()) return update.status();
  for (size_t i = 0; i < individual_of.size(); ++i) {
    BS_RETURN_IF_ERROR(update.value()
                           .BindInt(1, static_cast<int64_t>(i))
                           .BindInt(2, individual_of[i] + 1)
                           .Run("set individual"));
  }
  Result<Statement> check = Statement::Prepare(
      db_, "SELECT count(*), coalesce(min(idx), 0), coalesce(max(idx), -1), "
           "count(*) FILTER (WHERE individual_id = 0) FROM person_records");
  if (!check.ok()) return check.status();
  Result<bool> row = check.value().Next("check person-records");
  if (!row.ok()) return row.status();
  const Statement& c = check.value();
  const int64_t n = static_cast<int64_t>(individual_of.size());
  const bool whole = c.ColumnInt(0) == n && (n == 0 || (c.ColumnInt(1) == 0 && c.ColumnInt(2) == n - 1)) &&
                     c.ColumnInt(3) == 0;
  check.value().Reset();
  return whole ? Status() : InvalidArgument("save individuals: records and individuals differ");
}

Status SqliteIndividualsStore::WriteIndividuals(const std::vector<uint32_t>& individual_of,
                                                const std::vector<double>& confidence) {
  std::vector<int64_t> members(confidence.size(), 0);
  for (uint32_t id : individual_of) ++members[id];
  Result<Statement> insert = Statement::Prepare(
      db_, "INSERT INTO individuals(id, confidence, members) VALUES (?1, ?2, ?3)");
  if (!insert.ok()) return insert.status();
  for (size_t i = 0; i < confidence.size(); ++i) {
    BS_RETURN_IF_ERROR(insert.value()
                           .BindInt(1, static_cast<int64_t>(i + 1))
                           .BindDouble(2, confidence[i])
                           .BindInt(3, members[i])
                           .Run("insert individual"));
  }
  return {};
}

Status SqliteIndividualsStore::WriteReview(const std::vector<ReviewPair>& review) {
  Result<Statement> insert = Statement::Prepare(
      db_,
      "INSERT INTO review_pairs(number, a, b, weight, why_sealed) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert.ok()) return insert.status();
  for (size_t i = 0; i < review.size(); ++i) {
    const std::string why = sealer_->Seal(review[i].why);
    BS_RETURN_IF_ERROR(insert.value()
                           .BindInt(1, static_cast<int64_t>(i + 1))
                           .BindInt(2, review[i].a)
                           .BindInt(3, review[i].b)
                           .BindDouble(4, review[i].weight)
                           .BindBlob(5, why)
                           .Run("insert review pair"));
  }
  return {};
}

Result<std::vector<PersonRecord>> SqliteIndividualsStore::LoadPersonRecords() {
  Result<std::unique_ptr<PersonRecordReader>> reader =
      ReadRecords(std::numeric_limits<int64_t>::max());
  if (!reader.ok()) return reader.status();
  std::vector<PersonRecord> records;
  while (true) {
    PersonRecord r;
    Result<bool> more = reader.value()->Next(&r);
    if (!more.ok()) return more.status();
    if (!more.value()) return records;
    records.push_back(std::move(r));
  }
}

Result<std::unique_ptr<PersonRecordReader>> SqliteIndividualsStore::ReadRecords(int64_t count) {
  Result<Statement> select = Statement::Prepare(
      db_,
      "SELECT record_key, source, role, categories, phi_sealed FROM person_records "
      "WHERE idx >= 0 AND idx < ?1 ORDER BY idx");
  if (!select.ok()) return select.status();
  select.value().BindInt(1, count);
  return std::unique_ptr<PersonRecordReader>(
      new SqliteRecordReader(std::move(select).value(), *sealer_));
}

Result<bool> SqliteRecordReader::Next(PersonRecord* r) {
  Statement& s = select_;
  Result<bool> row = s.Next("read person-records");
  if (!row.ok() || !row.value()) return row;
  *r = PersonRecord();
  Result<std::string> key = sealer_.UnsealName(s.ColumnText(0));
  Result<std::string> source = sealer_.UnsealName(s.ColumnText(1));
  r->role = sqlite::RoleFromCode(s.ColumnInt(2));
  r->categories = SplitCategories(s.ColumnText(3));
  Result<std::string> phi = sealer_.Unseal(s.ColumnBlob(4));
  Status st = !key.ok()      ? key.status()
              : !source.ok() ? source.status()
              : phi.ok()     ? DecodePersonRecordPhi(phi.value(), r)
                             : phi.status();
  if (!st.ok()) {
    s.Reset();
    return st;
  }
  r->key = std::move(key).value();
  r->source = std::move(source).value();
  return true;
}

Result<std::vector<StoredIndividual>> SqliteIndividualsStore::LoadIndividuals() {
  Result<Statement> select =
      Statement::Prepare(db_, "SELECT id, confidence FROM individuals ORDER BY id");
  if (!select.ok()) return select.status();
  std::vector<StoredIndividual> individuals;
  while (true) {
    Result<bool> row = select.value().Next("read individuals");
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    StoredIndividual ind;
    ind.id = static_cast<uint32_t>(select.value().ColumnInt(0));
    ind.confidence = select.value().ColumnDouble(1);
    individuals.push_back(std::move(ind));
  }
  Result<Statement> members = Statement::Prepare(
      db_, "SELECT idx, individual_id FROM person_records ORDER BY idx");
  if (!members.ok()) return members.status();
  while (true) {
    Result<bool> row = members.value().Next("read individual members");
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    const int64_t id = members.value().ColumnInt(1);
    if (id < 1 || id > static_cast<int64_t>(individuals.size()) ||
        individuals[id - 1].id != id) {
      members.value().Reset();
      return Corrupt("person-record of an unknown individual");
    }
    individuals[id - 1].members.push_back(static_cast<uint32_t>(members.value().ColumnInt(0)));
  }
  return individuals;
}

Result<std::vector<StoredReviewPair>> SqliteIndividualsStore::LoadReviewPairs() {
  Result<Statement> select = Statement::Prepare(
      db_, "SELECT number, a, b, weight, why_sealed FROM review_pairs ORDER BY number");
  if (!select.ok()) return select.status();
  std::vector<StoredReviewPair> pairs;
  Statement& s = select.value();
  while (true) {
    Result<bool> row = s.Next("read review pairs");
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    StoredReviewPair p;
    p.number = static_cast<uint32_t>(s.ColumnInt(0));
    p.a = static_cast<uint32_t>(s.ColumnInt(1));
    p.b = static_cast<uint32_t>(s.ColumnInt(2));
    p.weight = s.ColumnDouble(3);
    Result<std::string> why = sealer_->Unseal(s.ColumnBlob(4));
    if (!why.ok()) {
      s.Reset();
      return why.status();
    }
    p.why = std::move(why).value();
    pairs.push_back(std::move(p));
  }
  return pairs;
}

Result<IndividualsCounts> SqliteIndividualsStore::Counts() {
  Result<Statement> select = Statement::Prepare(
      db_,
      "SELECT (SELECT count(*) FROM person_records), (SELECT count(*) FROM individuals), "
      "(SELECT count(*) FROM review_pairs), (SELECT count(*) FROM review_decisions)");
  if (!select.ok()) return select.status();
  Result<bool> row = select.value().Next("count individuals");
  if (!row.ok()) return row.status();
  IndividualsCounts counts;
  counts.person_records = select.value().ColumnInt(0);
  counts.individuals = select.value().ColumnInt(1);
  counts.review_pairs = select.value().ColumnInt(2);
  counts.decisions = select.value().ColumnInt(3);
  select.value().Reset();
  return counts;
}

Status SqliteIndividualsStore::AddDecision(const ReviewDecision& decision) {
  if (decision.key_a.empty() || decision.key_b.empty() || decision.key_a == decision.key_b) {
    return InvalidArgument("a decision needs two different records");
  }
  const bool ordered = decision.key_a < decision.key_b;
  const std::string& a = ordered ? decision.key_a : decision.key_b;
  const std::string& b = ordered ? decision.key_b : decision.key_a;
  Result<Statement> upsert = Statement::Prepare(
      db_,
      "INSERT INTO review_decisions(key_a, key_b, link, decided_at) VALUES "
      "(?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
      "ON CONFLICT(key_a, key_b) DO UPDATE SET link = excluded.link, "
      "decided_at = excluded.decided_at");
  if (!upsert.ok()) return upsert.status();
  return upsert.value()
      .BindText(1, sealer_->SealName(a))
      .BindText(2, sealer_->SealName(b))
      .BindInt(3, decision.link ? 1 : 0)
      .Run("record review decision");
}

Result<std::vector<ReviewDecision>> SqliteIndividualsStore::LoadDecisions() {
  Result<Statement> select = Statement::Prepare(
      db_, "SELECT key_a, key_b, link FROM review_decisions");
  if (!select.ok()) return select.status();
  std::vector<ReviewDecision> decisions;
  while (true) {
    Result<bool> row = select.value().Next("read review decisions");
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    Result<std::string> a = sealer_->UnsealName(select.value().ColumnText(0));
    Result<std::string> b = sealer_->UnsealName(select.value().ColumnText(1));
    if (!a.ok() || !b.ok()) {
      select.value().Reset();
      return a.ok() ? b.status() : a.status();
    }
    ReviewDecision d;
    d.key_a = std::move(a).value();
    d.key_b = std::move(b).value();
    d.link = select.value().ColumnInt(2) != 0;
    decisions.push_back(std::move(d));
  }
  // In the order of the plain keys (sealed ones sort by ciphertext).
  std::sort(decisions.begin(), decisions.end(),
            [](const ReviewDecision& x, const ReviewDecision& y) {
              return std::tie(x.key_a, x.key_b) < std::tie(y.key_a, y.key_b);
            });
  return decisions;
}

}  // namespace breachscope
