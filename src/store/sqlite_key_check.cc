#include "store/sqlite_key_check.h"

#include <string>

#include "store/sqlite_statement.h"

namespace breachscope::sqlite {
namespace {

std::string ToHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0xf];
  }
  return out;
}

bool FromHex(std::string_view hex, std::string* out) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  if (hex.size() % 2 != 0) return false;
  out->clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
  }
  return true;
}

// The stored check, or "" when the case has none yet.
Result<std::string> ReadKeyCheck(sqlite3* db) {
  return QueryText(db, "SELECT value FROM meta WHERE key = 'key_check'",
                   "read key check");
}

}  // namespace

Status WriteKeyCheck(sqlite3* db, const Sealer& sealer) {
  Result<Statement> stmt = Statement::Prepare(
      db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('key_check', ?1)");
  if (!stmt.ok()) return stmt.status();
  return stmt.value()
      .BindText(1, ToHex(sealer.Seal(kKeyCheckText)))
      .Run("write key check");
}

Status CheckOrRecordKey(sqlite3* db, const Sealer& sealer) {
  Result<std::string> hex = ReadKeyCheck(db);
  if (!hex.ok()) return hex.status();
  if (hex.value().empty()) return WriteKeyCheck(db, sealer);
  std::string sealed;
  if (!FromHex(hex.value(), &sealed)) return Corrupt("case key check is damaged");
  Result<std::string> plain = sealer.Unseal(sealed);
  if (!plain.ok() || plain.value() != kKeyCheckText) {
    return Encrypted(
        "the key does not open this case (wrong key file, or the case was "
        "rekeyed)");
  }
  return {};
}

}  // namespace breachscope::sqlite
