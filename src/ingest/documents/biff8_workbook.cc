#include "ingest/documents/biff8_workbook.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ingest/documents/sheet_table.h"
#include "ingest/documents/xlsx_reader.h"

namespace breachscope {
namespace {

constexpr uint16_t kBof = 0x0809, kEof = 0x000A, kFilePass = 0x002F, kDateMode = 0x0022,
                   kFormat = 0x041E, kXf = 0x00E0, kBoundSheet = 0x0085, kSst = 0x00FC,
                   kContinue = 0x003C, kLabelSst = 0x00FD, kLabel = 0x0204, kNumber = 0x0203,
                   kRk = 0x027E, kMulRk = 0x00BD, kFormula = 0x0006, kString = 0x0207;

uint16_t U16(std::string_view s, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(s[at]) | static_cast<uint8_t>(s[at + 1]) << 8);
}
uint32_t U32(std::string_view s, size_t at) {
  return static_cast<uint32_t>(U16(s, at)) | static_cast<uint32_t>(U16(s, at + 2)) << 16;
}
double F64(std::string_view s, size_t at) {
  uint64_t bits = static_cast<uint64_t>(U32(s, at)) | static_cast<uint64_t>(U32(s, at + 4)) << 32;
  double v;
  std::memcpy(&v, &bits, sizeof(v));
  return v;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | cp >> 6);
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | cp >> 12);
    *out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct Record {
  uint16_t id;
  std::string_view data;
};

// Reads across a record and its CONTINUE records. A string's characters
// that cross into a CONTINUE start with a fresh option byte there, which
// may switch between 8-bit and 16-bit characters.
class Continued {
 public:
  explicit Continued(std::vector<std::string_view> parts) : parts_(std::move(parts)) {}

  bool Skip(size_t n) {
    while (n > 0) {
      if (!Next()) return false;
      const size_t take = std::min(n, parts_[part_].size() - at_);
      at_ += take;
      n -= take;
    }
    return true;
  }
  bool Read(void* out, size_t n) {
    auto* p = static_cast<char*>(out);
    while (n > 0) {
      if (!Next()) return false;
      const size_t take = std::min(n, parts_[part_].size() - at_);
      std::memcpy(p, parts_[part_].data() + at_, take);
      at_ += take;
      p += take;
      n -= take;
    }
    return true;
  }
  bool U16(uint16_t* v) {
    unsigned char b[2];
    if (!Read(b, 2)) return false;
    *v = static_cast<uint16_t>(b[0] | b[1] << 8);
    return true;
  }
  bool U32(uint32_t* v) {
    uint16_t lo, hi;
    if (!U16(&lo) || !U16(&hi)) return false;
    *v = lo | static_cast<uint32_t>(hi) << 16;
    return true;
  }
  // An XLUnicodeRichExtendedString (the SST's strings).
  bool RichString(std::string* out) {
    uint16_t cch;
    unsigned char flags;
    if (!U16(&cch) || !Read(&flags, 1)) return false;
    uint16_t runs = 0;
    uint32_t ext = 0;
    if ((flags & 0x08) && !U16(&runs)) return false;
    if ((flags & 0x04) && !U32(&ext)) return false;
    bool high = flags & 0x01;
    for (size_t done = 0; done < cch;) {
      if (at_ == parts_[part_].size()) {
        if (part_ + 1 >= parts_.size()) return false;
        ++part_;
        at_ = 0;
        unsigned char option;
        if (!Read(&option, 1)) return false;
        high = option & 0x01;
      }
      const std::string_view part = parts_[part_];
      for (; done < cch && at_ + (high ? 2 : 1) <= part.size(); ++done) {
        uint32_t cp = static_cast<uint8_t>(part[at_]);
        if (high) cp |= static_cast<uint32_t>(static_cast<uint8_t>(part[at_ + 1])) << 8;
        at_ += high ? 2 : 1;
        AppendUtf8(cp, out);
      }
      if (done < cch && at_ != part.size()) return false;  // half a character
    }
    return Skip(4 * static_cast<size_t>(runs)) && Skip(ext);
  }

 private:
  bool Next() {
    while (at_ == parts_[part_].size()) {
      if (part_ + 1 >= parts_.size()) return false;
      ++part_;
      at_ = 0;
    }
    return true;
  }
  std::vector<std::string_view> parts_;
  size_t part_ = 0, at_ = 0;
};

// An XLUnicodeString inside one record (LABEL, STRING, FORMAT): 16-bit
// length, option byte, characters. "" when it does not fit.
std::string PlainString(std::string_view data, size_t at, bool short_length = false) {
  Continued reader({data.substr(std::min(at, data.size()))});
  if (short_length) {
    unsigned char cch, flags;
    if (!reader.Read(&cch, 1) || !reader.Read(&flags, 1)) return "";
    std::string out;
    for (size_t i = 0; i < cch; ++i) {
      unsigned char c[2] = {0, 0};
      if (!reader.Read(c, (flags & 1) ? 2 : 1)) return out;
      AppendUtf8(c[0] | c[1] << 8, &out);
    }
    return out;
  }
  // A LABEL's string has no rich or extended parts: the same layout as
  // the SST's with those flags clear.
  std::string out;
  if (data.size() >= at + 3 && (data[at + 2] & 0x0C) == 0) reader.RichString(&out);
  return out;
}

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.15g", v);
  return buf;
}

// An RK value: a 30-bit integer or the top of a double, maybe divided by 100.
double RkValue(uint32_t rk) {
  double v;
  if (rk & 0x02) {
    v = static_cast<double>(static_cast<int32_t>(rk) >> 2);
  } else {
    const uint64_t bits = static_cast<uint64_t>(rk & 0xFFFFFFFC) << 32;
    std::memcpy(&v, &bits, sizeof(v));
  }
  return (rk & 0x01) ? v / 100 : v;
}

struct Book {
  std::vector<Record> records;
  std::map<size_t, size_t> record_at;  // stream offset -> record index
  std::vector<std::string> sst;
  std::vector<uint16_t> xf_formats;     // XF index -> format index
  std::set<uint16_t> date_formats = {14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57};
  bool date1904 = false;
  std::vector<std::pair<std::string, size_t>> sheets;  // name, stream offset of its BOF
};

Status SplitRecords(std::string_view stream, Book* book) {
  size_t at = 0;
  while (at + 4 <= stream.size()) {
    const uint16_t id = U16(stream, at), len = U16(stream, at + 2);
    if (id == 0 && len == 0) break;  // padding after the last sheet
    if (len > stream.size() - at - 4) {
      return Corrupt("Excel record at byte " + std::to_string(at) + " runs past the end");
    }
    book->record_at[at] = book->records.size();
    book->records.push_back({id, stream.substr(at + 4, len)});
    at += 4 + len;
  }
  if (book->records.empty() || book->records[0].id != kBof || book->records[0].data.size() < 4) {
    return Corrupt("Excel workbook does not start with a BOF record");
  }
  if (U16(book->records[0].data, 0) != 0x0600) {
    return Unsupported("legacy Excel 5.0/95 workbook (.xls, BIFF5) is not read");
  }
  return {};
}

Status ReadGlobals(Book* book) {
  const auto& r = book->records;
  for (size_t i = 1; i < r.size() && r[i].id != kEof; ++i) {
    const std::string_view d = r[i].data;
    switch (r[i].id) {
      case kFilePass: return Encrypted("Excel workbook is password protected");
      case kDateMode: if (d.size() >= 2) book->date1904 = U16(d, 0) == 1; break;
      case kFormat:
        if (d.size() >= 2 && IsDateFormatCode(PlainString(d, 2))) book->date_formats.insert(U16(d, 0));
        break;
      case kXf: if (d.size() >= 4) book->xf_formats.push_back(U16(d, 2)); break;
      case kBoundSheet:
        // Worksheets only (type 0): charts and macro sheets hold no cells.
        if (d.size() >= 8 && d[5] == 0) book->sheets.emplace_back(PlainString(d, 6, true), U32(d, 0));
        break;
      case kSst: {
        std::vector<std::string_view> parts = {d};
        for (size_t j = i + 1; j < r.size() && r[j].id == kContinue; ++j) parts.push_back(r[j].data);
        Continued reader(std::move(parts));
        uint32_t total, unique;
        if (!reader.U32(&total) || !reader.U32(&unique)) return Corrupt("Excel SST record is cut short");
        for (uint32_t k = 0; k < unique; ++k) {
          std::string s;
          if (!reader.RichString(&s)) return Corrupt("Excel SST string " + std::to_string(k) + " is cut short");
          book->sst.push_back(std::move(s));
        }
        break;
      }
      default: break;
    }
  }
  return {};
}

class SheetCells {
 public:
  SheetCells(const Book& book) : book_(book) {}

  void Number(std::string_view d, double v) {
    const uint16_t xf = U16(d, 4);
    if (xf < book_.xf_formats.size() && book_.date_formats.count(book_.xf_formats[xf]) != 0) {
      std::string date = SerialToIsoDate(v, book_.date1904);
      if (!date.empty()) return Put(U16(d, 0), U16(d, 2), std::move(date), false);
    }
    Put(U16(d, 0), U16(d, 2), FormatNumber(v), false);
  }
  void Put(uint16_t row, uint16_t col, std::string text, bool is_text) {
    if (text.empty()) return;
    rows_[row][col] = SheetCell{.column = col, .text = std::move(text), .is_text = is_text};
  }
  void Emit(SheetTable& table) const {
    for (const auto& [row, cells] : rows_) {
      std::vector<SheetCell> line;
      for (const auto& [col, cell] : cells) line.push_back(cell);
      table.AddRow(line);
    }
  }

 private:
  const Book& book_;
  std::map<uint16_t, std::map<uint16_t, SheetCell>> rows_;
};

Status ReadSheet(const Book& book, size_t first, SheetCells* cells) {
  const auto& r = book.records;
  for (size_t i = first + 1; i < r.size() && r[i].id != kEof && r[i].id != kBof; ++i) {
    const std::string_view d = r[i].data;
    switch (r[i].id) {
      case kLabelSst: {
        if (d.size() < 10) break;
        const uint32_t isst = U32(d, 6);
        if (isst >= book.sst.size()) {
          return Corrupt("Excel cell refers to shared string " + std::to_string(isst) +
                         " of " + std::to_string(book.sst.size()));
        }
        cells->Put(U16(d, 0), U16(d, 2), book.sst[isst], true);
        break;
      }
      case kLabel: if (d.size() >= 9) cells->Put(U16(d, 0), U16(d, 2), PlainString(d, 6), true); break;
      case kNumber: if (d.size() >= 14) cells->Number(d, F64(d, 6)); break;
      case kRk: if (d.size() >= 10) cells->Number(d, RkValue(U32(d, 6))); break;
      case kMulRk: {
        // row, first column, (XF, RK) per column, last column.
        for (size_t at = 4, col = U16(d, 2); at + 6 <= d.size() - 2; at += 6, ++col) {
          std::string cell(6, '\0');
          cell[0] = d[0], cell[1] = d[1];
          cell[2] = static_cast<char>(col & 0xFF), cell[3] = static_cast<char>(col >> 8);
          cell[4] = d[at], cell[5] = d[at + 1];
          cells->Number(cell, RkValue(U32(d, at + 2)));
        }
        break;
      }
      case kFormula: {
        if (d.size() < 14) break;
        // A cached string result is 0x00 ... 0xFFFF and follows as STRING.
        if (U16(d, 12) == 0xFFFF) {
          if (d[6] == 0 && i + 1 < r.size() && r[i + 1].id == kString) {
            cells->Put(U16(d, 0), U16(d, 2), PlainString(r[i + 1].data, 0), true);
          }
          break;
        }
        cells->Number(d, F64(d, 6));
        break;
      }
      default: break;
    }
  }
  return {};
}

}  // namespace

Status ReadBiff8Workbook(std::string_view workbook, UnitSink& sink) {
  Book book;
  BS_RETURN_IF_ERROR(SplitRecords(workbook, &book));
  BS_RETURN_IF_ERROR(ReadGlobals(&book));
  for (const auto& [name, offset] : book.sheets) {
    auto it = book.record_at.find(offset);
    if (it == book.record_at.end() || book.records[it->second].id != kBof) {
      return Corrupt("Excel sheet '" + name + "' does not start where the workbook says");
    }
    SheetCells cells(book);
    BS_RETURN_IF_ERROR(ReadSheet(book, it->second, &cells));
    SheetTable table(sink, name);
    cells.Emit(table);
  }
  return {};
}

}  // namespace breachscope
