#include "ingest/format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/text_decoder.h"

namespace breachscope {
namespace {

// Only this much of the head is examined for structure; enough for the first
// lines of any table or dump, small enough to stay cheap on every item.
constexpr size_t kStructureSample = 16 * 1024;
constexpr size_t kCsvSampleRecords = 20;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// Lower-case extension of `name` including compound tar suffixes, "" if none.
std::string Extension(std::string_view name) {
  const size_t slash = name.find_last_of("/\\!");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view compound : {".tar.gz", ".tar.bz2", ".tar.xz"}) {
    if (lower.size() > compound.size() &&
        lower.compare(lower.size() - compound.size(), compound.size(), compound) == 0) {
      return std::string(compound.substr(1));
    }
  }
  const size_t dot = lower.rfind('.');
  return dot == std::string::npos ? "" : lower.substr(dot + 1);
}

std::string_view SkipSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

bool Contains(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}

// Office documents are zips: OpenDocument stores an uncompressed `mimetype`
// member first; Office Open XML names `[Content_Types].xml` and its part
// folders (word/, xl/, ppt/) in the local headers of the first members.
// Other zips, and document kinds not read yet, stay archives.
Format SniffZip(std::string_view head, std::string_view ext) {
  if (head.size() > 38 && head.substr(30, 8) == "mimetype") {
    const std::string_view type = head.substr(38, 64);
    if (StartsWith(type, "application/vnd.oasis.opendocument.text")) return Format::kOdt;
    if (StartsWith(type, "application/vnd.oasis.opendocument.spreadsheet")) return Format::kOds;
    return Format::kArchive;
  }
  const bool ooxml_ext = ext == "docx" || ext == "docm" || ext == "xlsx" ||
                         ext == "xlsm" || ext == "pptx" || ext == "pptm";
  if (!Contains(head, "[Content_Types].xml") && !ooxml_ext) return Format::kArchive;
  if (Contains(head, "word/")) return Format::kDocx;
  if (Contains(head, "xl/")) return Format::kXlsx;
  if (Contains(head, "ppt/")) return Format::kPptx;
  // The part folders may come after the sniff window: trust the extension.
  if (ext == "docx" || ext == "docm") return Format::kDocx;
  if (ext == "xlsx" || ext == "xlsm") return Format::kXlsx;
  if (ext == "pptx" || ext == "pptm") return Format::kPptx;
  return Format::kArchive;
}

// Container and compression magic numbers, and common binary formats whose
// headers are printable enough to fool the text statistics.
bool SniffMagic(std::string_view head, std::string_view ext, Format* out) {
  const bool tar_ext = ext == "tar.gz" || ext == "tgz" || ext == "tar.bz2" ||
                       ext == "tbz2" || ext == "tar.xz" || ext == "txz";
  if (StartsWith(head, "PK\x03\x04")) {
    *out = SniffZip(head, ext);
    return true;
  }
  if (StartsWith(head, "PK\x05\x06") || StartsWith(head, "PK\x07\x08") ||
      StartsWith(head, std::string_view("7z\xBC\xAF\x27\x1C", 6)) ||
      (head.size() >= 262 && head.substr(257, 5) == "ustar")) {
    *out = Format::kArchive;
    return true;
  }
  for (std::string_view magic :
       {std::string_view("\x89PNG"), std::string_view("\xFF\xD8\xFF"),
        std::string_view("II*\0", 4), std::string_view("MM\0*", 4)}) {
    if (StartsWith(head, magic)) {
      *out = Format::kImage;
      return true;
    }
  }
  if (StartsWith(head, "!BDN")) {
    *out = Format::kPst;
    return true;
  }
  if (StartsWith(head, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
    *out = Format::kOle2;
    return true;
  }
  if (head.size() >= 132 && head.substr(128, 4) == "DICM") {
    *out = Format::kDicom;
    return true;
  }
  // The PDF header may follow some junk (mail gateways, print spoolers);
  // readers accept it within the first kilobyte.
  if (Contains(head.substr(0, 1024), "%PDF-")) {
    *out = Format::kPdf;
    return true;
  }
  if (StartsWith(head, "\x1F\x8B") ||
      (StartsWith(head, "BZh") && head.size() > 3 && head[3] >= '1' && head[3] <= '9') ||
      StartsWith(head, std::string_view("\xFD" "7zXZ\x00", 6))) {
    *out = tar_ext ? Format::kArchive : Format::kCompressed;
    return true;
  }
  for (std::string_view magic :
       {std::string_view("GIF8"),
        std::string_view("\x7F" "ELF"), std::string_view("Rar!")}) {
    if (StartsWith(head, magic)) {
      *out = Format::kBinary;
      return true;
    }
  }
  return false;
}

// Text has almost no NULs and few control characters besides whitespace.
bool LooksBinary(std::string_view s) {
  if (s.empty()) return false;
  size_t nul = 0, control = 0;
  for (unsigned char c : s) {
    if (c == 0) ++nul;
    else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
              c != '\v' && c != 0x1B) || c == 0x7F) {
      ++control;
    }
  }
  return nul * 100 > s.size() || (nul + control) * 20 > s.size();
}

// A tolerant JSON tokenizer: true when the sample is a plausible prefix of
// one JSON value (tokens valid, brackets matched so far).
bool LooksLikeJson(std::string_view s) {
  std::vector<char> stack;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ':') {
      ++i;
    } else if (c == '{' || c == '[') {
      stack.push_back(c == '{' ? '}' : ']');
      ++i;
    } else if (c == '}' || c == ']') {
      if (stack.empty() || stack.back() != c) return false;
      stack.pop_back();
      ++i;
      if (stack.empty()) return SkipSpace(s.substr(i)).empty() || s[i] == '\n';
    } else if (c == '"') {
      ++i;
      while (i < n && s[i] != '"') i += (s[i] == '\\') ? 2 : 1;
      ++i;
    } else if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
      while (i < n && s[i] != 0 && std::strchr("+-.eE0123456789", s[i]) != nullptr) ++i;
    } else if (StartsWith(s.substr(i), "true") || StartsWith(s.substr(i), "null")) {
      i += 4;
    } else if (StartsWith(s.substr(i), "false")) {
      i += 5;
    } else {
      return false;
    }
  }
  return true;  // truncated sample: fine so far
}

// Several lines, each one JSON object or array on its own.
bool LooksLikeNdjson(std::string_view s, bool whole) {
  int lines = 0;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    const bool last = nl == std::string_view::npos;
    std::string_view line = s.substr(0, nl);
    s = last ? std::string_view() : s.substr(nl + 1);
    line = SkipSpace(line);
    if (line.empty()) continue;
    if (last && !whole && lines > 0) break;  // may be cut mid-line
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (line.front() != '{' && line.front() != '[') return false;
    if (!last || whole) {
      if (line.back() != '}' && line.back() != ']') return false;
    }
    ++lines;
  }
  return lines >= 2;
}

bool LooksLikeXml(std::string_view t) {
  if (StartsWith(t, "<?xml")) return true;
  if (t.size() < 2 || t[0] != '<') return false;
  if (StartsWithNoCase(t, "<!doctype html") || StartsWithNoCase(t, "<html")) {
    return false;  // HTML rarely parses as XML; read it as text
  }
  const unsigned char c = static_cast<unsigned char>(t[1]);
  return std::isalpha(c) || c == '_' || c == '!' || c == '?';
}

bool LooksLikeHtml(std::string_view t) {
  if (StartsWith(t, "<?xml")) {
    const size_t end = t.find("?>");
    if (end == std::string_view::npos) return false;
    t = SkipSpace(t.substr(end + 2));
  }
  return StartsWithNoCase(t, "<!doctype html") || StartsWithNoCase(t, "<html");
}

std::string_view AfterFirstLine(std::string_view t) {
  const size_t nl = t.find('\n');
  return nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
}

// An RFC 5322 header block: every line up to the first blank one is a
// `Name: value` header or a folded continuation, and at least two of them
// are headers every mailer writes (a memo starting "From: Dr. Lee" is not
// enough by itself).
bool LooksLikeMailHeaders(std::string_view t) {
  int known = 0, lines = 0;
  bool has_from = false;
  while (!t.empty() && lines < 200) {
    const size_t nl = t.find('\n');
    std::string_view line = t.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    t = nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
    ++lines;
    if (line[0] == ' ' || line[0] == '\t') {
      if (lines == 1) return false;
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return false;
    for (char c : line.substr(0, colon)) {
      if (c <= ' ' || c > '~') return false;
    }
    const std::string_view name = line.substr(0, colon + 1);
    for (std::string_view header :
         {"From:", "To:", "Subject:", "Date:", "Message-ID:", "MIME-Version:",
          "Received:", "Return-Path:", "Content-Type:", "Delivered-To:"}) {
      if (name.size() == header.size() && StartsWithNoCase(name, header)) ++known;
    }
    if (StartsWithNoCase(name, "From:") && name.size() == 5) has_from = true;
  }
  return known >= 2 && (has_from || known >= 3);
}

bool LooksLikeSqlDump(std::string_view t) {
  for (std::string_view marker :
       {"-- MySQL dump", "-- MariaDB dump", "-- PostgreSQL database dump",
        "-- Dumped from database", "-- phpMyAdmin SQL Dump"}) {
    if (t.find(marker) != std::string_view::npos) return true;
  }
  // Otherwise the first statement must be SQL, and some statement must carry
  // data or schema.
  bool first = true, first_is_sql = false, has_data = false;
  while (!t.empty()) {
    const size_t nl = t.find('\n');
    std::string_view line = SkipSpace(t.substr(0, nl));
    t = nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
    if (line.empty() || StartsWith(line, "--") || StartsWith(line, "#")) continue;
    if (StartsWithNoCase(line, "INSERT INTO") || StartsWithNoCase(line, "CREATE TABLE") ||
        StartsWithNoCase(line, "REPLACE INTO") ||
        (StartsWithNoCase(line, "COPY ") && line.find("FROM stdin") != std::string_view::npos)) {
      has_data = true;
      if (first) first_is_sql = true;
    } else if (first) {
      for (std::string_view kw : {"SET ", "DROP ", "LOCK ", "USE ", "BEGIN", "START TRANSACTION",
                                  "/*!", "CREATE ", "ALTER ", "SELECT "}) {
        if (StartsWithNoCase(line, kw)) first_is_sql = true;
      }
    }
    first = false;
    if (has_data && first_is_sql) return true;
    if (!first_is_sql) return false;
  }
  return false;
}

// Field counts of the first records of `t` split by `delim`, quotes
// respected. The last record is dropped when the sample may be truncated.
std::vector<size_t> CsvFieldCounts(std::string_view t, char delim, bool whole) {
  std::vector<size_t> counts;
  size_t fields = 1;
  bool in_quotes = false, at_field_start = true, line_has_content = false;
  for (size_t i = 0; i < t.size() && counts.size() < kCsvSampleRecords; ++i) {
    const char c = t[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < t.size() && t[i + 1] == '"') ++i;
        else in_quotes = false;
      }
      continue;
    }
    if (c == '"' && at_field_start) {
      in_quotes = line_has_content = true;
      at_field_start = false;
    } else if (c == delim) {
      ++fields;
      line_has_content = at_field_start = true;
    } else if (c == '\n' || c == '\r') {
      if (line_has_content) counts.push_back(fields);
      fields = 1;
      line_has_content = false;
      at_field_start = true;
    } else if (c != ' ') {
      line_has_content = true;
      at_field_start = false;
    }
  }
  if (whole && line_has_content && counts.size() < kCsvSampleRecords) counts.push_back(fields);
  return counts;
}

// The delimiter whose field count is the same on (nearly) every sampled
// record, most fields first; 0 when none is consistent. `min_records` is 1
// when the extension already says "table".
char ChooseDelimiter(std::string_view t, bool whole, size_t min_records, char preferred) {
  char best = 0;
  size_t best_fields = 0;
  for (char delim : {',', ';', '\t', '|'}) {
    const std::vector<size_t> counts = CsvFieldCounts(t, delim, whole);
    if (counts.size() < min_records || counts.empty() || counts[0] < 2) continue;
    // One ragged line among many should not turn a table into text.
    const size_t same = std::count(counts.begin(), counts.end(), counts[0]);
    if (same != counts.size() && (counts.size() < 5 || same * 10 < counts.size() * 9)) continue;
    const bool better = counts[0] > best_fields ||
                        (counts[0] == best_fields && delim == preferred);
    if (better) {
      best = delim;
      best_fields = counts[0];
    }
  }
  return best;
}

// The head as UTF-8 text, BOM removed; UTF-16 is transcoded.
std::string_view HeadAsText(std::string_view head, std::string* storage, bool* utf16) {
  const bool is16 = StartsWith(head, "\xFF\xFE") || StartsWith(head, "\xFE\xFF");
  *utf16 = is16;
  if (is16) {
    std::string_view sample = head.substr(0, 2 + 2 * kStructureSample);
    if (sample.size() % 2 != 0) sample.remove_suffix(1);
    return DecodeToUtf8(sample, storage).text;
  }
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  return head;
}

SniffResult SniffText(std::string_view text, bool whole, const std::string& ext) {
  const std::string_view t = SkipSpace(text);
  if (t.empty()) return {Format::kText, 0};
  for (std::string_view hl7 : {"MSH|", "FHS|", "BHS|"}) {
    if (StartsWith(t, hl7)) return {Format::kHl7, 0};
  }
  if (StartsWith(t, "{\\rtf")) return {Format::kRtf, 0};
  if (LooksLikeHtml(t)) return {Format::kHtml, 0};
  if (StartsWith(t, "From ") && LooksLikeMailHeaders(AfterFirstLine(t))) {
    return {Format::kMbox, 0};
  }
  if (LooksLikeMailHeaders(t)) return {Format::kEml, 0};
  if (t[0] == '{' || t[0] == '[') {
    if (LooksLikeNdjson(t, whole)) {
      return {ext == "json" ? Format::kJson : Format::kNdjson, 0};
    }
    if (LooksLikeJson(t)) {
      return {(ext == "ndjson" || ext == "jsonl") ? Format::kNdjson : Format::kJson, 0};
    }
  }
  if (LooksLikeXml(t)) return {Format::kXml, 0};
  if (LooksLikeSqlDump(t)) return {Format::kSqlDump, 0};
  const bool table_ext = ext == "csv" || ext == "tsv" || ext == "psv" || ext == "tab";
  const char preferred = (ext == "tsv" || ext == "tab") ? '\t' : ext == "psv" ? '|' : ',';
  if (char d = ChooseDelimiter(text, whole, table_ext ? 1 : 2, preferred); d != 0) {
    return {Format::kCsv, d};
  }
  // A one-column table has no delimiter to count; trust the extension.
  if (table_ext) return {Format::kCsv, preferred};
  return {Format::kText, 0};
}

}  // namespace

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kEmpty: return "empty";
    case Format::kBinary: return "binary";
    case Format::kText: return "text";
    case Format::kCsv: return "csv";
    case Format::kJson: return "json";
    case Format::kNdjson: return "ndjson";
    case Format::kXml: return "xml";
    case Format::kHl7: return "hl7";
    case Format::kSqlDump: return "sql_dump";
    case Format::kArchive: return "archive";
    case Format::kCompressed: return "compressed";
    case Format::kPdf: return "pdf";
    case Format::kDocx: return "docx";
    case Format::kXlsx: return "xlsx";
    case Format::kPptx: return "pptx";
    case Format::kOdt: return "odt";
    case Format::kOds: return "ods";
    case Format::kEml: return "eml";
    case Format::kMbox: return "mbox";
    case Format::kRtf: return "rtf";
    case Format::kHtml: return "html";
    case Format::kDicom: return "dicom";
    case Format::kImage: return "image";
    case Format::kPst: return "pst";
    case Format::kOle2: return "ole2";
  }
  return "unknown";
}

bool IsDocumentFormat(Format format) {
  switch (format) {
    case Format::kPdf: case Format::kDocx: case Format::kXlsx:
    case Format::kPptx: case Format::kOdt: case Format::kOds:
    case Format::kEml: case Format::kMbox: case Format::kRtf:
    case Format::kHtml: case Format::kDicom: case Format::kImage:
    case Format::kPst: case Format::kOle2:
      return true;
    default:
      return false;
  }
}

SniffResult SniffFormat(std::string_view head, std::string_view name) {
  if (head.empty()) return {Format::kEmpty, 0};
  const std::string ext = Extension(name);
  Format magic;
  if (SniffMagic(head, ext, &magic)) return {magic, 0};
  std::string storage;
  bool utf16 = false;
  std::string_view text = HeadAsText(head, &storage, &utf16);
  // The head is the whole item when it is shorter than the sniff window; only
  // then may the last line be trusted to be complete.
  bool whole = head.size() < 64 * 1024;
  if (text.size() > kStructureSample) {
    text = text.substr(0, kStructureSample);
    whole = false;
  }
  if (utf16 && head.size() > 2 + 2 * kStructureSample) whole = false;
  if (LooksBinary(text)) return {Format::kBinary, 0};
  return SniffText(text, whole, ext);
}

}  // namespace breachscope
