#include "ingest/extract/sql_dump_reader.h"

#include <cctype>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace breachscope {
namespace {

bool IsIdentChar(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Unescapes one backslash sequence of a MySQL string or a pg COPY field.
// `p` is at the backslash; returns the position after the sequence.
size_t AppendEscape(std::string_view s, size_t p, std::string* out) {
  static constexpr std::string_view kFrom = "nrtbfvZ";
  static constexpr std::string_view kTo = "\n\r\t\b\f\v\x1A";
  if (p + 1 >= s.size()) return s.size();
  const char c = s[p + 1];
  if (const size_t k = kFrom.find(c); k != std::string_view::npos) {
    out->push_back(kTo[k]);
    return p + 2;
  }
  if (c >= '0' && c <= '7') {  // \0 (MySQL NUL) and pg octal \ooo alike
    int value = 0;
    size_t q = p + 1;
    for (; q < s.size() && q < p + 4 && s[q] >= '0' && s[q] <= '7'; ++q) value = value * 8 + (s[q] - '0');
    out->push_back(static_cast<char>(value));
    return q;
  }
  out->push_back(c);  // \\ \' \" and unknown escapes: the character itself
  return p + 2;
}

class SqlDumpReader {
 public:
  SqlDumpReader(std::string_view in, UnitSink& sink) : in_(in), sink_(sink) {
    const std::string_view head = in.substr(0, 8192);
    if (head.find("PostgreSQL database dump") != std::string_view::npos ||
        head.find("standard_conforming_strings = on") != std::string_view::npos) {
      backslash_escapes_ = false;
    }
  }

  void Run() {
    while (true) {
      SkipSpaceAndComments();
      if (pos_ >= in_.size()) return;
      if (in_[pos_] == ';') { ++pos_; continue; }
      const size_t start = pos_;
      bool ok = true;
      if (MatchKeyword("INSERT") || MatchKeyword("REPLACE")) ok = ParseInsert();
      else if (MatchKeyword("CREATE")) ok = ParseCreate();
      else if (MatchKeyword("COPY")) ok = ParseCopy();
      else SkipStatement();
      if (!ok) {
        sink_.OnWarning("SQL statement at offset " + std::to_string(start) +
                        " is malformed; skipped to the next statement");
        pos_ = start + 1;
        SkipStatement();
      }
    }
  }

 private:
  bool AtEnd() const { return pos_ >= in_.size(); }
  char Peek() const { return AtEnd() ? '\0' : in_[pos_]; }

  void SkipToLineEnd() {
    const size_t nl = in_.find('\n', pos_);
    pos_ = nl == std::string_view::npos ? in_.size() : nl + 1;
  }

  void SkipSpaceAndComments() {
    while (!AtEnd()) {
      const char c = in_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (in_.compare(pos_, 2, "--") == 0 || c == '#') {
        SkipToLineEnd();
      } else if (in_.compare(pos_, 2, "/*") == 0) {
        const size_t end = in_.find("*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? in_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  // True when `kw` (any case) is at `p` as a whole word.
  bool KeywordAt(size_t p, std::string_view kw) const {
    if (in_.size() - p < kw.size() || !EqualsNoCase(in_.substr(p, kw.size()), kw)) return false;
    return p + kw.size() == in_.size() || !IsIdentChar(in_[p + kw.size()]);
  }

  bool MatchKeyword(std::string_view kw) {
    SkipSpaceAndComments();
    if (!KeywordAt(pos_, kw)) return false;
    pos_ += kw.size();
    return true;
  }

  // A bare or quoted (`x`, "x", [x]) identifier.
  bool ReadIdentifier(std::string* out, bool* quoted = nullptr) {
    SkipSpaceAndComments();
    const char c = Peek();
    if (c == '`' || c == '"' || c == '[') {
      const char close = c == '[' ? ']' : c;
      out->clear();
      for (++pos_; !AtEnd(); ++pos_) {
        if (in_[pos_] == close) {
          if (pos_ + 1 < in_.size() && in_[pos_ + 1] == close) { out->push_back(close); ++pos_; continue; }
          ++pos_;
          if (quoted) *quoted = true;
          return true;
        }
        out->push_back(in_[pos_]);
      }
      return false;
    }
    const size_t start = pos_;
    while (!AtEnd() && IsIdentChar(in_[pos_])) ++pos_;
    if (pos_ == start) return false;
    out->assign(in_.substr(start, pos_ - start));
    if (quoted) *quoted = false;
    return true;
  }

  // schema.table → table.
  bool ReadTableName(std::string* table) {
    if (!ReadIdentifier(table)) return false;
    while (Peek() == '.') {
      ++pos_;
      if (!ReadIdentifier(table)) return false;
    }
    return true;
  }

  bool ReadColumnList(std::vector<std::string>* columns) {
    ++pos_;  // '('
    std::string name;
    while (ReadIdentifier(&name)) {
      columns->push_back(name);
      SkipSpaceAndComments();
      if (Peek() == ')') { ++pos_; return true; }
      if (Peek() != ',') return false;
      ++pos_;
    }
    return false;
  }

  // True when the line at pos_ starts a statement this reader reads. Only
  // blanks are skipped: skipping comments here could rescan an unterminated
  // /* to the end of the input once per line.
  bool AtDataStatement() const {
    size_t p = pos_;
    while (p < in_.size() && (in_[p] == ' ' || in_[p] == '\t' || in_[p] == '\r')) ++p;
    return KeywordAt(p, "INSERT") || KeywordAt(p, "REPLACE") || KeywordAt(p, "COPY") ||
           KeywordAt(p, "CREATE");
  }

  // Past the next ';' outside quotes. Quotes are tracked within a line only,
  // and a line starting with INSERT/COPY/CREATE ends the skip, so one stray
  // apostrophe in garbage cannot swallow the statements after it.
  void SkipStatement() {
    char quote = 0;
    while (!AtEnd()) {
      const char c = in_[pos_++];
      if (c == '\n') {
        quote = 0;
        if (AtDataStatement()) return;
      } else if (quote != 0) {
        if (c == '\\' && backslash_escapes_ && !AtEnd() && in_[pos_] != '\n') ++pos_;
        else if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == ';') {
        return;
      }
    }
  }

  // Past the end of a value or column definition: the next ',' or ')' at
  // depth 0, outside quotes. False at end of input.
  bool SkipToItemEnd() {
    int depth = 0;
    while (!AtEnd()) {
      const char c = in_[pos_];
      if (c == '\'' || c == '"' || c == '`') {
        if (!ReadQuoted(nullptr, nullptr, backslash_escapes_ && c != '`')) return false;
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')' && depth-- == 0) return true;
      if (c == ',' && depth == 0) return true;
      ++pos_;
    }
    return false;
  }

  // A quoted literal at pos_ (quote char = in_[pos_]). Sets *text to the
  // unescaped content (a view into the input when nothing was escaped) and
  // *offset to the first content byte. False when it never closes.
  bool ReadQuoted(std::string_view* text, uint64_t* offset, bool escapes) {
    const char quote = in_[pos_];
    const size_t start = ++pos_;
    bool copied = false;
    size_t run = start;  // start of the not yet copied run
    while (!AtEnd()) {
      const char c = in_[pos_];
      if (c == quote && pos_ + 1 < in_.size() && in_[pos_ + 1] == quote) {
        if (text) { if (!copied) scratch_.clear(); scratch_.append(in_.substr(run, pos_ + 1 - run)); }
        copied = true;
        pos_ += 2;
        run = pos_;
      } else if (c == quote) {
        if (text) {
          if (copied) scratch_.append(in_.substr(run, pos_ - run));
          *text = copied ? std::string_view(scratch_) : in_.substr(start, pos_ - start);
          *offset = start;
        }
        ++pos_;
        return true;
      } else if (c == '\\' && escapes) {
        if (text) { if (!copied) scratch_.clear(); scratch_.append(in_.substr(run, pos_ - run)); }
        pos_ = AppendEscape(in_, pos_, text ? &scratch_ : &discard_);
        discard_.clear();
        copied = true;
        run = pos_;
      } else {
        ++pos_;
      }
    }
    return false;
  }

  bool ParseInsert() {
    while (MatchKeyword("IGNORE") || MatchKeyword("LOW_PRIORITY") ||
           MatchKeyword("DELAYED") || MatchKeyword("HIGH_PRIORITY")) {
    }
    MatchKeyword("INTO");
    std::string table;
    if (!ReadTableName(&table)) return false;
    std::vector<std::string> columns;
    SkipSpaceAndComments();
    if (Peek() == '(' && !ReadColumnList(&columns)) return false;
    if (!MatchKeyword("VALUES") && !MatchKeyword("VALUE")) {
      SkipStatement();  // INSERT ... SELECT / SET: no literal rows
      return true;
    }
    if (columns.empty()) {
      if (auto it = table_columns_.find(table); it != table_columns_.end()) columns = it->second;
    }
    while (true) {
      SkipSpaceAndComments();
      if (Peek() != '(') return false;
      ++pos_;
      if (!ParseTuple(table, columns)) return false;
      SkipSpaceAndComments();
      if (Peek() == ',') { ++pos_; continue; }
      if (Peek() == ';') { ++pos_; return true; }
      SkipStatement();  // ON DUPLICATE KEY UPDATE, RETURNING, ...
      return true;
    }
  }

  bool ParseTuple(const std::string& table, const std::vector<std::string>& columns) {
    int64_t& next = next_record_[table];
    const int64_t record = next++;
    bool ok = true;
    for (int32_t column = 0; ok; ++column) {
      SkipSpaceAndComments();
      if (column == 0 && Peek() == ')') { ++pos_; break; }
      ok = ParseValue(table, columns, record, column);
      SkipSpaceAndComments();
      if (!ok || AtEnd()) { ok = false; break; }
      if (in_[pos_++] == ')') break;
      if (in_[pos_ - 1] != ',') ok = false;
    }
    sink_.OnRecordEnd(record);
    return ok;
  }

  bool ParseValue(const std::string& table, const std::vector<std::string>& columns,
                  int64_t record, int32_t column) {
    std::string_view text;
    uint64_t offset = pos_;
    bool escapes = backslash_escapes_;
    const size_t start = pos_;
    while (!AtEnd() && std::isalnum(static_cast<unsigned char>(in_[pos_]))) ++pos_;
    while (!AtEnd() && in_[pos_] == '_') {  // charset introducer: _utf8mb4'..'
      ++pos_;
      while (!AtEnd() && IsIdentChar(in_[pos_])) ++pos_;
    }
    const std::string_view prefix = in_.substr(start, pos_ - start);
    if (Peek() == '\'' || (prefix.empty() && Peek() == '"')) {
      if (EqualsNoCase(prefix, "E")) escapes = true;
      if (!ReadQuoted(&text, &offset, escapes)) return false;
      // Skips 'x'::date and similar suffixes; it leaves scratch_ (and so
      // `text`) untouched.
      SkipSpaceAndComments();
      if (!SkipToItemEnd()) return false;
      Deliver(text, table, columns, record, column, offset);
      return true;
    }
    pos_ = start;
    if (!SkipToItemEnd()) return false;
    text = in_.substr(start, pos_ - start);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (!EqualsNoCase(text, "NULL")) Deliver(text, table, columns, record, column, start);
    return true;
  }

  void Deliver(std::string_view text, std::string_view table, const std::vector<std::string>& columns,
               int64_t record, int32_t column, uint64_t offset) {
    if (text.empty()) return;
    TextUnit unit;
    unit.kind = UnitKind::kTableCell;
    unit.text = text;
    unit.table = table;
    unit.label = static_cast<size_t>(column) < columns.size() ? std::string_view(columns[column]) : "";
    unit.record = record;
    unit.column = column;
    unit.offset = offset;
    sink_.OnUnit(unit);
  }

  bool ParseCreate() {
    (void)(MatchKeyword("TEMPORARY") || MatchKeyword("UNLOGGED"));
    if (!MatchKeyword("TABLE")) { SkipStatement(); return true; }
    if (MatchKeyword("IF")) { MatchKeyword("NOT"); MatchKeyword("EXISTS"); }
    std::string table;
    if (!ReadTableName(&table)) return false;
    SkipSpaceAndComments();
    if (Peek() != '(') { SkipStatement(); return true; }  // AS SELECT, LIKE
    ++pos_;
    std::vector<std::string> columns;
    std::string name;
    while (true) {
      bool quoted = false;
      if (ReadIdentifier(&name, &quoted) && (quoted || !IsConstraintKeyword(name))) {
        columns.push_back(name);
      }
      if (!SkipToItemEnd()) return false;
      if (in_[pos_++] == ')') break;
    }
    table_columns_[table] = std::move(columns);
    SkipStatement();  // table options
    return true;
  }

  static bool IsConstraintKeyword(std::string_view word) {
    for (std::string_view kw : {"PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FOREIGN",
                                "CHECK", "FULLTEXT", "SPATIAL", "EXCLUDE", "LIKE", "PERIOD"}) {
      if (EqualsNoCase(word, kw)) return true;
    }
    return false;
  }

  bool ParseCopy() {
    backslash_escapes_ = false;  // COPY means PostgreSQL
    std::string table;
    if (!ReadTableName(&table)) return false;
    std::vector<std::string> columns;
    SkipSpaceAndComments();
    if (Peek() == '(' && !ReadColumnList(&columns)) return false;
    if (!MatchKeyword("FROM") || !MatchKeyword("stdin")) { SkipStatement(); return true; }
    SkipToLineEnd();  // options and ';' up to the data
    if (columns.empty()) {
      if (auto it = table_columns_.find(table); it != table_columns_.end()) columns = it->second;
    }
    int64_t& next = next_record_[table];
    while (!AtEnd()) {
      const size_t nl = in_.find('\n', pos_);
      const size_t end = nl == std::string_view::npos ? in_.size() : nl;
      std::string_view line = in_.substr(pos_, end - pos_);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const size_t line_start = pos_;
      pos_ = nl == std::string_view::npos ? in_.size() : nl + 1;
      if (line == "\\.") return true;
      if (line.empty()) continue;
      const int64_t record = next++;
      ParseCopyRow(line, line_start, table, columns, record);
      sink_.OnRecordEnd(record);
    }
    sink_.OnWarning("SQL COPY data for a table ends without \\.");
    return true;
  }

  void ParseCopyRow(std::string_view line, size_t base, const std::string& table,
                    const std::vector<std::string>& columns, int64_t record) {
    int32_t column = 0;
    size_t p = 0;
    while (p <= line.size()) {
      size_t tab = line.find('\t', p);
      if (tab == std::string_view::npos) tab = line.size();
      const std::string_view field = line.substr(p, tab - p);
      if (field != "\\N") {
        if (field.find('\\') == std::string_view::npos) {
          Deliver(field, table, columns, record, column, base + p);
        } else {
          scratch_.clear();
          for (size_t i = 0; i < field.size();) {
            if (field[i] == '\\') i = AppendEscape(field, i, &scratch_);
            else scratch_.push_back(field[i++]);
          }
          Deliver(scratch_, table, columns, record, column, base + p);
        }
      }
      ++column;
      p = tab + 1;
    }
  }

  std::string_view in_;
  UnitSink& sink_;
  size_t pos_ = 0;
  bool backslash_escapes_ = true;  // MySQL strings; PostgreSQL turns it off
  std::string scratch_;
  std::string discard_;
  std::unordered_map<std::string, std::vector<std::string>> table_columns_;
  std::unordered_map<std::string, int64_t> next_record_;
};

}  // namespace

Status ReadSqlDump(std::string_view utf8, UnitSink& sink) {
  SqlDumpReader(utf8, sink).Run();
  return Status::Ok();
}

}  // namespace breachscope
