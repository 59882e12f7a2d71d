#include "ingest/extract/hl7_reader.h"

#include <cctype>

#include <charconv>
#include <new>
#include <optional>
#include <string>
#include <unordered_map>

namespace breachscope {
namespace {

// Warnings beyond this are summarised, so garbage cannot flood the sink.
constexpr int kMaxWarnings = 100;
constexpr int kNone = -1;  // a separator the message does not define

struct Separators {
  int field = '|';
  int component = '^';
  int repetition = '~';
  int escape = '\\';
  int subcomponent = '&';
  int truncation = kNone;
};

bool IsAlnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// A separator must be a visible, non-alphanumeric ASCII character.
bool IsValidSeparator(char c) { return c > ' ' && c < 0x7f && !IsAlnum(c); }

bool IsSegmentId(std::string_view id) {
  if (id.size() != 3 || id[0] < 'A' || id[0] > 'Z') return false;
  for (char c : id.substr(1)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool IsHeaderSegment(std::string_view line) {
  std::string_view id = line.substr(0, 3);
  return id == "MSH" || id == "FHS" || id == "BHS";
}

// Reads MSH-1 and MSH-2 (or FHS/BHS-1 and -2). nullopt when they cannot be
// separators: missing, alphanumeric, repeated.
std::optional<Separators> ReadSeparators(std::string_view line) {
  if (line.size() < 4 || !IsValidSeparator(line[3])) return std::nullopt;
  Separators s;
  s.field = line[3];
  std::string_view enc = line.substr(4);
  enc = enc.substr(0, enc.find(line[3]));
  if (enc.size() > 5) return std::nullopt;
  int* slots[] = {&s.component, &s.repetition, &s.escape, &s.subcomponent,
                  &s.truncation};
  std::string seen(1, line[3]);
  for (size_t i = 0; i < 5; ++i) {
    if (i >= enc.size()) {
      *slots[i] = kNone;
      continue;
    }
    char c = enc[i];
    if (!IsValidSeparator(c) || seen.find(c) != std::string::npos) return std::nullopt;
    seen += c;
    *slots[i] = c;
  }
  return s;
}

// Appends the decimal digits of `value` (>= 0) without a temporary string.
std::string& AppendInt(int value, std::string* out) {
  char digits[12];
  auto [end, ec] = std::to_chars(digits, digits + sizeof(digits), value);
  (void)ec;
  out->append(digits, end);
  return *out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// \Xhh...\: the bytes, kept when they are UTF-8, else read as Latin-1 so the
// unit stays valid UTF-8.
bool AppendHex(std::string_view hex, std::string* out) {
  if (hex.size() % 2 != 0) return false;
  std::string bytes;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexValue(hex[i]), lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    bytes += static_cast<char>(hi * 16 + lo);
  }
  if (IsValidUtf8(bytes)) {
    *out += bytes;
    return true;
  }
  for (unsigned char b : bytes) {
    if (b < 0x80) {
      *out += static_cast<char>(b);
    } else {
      *out += static_cast<char>(0xC0 | (b >> 6));
      *out += static_cast<char>(0x80 | (b & 0x3F));
    }
  }
  return true;
}

// Formatting commands of formatted text (FT): \.br\ \.sp n\ \.in n\ ...
bool AppendFormatting(std::string_view command, std::string* out) {
  if (command.size() < 2) return false;
  std::string_view name = command.substr(0, 2);
  std::string_view arg = command.substr(2);
  size_t digits = arg.find_first_not_of(" +-0123456789");
  if (digits != std::string_view::npos) return false;
  if (name == "br" || name == "sp") {
    *out += '\n';
    return true;
  }
  return name == "fi" || name == "nf" || name == "in" || name == "ti" ||
         name == "sk" || name == "ce";
}

// Appends what the escape sequence `seq` (between escape characters) stands
// for; false when it is not one we know.
bool AppendEscape(std::string_view seq, const Separators& s, std::string* out) {
  auto put = [out](int sep) {
    if (sep == kNone) return false;
    *out += static_cast<char>(sep);
    return true;
  };
  if (seq == "F") return put(s.field);
  if (seq == "S") return put(s.component);
  if (seq == "T") return put(s.subcomponent);
  if (seq == "R") return put(s.repetition);
  if (seq == "E") return put(s.escape);
  if (seq == "P") return put(s.truncation);
  if (seq == "H" || seq == "N") return true;  // highlighting on/off
  if (!seq.empty() && seq[0] == 'X') return AppendHex(seq.substr(1), out);
  if (!seq.empty() && seq[0] == '.') return AppendFormatting(seq.substr(1), out);
  return false;
}

// Resolves escapes of `raw` into *out. Returns false when some escape was
// unknown or unterminated (it is then kept as written).
bool Unescape(std::string_view raw, const Separators& s, std::string* out) {
  out->clear();
  bool all_known = true;
  char esc = static_cast<char>(s.escape);
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != esc) {
      *out += raw[i];
      continue;
    }
    size_t close = raw.find(esc, i + 1);
    if (close == std::string_view::npos) {
      out->append(raw.substr(i));
      return false;
    }
    if (!AppendEscape(raw.substr(i + 1, close - i - 1), s, out)) {
      out->append(raw.substr(i, close - i + 1));
      all_known = false;
    }
    i = close;
  }
  return all_known;
}

class Hl7Reader {
 public:
  Hl7Reader(std::string_view input, UnitSink& sink) : input_(input), sink_(sink) {}
  Status Run();

 private:
  Status HandleLine(std::string_view line, size_t start);
  void StartMessage(const Separators& seps);
  void ReadSegment(std::string_view line, size_t start);
  void ReadField(std::string_view field, size_t start, int number);
  void SetQualifier(std::string_view rep);
  void ReadComponent(std::string_view comp, size_t start, int rep, int comp_index);
  void Emit(std::string_view raw, size_t start, int rep, int comp, int sub);
  void Warn(const std::string& message);

  std::string_view input_;
  UnitSink& sink_;
  Separators seps_;
  size_t line_number_ = 0;
  bool seen_segment_ = false;
  bool skipping_ = false;  // after an MSH whose separators are unusable
  int64_t message_ = -1;
  std::string segment_id_;
  int occurrence_ = 0;
  std::unordered_map<std::string, int> occurrences_;
  std::string label_, field_path_, path_, text_, qualifier_;
  int warnings_ = 0;
};

Status Hl7Reader::Run() {
  for (size_t pos = 0; pos < input_.size();) {
    size_t end = input_.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = input_.size();
    ++line_number_;
    size_t start = pos;
    std::string_view line = input_.substr(pos, end - pos);
    // MLLP frames wrap messages in 0x0B ... 0x1C.
    while (!line.empty() && (line.front() == '\x0b' || line.front() == '\x1c')) {
      line.remove_prefix(1);
      ++start;
    }
    while (!line.empty() && (line.back() == '\x1c' || line.back() == ' ' ||
                             line.back() == '\t')) {
      line.remove_suffix(1);
    }
    pos = end + ((end + 1 < input_.size() && input_[end] == '\r' &&
                  input_[end + 1] == '\n') ? 2 : 1);
    if (!line.empty()) BS_RETURN_IF_ERROR(HandleLine(line, start));
  }
  if (message_ >= 0) sink_.OnRecordEnd(message_);
  if (warnings_ > kMaxWarnings) {
    sink_.OnWarning("HL7: " + std::to_string(warnings_ - kMaxWarnings) +
                    " more warnings");
  }
  if (message_ < 0) return Corrupt("HL7: no valid MSH segment");
  return Status::Ok();
}

Status Hl7Reader::HandleLine(std::string_view line, size_t start) {
  if (!seen_segment_) {
    if (!IsHeaderSegment(line) || !ReadSeparators(line)) {
      return Corrupt("not HL7 v2: input does not begin with a valid MSH, FHS or BHS segment");
    }
    seen_segment_ = true;
  }
  std::string_view id = line.substr(0, 3);
  if (id == "MSH") {
    std::optional<Separators> seps = ReadSeparators(line);
    if (!seps) {
      Warn("HL7 line " + std::to_string(line_number_) +
           ": MSH with unusable separators; message skipped");
      skipping_ = true;
      return Status::Ok();
    }
    StartMessage(*seps);
  } else if (id == "FHS" || id == "BHS") {
    if (std::optional<Separators> seps = ReadSeparators(line)) seps_ = *seps;
    return Status::Ok();
  }
  if (!IsSegmentId(id) || (line.size() > 3 && line[3] != static_cast<char>(seps_.field))) {
    Warn("HL7 line " + std::to_string(line_number_) + ": not a segment; skipped");
    return Status::Ok();
  }
  if (id == "BTS" || id == "FTS" || skipping_) return Status::Ok();
  if (message_ < 0) {
    Warn("HL7 line " + std::to_string(line_number_) + ": segment before MSH; skipped");
    return Status::Ok();
  }
  ReadSegment(line, start);
  return Status::Ok();
}

void Hl7Reader::StartMessage(const Separators& seps) {
  if (message_ >= 0) sink_.OnRecordEnd(message_);
  ++message_;
  seps_ = seps;
  skipping_ = false;
  occurrences_.clear();
}

void Hl7Reader::ReadSegment(std::string_view line, size_t start) {
  segment_id_ = line.substr(0, 3);
  occurrence_ = ++occurrences_[segment_id_];
  if (line.size() <= 4) return;
  bool msh = segment_id_ == "MSH";
  char sep = static_cast<char>(seps_.field);
  // Fields start after "SEG|". For MSH that first field is MSH-2 (the
  // encoding characters), since MSH-1 is the separator itself.
  int number = msh ? 2 : 1;
  for (size_t pos = 4;; ++number) {
    size_t end = line.find(sep, pos);
    if (end == std::string_view::npos) end = line.size();
    if (!(msh && number == 2)) ReadField(line.substr(pos, end - pos), start + pos, number);
    if (end == line.size()) break;
    pos = end + 1;
  }
}

// A short code of letters and digits: an identifier type or authority.
bool IsCodeLike(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

// Splits `raw` on `sep` (kNone: no split) and calls fn(part, offset, index).
template <typename Fn>
void SplitOn(std::string_view raw, int sep, size_t start, Fn fn) {
  int index = 1;
  for (size_t pos = 0;; ++index) {
    size_t end = sep == kNone ? std::string_view::npos : raw.find(static_cast<char>(sep), pos);
    if (end == std::string_view::npos) end = raw.size();
    fn(raw.substr(pos, end - pos), start + pos, index);
    if (end == raw.size()) break;
    pos = end + 1;
  }
}

void Hl7Reader::ReadField(std::string_view field, size_t start, int number) {
  if (field.empty()) return;
  label_ = segment_id_;
  AppendInt(number, &(label_ += '-'));
  field_path_ = segment_id_;
  if (occurrence_ > 1) AppendInt(occurrence_, &(field_path_ += '(')) += ')';
  AppendInt(number, &(field_path_ += '-'));
  SplitOn(field, seps_.repetition, start, [&](std::string_view rep, size_t at, int r) {
    SetQualifier(rep);
    SplitOn(rep, seps_.component, at, [&](std::string_view comp, size_t cat, int c) {
      ReadComponent(comp, cat, r, c);
    });
  });
}

// An identifier (CX) repetition names its type in component 5 and its
// assigning authority in component 4, after the value in component 1: keep
// both for every unit of the repetition ("JHN SK"), so a health number in
// PID-3 is not mistaken for a record number.
void Hl7Reader::SetQualifier(std::string_view rep) {
  qualifier_.clear();
  if (seps_.component == kNone) return;
  std::string_view parts[5];
  int count = 0;
  SplitOn(rep, seps_.component, 0, [&](std::string_view comp, size_t, int c) {
    if (c <= 5) parts[c - 1] = comp;
    count = c;
  });
  if (count < 5 || !IsCodeLike(parts[4])) return;
  qualifier_ = parts[4];
  std::string_view authority = parts[3];
  if (seps_.subcomponent != kNone) {
    authority = authority.substr(0, authority.find(static_cast<char>(seps_.subcomponent)));
  }
  if (IsCodeLike(authority)) (qualifier_ += ' ') += authority;
}

void Hl7Reader::ReadComponent(std::string_view comp, size_t start, int rep,
                              int comp_index) {
  if (comp.empty()) return;
  if (seps_.subcomponent == kNone ||
      comp.find(static_cast<char>(seps_.subcomponent)) == std::string_view::npos) {
    Emit(comp, start, rep, comp_index, 0);
    return;
  }
  SplitOn(comp, seps_.subcomponent, start, [&](std::string_view sub, size_t at, int s) {
    if (!sub.empty()) Emit(sub, at, rep, comp_index, s);
  });
}

void Hl7Reader::Emit(std::string_view raw, size_t start, int rep, int comp,
                     int sub) {
  if (raw == "\"\"") return;  // HL7 null: "delete this value"
  // label_ and field_path_ were set once for the field by ReadField.
  path_ = field_path_;
  AppendInt(rep, &(path_ += '['));
  AppendInt(comp, &(path_ += "]."));
  if (sub > 0) AppendInt(sub, &(path_ += '.'));
  std::string_view text = raw;
  if (seps_.escape != kNone &&
      raw.find(static_cast<char>(seps_.escape)) != std::string_view::npos) {
    if (!Unescape(raw, seps_, &text_)) {
      Warn("HL7 message " + std::to_string(message_) + ", " + path_ +
           ": unknown escape sequence kept as written");
    }
    text = text_;
  }
  if (text.empty()) return;
  TextUnit unit;
  unit.kind = UnitKind::kField;
  unit.text = text;
  unit.label = label_;
  unit.path = path_;
  unit.qualifier = qualifier_;
  unit.record = message_;
  unit.offset = start;
  sink_.OnUnit(unit);
}

void Hl7Reader::Warn(const std::string& message) {
  if (++warnings_ <= kMaxWarnings) sink_.OnWarning(message);
}

}  // namespace

Status ReadHl7(std::string_view utf8, UnitSink& sink) {
  try {
    return Hl7Reader(utf8, sink).Run();
  } catch (const std::bad_alloc&) {
    return LimitExceeded("out of memory reading HL7");
  }
}

}  // namespace breachscope
