#include "ingest/extract/csv_reader.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

namespace breachscope {
namespace {

struct Cell {
  std::string_view text;  // trimmed; into the input or the parser's scratch
  uint64_t offset = 0;
  bool in_scratch = false;
};

enum class Event { kCell, kRowEnd, kEnd };

// Pull parser: Next() yields the cells of a row, then kRowEnd, then the next
// row, and kEnd after the last. A cell in scratch is valid until the next call.
class CsvParser {
 public:
  CsvParser(std::string_view in, char delim) : in_(in), delim_(delim) {}

  Event Next(Cell* cell) {
    if (row_done_) {
      row_done_ = in_row_ = false;
      return Event::kRowEnd;
    }
    if (!in_row_) {
      SkipBlankLines();
      if (pos_ >= in_.size()) return Event::kEnd;
      in_row_ = true;
    }
    SkipSpaces();
    *cell = (pos_ < in_.size() && in_[pos_] == '"') ? ParseQuoted() : ParseUnquoted();
    FinishCell();
    return Event::kCell;
  }

  bool unterminated() const { return unterminated_; }

 private:
  bool IsSpace(char c) const { return (c == ' ' || c == '\t') && c != delim_; }
  bool AtCellEnd() const {
    return pos_ >= in_.size() || in_[pos_] == delim_ || in_[pos_] == '\n' || in_[pos_] == '\r';
  }
  void SkipSpaces() {
    while (pos_ < in_.size() && IsSpace(in_[pos_])) ++pos_;
  }

  // Blank lines between records are not rows (RFC would make them one empty
  // cell, which only produces spurious ragged-row warnings).
  void SkipBlankLines() {
    size_t i = pos_;
    while (i < in_.size()) {
      while (i < in_.size() && IsSpace(in_[i])) ++i;
      if (i < in_.size() && (in_[i] == '\n' || in_[i] == '\r')) {
        pos_ = ++i;
      } else {
        break;
      }
    }
    if (i >= in_.size()) pos_ = in_.size();
  }

  // Consumes the delimiter or line end after a cell.
  void FinishCell() {
    if (pos_ >= in_.size()) {
      row_done_ = true;
    } else if (in_[pos_] == delim_) {
      ++pos_;
    } else {  // line end: \r\n, \n or \r
      if (in_[pos_] == '\r' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      row_done_ = true;
    }
  }

  Cell ParseUnquoted() {
    const size_t start = pos_;
    while (!AtCellEnd()) ++pos_;
    return Trimmed(in_.substr(start, pos_ - start), start, false);
  }

  // pos_ is at the opening quote. Content without doubled quotes stays a view.
  Cell ParseQuoted() {
    const size_t content = ++pos_;
    size_t content_end = in_.size();
    bool escaped = false;
    while (true) {
      const void* q = std::memchr(in_.data() + pos_, '"', in_.size() - pos_);
      if (q == nullptr) {  // unterminated: the rest of the input is the cell
        if (escaped) scratch_.append(in_.substr(pos_));
        pos_ = in_.size();
        unterminated_ = true;
        break;
      }
      const size_t at = static_cast<const char*>(q) - in_.data();
      if (at + 1 < in_.size() && in_[at + 1] == '"') {  // doubled quote
        if (!escaped) scratch_.assign(in_.substr(content, at - content));
        else scratch_.append(in_.substr(pos_, at - pos_));
        scratch_.push_back('"');
        escaped = true;
        pos_ = at + 2;
        continue;
      }
      if (escaped) scratch_.append(in_.substr(pos_, at - pos_));
      content_end = at;
      pos_ = at + 1;
      break;
    }
    // Stray text after the closing quote ("ab"cd) is kept, as spreadsheets do.
    SkipSpaces();
    if (!unterminated_ && !AtCellEnd()) {
      const size_t start = pos_;
      while (!AtCellEnd()) ++pos_;
      if (!escaped) scratch_.assign(in_.substr(content, content_end - content));
      scratch_.append(in_.substr(start, pos_ - start));
      escaped = true;
    }
    if (escaped) return Trimmed(scratch_, content, true);
    return Trimmed(in_.substr(content, content_end - content), content, false);
  }

  static Cell Trimmed(std::string_view s, uint64_t offset, bool in_scratch) {
    size_t b = 0, e = s.size();
    // Line ends are trimmed too: an unterminated quote swallows the rest of
    // the input, final newline included.
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (b < e && space(s[b])) ++b;
    while (e > b && space(s[e - 1])) --e;
    return Cell{s.substr(b, e - b), offset + b, in_scratch};
  }

  std::string_view in_;
  char delim_;
  size_t pos_ = 0;
  bool in_row_ = false;
  bool row_done_ = false;
  bool unterminated_ = false;
  std::string scratch_;
};

// A cell of one of the first two rows, held until the header is decided.
struct HeldCell {
  std::string_view view;
  std::string owned;  // used when the parser's scratch held the text
  uint64_t offset = 0;
  bool is_owned = false;
  std::string_view text() const { return is_owned ? std::string_view(owned) : view; }
};
using HeldRow = std::vector<HeldCell>;

// Reads one whole row; false at end of input.
bool ReadHeldRow(CsvParser& parser, HeldRow* row) {
  Cell cell;
  row->clear();
  for (Event e = parser.Next(&cell); e != Event::kEnd; e = parser.Next(&cell)) {
    if (e == Event::kRowEnd) return true;
    HeldCell held{cell.text, {}, cell.offset, cell.in_scratch};
    if (cell.in_scratch) held.owned.assign(cell.text);
    row->push_back(std::move(held));
  }
  return !row->empty();
}

bool IsNumericLike(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    else if (std::strchr(" +-.,/:()$%eE", c) == nullptr || c == 0) return false;
  }
  return digit;
}

bool LooksLikeLabel(std::string_view s) {
  if (s.empty() || s.size() > 64 || IsNumericLike(s)) return false;
  const unsigned char first = static_cast<unsigned char>(s[0]);
  if (!std::isalpha(first) && first != '_' && first != '#' && first < 0x80) return false;
  size_t digits = 0;
  for (char c : s) {
    if (c == '@') return false;
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
  }
  return digits * 2 <= s.size();
}

// Words that give a header away even when the data below is also text.
bool HasHeaderWord(const HeldRow& row) {
  static constexpr std::string_view kWords[] = {
      "name", "date", "dob", "birth", "phone", "email", "mail", "address", "city",
      "postal", "zip", "gender", "sex", "patient", "diagnos", "mrn", "health",
      "first", "last", "street", "province", "state", "country", "note", "comment"};
  for (const HeldCell& cell : row) {
    std::string lower(cell.text());
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "id" || lower == "sin" || lower == "age") return true;
    for (std::string_view w : kWords) {
      if (lower.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

bool IsHeader(const HeldRow& row0, const HeldRow* row1) {
  size_t nonempty = 0, labels = 0;
  std::unordered_set<std::string_view> seen;
  for (const HeldCell& cell : row0) {
    if (cell.text().empty()) continue;
    ++nonempty;
    if (IsNumericLike(cell.text())) return false;
    if (LooksLikeLabel(cell.text())) ++labels;
    if (!seen.insert(cell.text()).second) return false;  // labels are distinct
  }
  if (nonempty == 0 || labels * 5 < nonempty * 4) return false;
  if (HasHeaderWord(row0)) return true;
  if (row1 == nullptr) return false;  // a lone text row is more likely data
  for (size_t c = 0; c < row0.size() && c < row1->size(); ++c) {
    if (LooksLikeLabel(row0[c].text()) != LooksLikeLabel((*row1)[c].text())) return true;
  }
  return false;
}

// Delivers cells and checks row shapes once the header is known.
class RowEmitter {
 public:
  RowEmitter(UnitSink& sink, std::vector<std::string> labels, int64_t first_row_number)
      : sink_(sink), labels_(std::move(labels)), row_number_(first_row_number) {
    if (!labels_.empty()) expected_ = labels_.size();
  }

  void Cell(std::string_view text, uint64_t offset) {
    if (!text.empty()) {
      TextUnit unit;
      unit.kind = UnitKind::kTableCell;
      unit.text = text;
      unit.label = column_ < labels_.size() ? std::string_view(labels_[column_]) : "";
      unit.record = record_;
      unit.column = static_cast<int32_t>(column_);
      unit.offset = offset;
      sink_.OnUnit(unit);
    }
    ++column_;
  }

  void RowEnd() {
    if (expected_ == 0) expected_ = column_;
    if (column_ != expected_) {
      sink_.OnWarning("CSV row " + std::to_string(row_number_) + ": " + std::to_string(column_) +
                      " cells, expected " + std::to_string(expected_));
    }
    sink_.OnRecordEnd(record_);
    ++record_;
    ++row_number_;
    column_ = 0;
  }

  void Replay(const HeldRow& row) {
    for (const HeldCell& cell : row) Cell(cell.text(), cell.offset);
    RowEnd();
  }

  int64_t row_number() const { return row_number_; }

 private:
  UnitSink& sink_;
  std::vector<std::string> labels_;
  size_t expected_ = 0;
  size_t column_ = 0;
  int64_t record_ = 0;
  int64_t row_number_;
};

}  // namespace

Status ReadCsv(std::string_view utf8, char delimiter, UnitSink& sink) {
  CsvParser parser(utf8, delimiter);
  HeldRow row0, row1;
  if (!ReadHeldRow(parser, &row0)) return Status::Ok();
  const bool has_row1 = ReadHeldRow(parser, &row1);
  const bool header = IsHeader(row0, has_row1 ? &row1 : nullptr);

  std::vector<std::string> labels;
  if (header) {
    for (const HeldCell& cell : row0) labels.emplace_back(cell.text());
  }
  RowEmitter emitter(sink, std::move(labels), header ? 2 : 1);
  if (!header) emitter.Replay(row0);
  if (has_row1) emitter.Replay(row1);

  Cell cell;
  for (Event e = parser.Next(&cell); e != Event::kEnd; e = parser.Next(&cell)) {
    if (e == Event::kCell) emitter.Cell(cell.text, cell.offset);
    else emitter.RowEnd();
  }
  if (parser.unterminated()) {
    return Corrupt("CSV row " + std::to_string(emitter.row_number() - 1) +
                   ": unterminated quote");
  }
  return Status::Ok();
}

}  // namespace breachscope
