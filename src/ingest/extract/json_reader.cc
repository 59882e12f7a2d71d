#include "ingest/extract/json_reader.h"

#include <cstddef>
#include <iterator>
#include <new>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace breachscope {
namespace {

using Json = nlohmann::json;

// Fields of a top-level object held back while it is unknown whether the
// object is a FHIR Bundle. Past this, the object is read as one record.
constexpr size_t kMaxHeldBytes = size_t{1} << 20;
// NDJSON warnings beyond this are summarised, so a file of garbage lines
// cannot flood the sink.
constexpr int kMaxLineWarnings = 100;

// Input iterator over the text that publishes how far the parser has read.
// nlohmann's SAX events carry no position; knowing where the lexer stopped
// lets the handler find the token it just scanned.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* p, const char** mark) : p_(p), mark_(mark) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    *mark_ = ++p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackingIterator& other) const { return p_ == other.p_; }
  bool operator!=(const TrackingIterator& other) const { return p_ != other.p_; }

 private:
  const char* p_;
  const char** mark_;
};

bool IsNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
         c == 'e' || c == 'E';
}

// nlohmann's messages end with "; last read: '<input>'", which may quote
// personal information: keep only the fixed description before it.
std::string SafeParseMessage(const std::string& what) {
  size_t start = what.find("syntax error");
  if (start == std::string::npos) {
    return what.find("number overflow") != std::string::npos
               ? "number out of range"
               : "syntax error";
  }
  size_t end = what.find("; last read", start);
  return what.substr(start, end == std::string::npos ? end : end - start);
}

struct HeldUnit {
  std::string text, label, path;
  uint64_t offset;
};

// SAX handler: keeps the key path, decides records and feeds the sink.
// One instance reads one JSON value (a document or an NDJSON line).
class JsonHandler {
 public:
  // The value starts at `begin` inside `input`. `fixed_record` >= 0
  // puts every unit in that record (NDJSON line) and leaves OnRecordEnd to
  // the caller; -1 derives records from the document's layout.
  JsonHandler(std::string_view input, size_t begin, UnitSink& sink,
              int64_t fixed_record)
      : input_(input),
        begin_(begin),
        mark_(input.data() + begin),
        sink_(sink),
        fixed_(fixed_record >= 0),
        record_(fixed_ ? fixed_record : 0) {}

  const char** mark() { return &mark_; }
  bool too_deep() const { return too_deep_; }
  size_t error_offset() const { return error_offset_; }
  const std::string& error() const { return error_; }

  // SAX interface.
  bool null() { return Skip(); }
  bool boolean(bool) { return Skip(); }
  bool number_integer(Json::number_integer_t v) {
    return Number([v] { return std::to_string(v); });
  }
  bool number_unsigned(Json::number_unsigned_t v) {
    return Number([v] { return std::to_string(v); });
  }
  bool number_float(Json::number_float_t, const std::string& s) {
    return Number([&s] { return s; });
  }
  bool string(std::string& value) {
    Scalar(value, StringStart());
    return true;
  }
  bool binary(Json::binary_t&) { return Skip(); }
  bool key(std::string& key) {
    key_ = key;
    return true;
  }
  bool start_object(size_t) { return StartContainer(false); }
  bool end_object() { return EndContainer(); }
  bool start_array(size_t) { return StartContainer(true); }
  bool end_array() { return EndContainer(); }
  bool parse_error(size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) {
    error_offset_ = Clamp(begin_ + (position > 0 ? position - 1 : 0));
    error_ = SafeParseMessage(ex.what());
    return false;
  }

  // After a failed parse: delivers held units and closes the open record, so
  // what was read reaches the sink complete.
  void Abandon();

 private:
  enum class Top { kNone, kArray, kObject };
  struct Frame {
    bool is_array;
    bool is_entry_array;  // the "entry" array of a Bundle: elements are records
    bool opens_record;    // this container is a record; end it on close
    size_t next_index;
    size_t path_len;
    size_t label_len;
  };

  size_t Clamp(size_t offset) const { return offset < input_.size() ? offset : input_.size(); }
  size_t Consumed() const { return static_cast<size_t>(mark_ - input_.data()); }

  bool Skip();
  template <typename Fallback>
  bool Number(Fallback fallback);
  void Scalar(std::string_view text, size_t offset);
  bool StartContainer(bool is_array);
  bool EndContainer();
  bool EnterValue();
  void LeaveValue(bool opened_record);
  size_t StringStart() const;
  void Emit(std::string_view text, size_t offset);
  void Release(int64_t record);
  bool Holding() const { return !fixed_ && top_ == Top::kObject && !bundle_ && !gave_up_; }

  std::string_view input_;
  size_t begin_;
  const char* mark_;
  UnitSink& sink_;
  bool fixed_;
  int64_t record_;
  Top top_ = Top::kNone;
  bool bundle_ = false;
  bool gave_up_ = false;  // held too much: the top object is one record
  int64_t next_entry_record_ = 0;
  std::vector<Frame> frames_;
  std::string key_, path_, label_;
  std::vector<HeldUnit> held_;
  size_t held_bytes_ = 0;
  bool too_deep_ = false;
  size_t error_offset_ = 0;
  std::string error_;
};

bool JsonHandler::Skip() {
  LeaveValue(EnterValue());
  return true;
}

// Numbers are delivered as written: the text just scanned, found by walking
// back from where the lexer stopped (it reads one character past a number).
template <typename Fallback>
bool JsonHandler::Number(Fallback fallback) {
  size_t end = Consumed();
  if (end > begin_ && !IsNumberChar(input_[end - 1])) --end;
  size_t start = end;
  while (start > begin_ && IsNumberChar(input_[start - 1])) --start;
  if (start == end) {
    Scalar(fallback(), Clamp(end));
  } else {
    Scalar(input_.substr(start, end - start), start);
  }
  return true;
}

void JsonHandler::Scalar(std::string_view text, size_t offset) {
  bool opened = EnterValue();
  Emit(text, offset);
  LeaveValue(opened);
}

// Offset of a string's first character: the lexer stopped after the closing
// quote; the opening quote is the nearest quote before it that is not
// escaped (preceded by an even run of backslashes).
size_t JsonHandler::StringStart() const {
  size_t end = Consumed();
  if (end <= begin_ || input_[end - 1] != '"') return Clamp(end);
  for (size_t i = end - 1; i > begin_;) {
    --i;
    if (input_[i] != '"') continue;
    size_t slashes = 0;
    while (i - slashes > begin_ && input_[i - slashes - 1] == '\\') ++slashes;
    if (slashes % 2 == 0) return i + 1;
  }
  return begin_;
}

// Extends path and label for the value about to start and, in document
// mode, starts a record when the value is one. Returns whether it did.
bool JsonHandler::EnterValue() {
  if (frames_.empty()) {
    if (!fixed_) record_ = 0;
    return false;
  }
  Frame& parent = frames_.back();
  if (parent.is_array) {
    path_ += '[';
    path_ += std::to_string(parent.next_index);
    path_ += ']';
  } else {
    if (!path_.empty()) path_ += '.';
    path_ += key_;
    if (!label_.empty()) label_ += '.';
    label_ += key_;
  }
  if (fixed_) return false;
  if (frames_.size() == 1 && top_ == Top::kArray) {
    record_ = static_cast<int64_t>(parent.next_index);
    return true;
  }
  if (parent.is_entry_array) {
    record_ = next_entry_record_++;
    return true;
  }
  return false;
}

// Ends a scalar value: closes its record if it was one, restores the path.
void JsonHandler::LeaveValue(bool opened_record) {
  if (frames_.empty()) {
    if (!fixed_) sink_.OnRecordEnd(0);
    return;
  }
  if (opened_record) {
    sink_.OnRecordEnd(record_);
    record_ = bundle_ ? -1 : 0;
  }
  Frame& parent = frames_.back();
  // Restore the parent's path: scalars never push a frame.
  path_.resize(parent.path_len);
  label_.resize(parent.label_len);
  ++parent.next_index;
}

bool JsonHandler::StartContainer(bool is_array) {
  if (frames_.size() >= static_cast<size_t>(kMaxJsonDepth)) {
    too_deep_ = true;
    error_offset_ = Clamp(Consumed() > 0 ? Consumed() - 1 : 0);
    return false;
  }
  bool at_top = frames_.empty();
  bool entry = !fixed_ && is_array && frames_.size() == 1 &&
               top_ == Top::kObject && !gave_up_ && key_ == "entry";
  bool opened = EnterValue();
  if (at_top && !fixed_) top_ = is_array ? Top::kArray : Top::kObject;
  if (entry && !bundle_) {
    bundle_ = true;
    Release(-1);
    record_ = -1;
  }
  frames_.push_back(Frame{is_array, entry, opened, 0, path_.size(), label_.size()});
  return true;
}

bool JsonHandler::EndContainer() {
  if (frames_.empty()) return true;
  bool opened = frames_.back().opens_record;
  frames_.pop_back();
  if (frames_.empty()) {
    if (!fixed_ && top_ == Top::kObject && !bundle_) {
      Release(0);
      sink_.OnRecordEnd(0);
    }
    return true;
  }
  LeaveValue(opened);
  return true;
}

void JsonHandler::Emit(std::string_view text, size_t offset) {
  if (Holding()) {
    held_bytes_ += text.size() + label_.size() + path_.size();
    held_.push_back(HeldUnit{std::string(text), label_, path_, offset});
    if (held_bytes_ > kMaxHeldBytes) {
      gave_up_ = true;
      Release(0);
    }
    return;
  }
  TextUnit unit;
  unit.kind = UnitKind::kField;
  unit.text = text;
  unit.label = label_;
  unit.path = path_;
  unit.record = record_;
  unit.offset = offset;
  sink_.OnUnit(unit);
}

void JsonHandler::Release(int64_t record) {
  for (const HeldUnit& held : held_) {
    TextUnit unit;
    unit.kind = UnitKind::kField;
    unit.text = held.text;
    unit.label = held.label;
    unit.path = held.path;
    unit.record = record;
    unit.offset = held.offset;
    sink_.OnUnit(unit);
  }
  held_.clear();
  held_bytes_ = 0;
}

void JsonHandler::Abandon() {
  if (fixed_) return;
  for (const Frame& frame : frames_) {
    if (frame.opens_record) sink_.OnRecordEnd(record_);
  }
  if (top_ == Top::kObject && !bundle_) {
    Release(0);
    sink_.OnRecordEnd(0);
  }
  frames_.clear();
}

struct ParseOutcome {
  bool ok;
  bool too_deep;
  size_t offset;
  std::string message;
};

// Parses input[begin, end) as one JSON value. Library exceptions stop here.
ParseOutcome ParseValue(std::string_view input, size_t begin, size_t end,
                        UnitSink& sink, int64_t fixed_record) {
  JsonHandler handler(input, begin, sink, fixed_record);
  TrackingIterator first(input.data() + begin, handler.mark());
  TrackingIterator last(input.data() + end, handler.mark());
  bool ok = false;
  try {
    ok = Json::sax_parse(first, last, &handler);
  } catch (const std::bad_alloc&) {
    handler.Abandon();
    return {false, false, begin, "out of memory"};
  } catch (...) {
    handler.Abandon();
    return {false, false, begin, "unexpected parser failure"};
  }
  if (ok) return {true, false, 0, ""};
  handler.Abandon();
  if (handler.too_deep()) {
    return {false, true, handler.error_offset(), "nesting deeper than " +
                                                     std::to_string(kMaxJsonDepth)};
  }
  return {false, false, handler.error_offset(), handler.error()};
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

Status ReadNdjson(std::string_view utf8, UnitSink& sink) {
  int64_t record = 0;
  int warnings = 0;
  size_t line_number = 0;
  for (size_t begin = 0; begin < utf8.size();) {
    size_t newline = utf8.find('\n', begin);
    size_t end = newline == std::string_view::npos ? utf8.size() : newline;
    ++line_number;
    if (!IsBlank(utf8.substr(begin, end - begin))) {
      ParseOutcome outcome = ParseValue(utf8, begin, end, sink, record);
      sink.OnRecordEnd(record);
      ++record;
      if (!outcome.ok && ++warnings <= kMaxLineWarnings) {
        sink.OnWarning("NDJSON line " + std::to_string(line_number) +
                       ": invalid JSON at byte " + std::to_string(outcome.offset) +
                       ": " + outcome.message);
      }
    }
    begin = end + 1;
  }
  if (warnings > kMaxLineWarnings) {
    sink.OnWarning(std::to_string(warnings - kMaxLineWarnings) +
                   " more invalid NDJSON lines");
  }
  return Status::Ok();
}

}  // namespace

Status ReadJson(std::string_view utf8, bool ndjson, UnitSink& sink) {
  if (ndjson) return ReadNdjson(utf8, sink);
  ParseOutcome outcome = ParseValue(utf8, 0, utf8.size(), sink, -1);
  if (outcome.ok) return Status::Ok();
  return Corrupt("JSON " + outcome.message + " at byte " +
                 std::to_string(outcome.offset));
}

}  // namespace breachscope
