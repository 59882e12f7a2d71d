// Helpers shared by the store tests (header-only: every .cc in this folder
// that is not a test goes into the library).
#ifndef BREACHSCOPE_STORE_STORE_TEST_UTIL_H_
#define BREACHSCOPE_STORE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "store/case_store.h"
#include "store/sealer.h"

namespace breachscope::testing {

// A fresh directory under the system temp folder, removed at destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "store_test.XXXXXX").string();
    char* made = ::mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // The case folder used by most tests: not created yet, so opening a store
  // also exercises folder creation.
  std::string case_dir() const { return path_ + "/case"; }

 private:
  std::string path_;
};

// Sealer that visibly transforms values: "sealed:" + the bytes reversed.
// Lets tests tell sealed from plain bytes in the database file.
class ReversingSealer final : public Sealer {
 public:
  std::string_view scheme() const override { return "test-reverse"; }
  std::string Seal(std::string_view plain) const override {
    return "sealed:" + std::string(plain.rbegin(), plain.rend());
  }
  Result<std::string> Unseal(std::string_view sealed) const override {
    constexpr std::string_view kPrefix = "sealed:";
    if (sealed.substr(0, kPrefix.size()) != kPrefix) {
      return Corrupt("not sealed by test-reverse");
    }
    sealed.remove_prefix(kPrefix.size());
    return std::string(sealed.rbegin(), sealed.rend());
  }
  std::string Hash(std::string_view plain) const override {
    return NewPlainSealer()->Hash(plain);
  }
  // The context follows as "|context", so a value sealed under one does
  // not open under another.
  void SealAppendFor(std::string_view context, std::string_view plain,
                     std::string* out) const override {
    out->append(Seal(plain));
    if (!context.empty()) out->append("|").append(context);
  }
  Status UnsealFor(std::string_view context, std::string_view sealed,
                   std::string* out) const override {
    const std::string suffix = context.empty() ? "" : "|" + std::string(context);
    if (sealed.size() < suffix.size() ||
        sealed.substr(sealed.size() - suffix.size()) != suffix) {
      return Corrupt("not sealed by test-reverse under this context");
    }
    Result<std::string> plain =
        Unseal(sealed.substr(0, sealed.size() - suffix.size()));
    if (!plain.ok()) return plain.status();
    *out = std::move(plain).value();
    return {};
  }
};

inline std::unique_ptr<CaseStore> OpenStore(
    const std::string& dir, std::unique_ptr<Sealer> sealer = nullptr) {
  if (sealer == nullptr) sealer = NewPlainSealer();
  Result<std::unique_ptr<CaseStore>> store =
      OpenSqliteCaseStore(dir, std::move(sealer));
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

inline Finding MakeFinding(std::string category, std::string value,
                           int64_t record = -1) {
  Finding f;
  f.category = std::move(category);
  f.detector = "test";
  f.value = value;
  f.normalized = value;
  f.confidence = 0.75;
  f.explanation = "test detector";
  f.location.record = record;
  f.location.offset = 10;
  return f;
}

inline ItemRecord MakeItem(std::string name, std::string source,
                           std::string format = "csv", uint64_t bytes = 100) {
  ItemRecord item;
  item.name = std::move(name);
  item.source = std::move(source);
  item.format = std::move(format);
  item.bytes = bytes;
  item.units = 4;
  return item;
}

// One line with every field of a stored finding, for whole-case equality.
inline std::string Describe(const StoredFinding& s) {
  const Finding& f = s.finding;
  const Location& l = f.location;
  std::ostringstream out;
  out << s.source << '#' << s.seq << '|' << f.category << '|' << f.detector
      << '|' << f.value << '|' << f.normalized << '|' << f.confidence << '|'
      << f.explanation << '|' << RoleName(f.role) << '|'
      << static_cast<int>(l.kind) << '|' << l.record << '|' << l.column << '|'
      << l.label << '|' << l.path << '|' << l.table << '|' << l.offset << '|'
      << s.location_text;
  return out.str();
}

inline std::vector<std::string> AllFindings(CaseStore& store) {
  std::vector<std::string> out;
  Status st = store.ForEachFinding(
      [&](const StoredFinding& s) { out.push_back(Describe(s)); });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

// The one integer `sql` yields on the case in `case_dir`, read by a
// connection of its own (so it sees committed rows only).
inline int64_t CaseInt(const std::string& case_dir, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2((case_dir + "/case.db").c_str(), &db,
                            SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sql;
  EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW) << sql;
  const int64_t value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

// (value_hash, `column`) of every findings row of the case in `case_dir`,
// sorted: what tests of the look-up hash compare (no reader returns it).
inline std::vector<std::pair<std::string, int64_t>> StoredHashes(
    const std::string& case_dir, const std::string& column) {
  std::vector<std::pair<std::string, int64_t>> out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2((case_dir + "/case.db").c_str(), &db,
                            SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(
                db, ("SELECT value_hash, " + column + " FROM findings").c_str(),
                -1, &stmt, nullptr),
            SQLITE_OK);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out.emplace_back(
        std::string(static_cast<const char*>(sqlite3_column_blob(stmt, 0)),
                    sqlite3_column_bytes(stmt, 0)),
        sqlite3_column_int64(stmt, 1));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace breachscope::testing

#endif  // BREACHSCOPE_STORE_STORE_TEST_UTIL_H_
