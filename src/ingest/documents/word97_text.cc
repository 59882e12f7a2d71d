#include "ingest/documents/word97_text.h"

#include <cstdint>
#include <vector>

namespace breachscope {
namespace {

uint16_t U16(std::string_view s, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(s[at]) | static_cast<uint8_t>(s[at + 1]) << 8);
}
uint32_t U32(std::string_view s, size_t at) {
  return static_cast<uint32_t>(U16(s, at)) | static_cast<uint32_t>(U16(s, at + 2)) << 16;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | cp >> 6);
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | cp >> 12);
    *out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | cp >> 18);
    *out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    *out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// CP1252's 0x80-0x9F (the rest of the byte range is Latin-1).
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Turns Word's characters into text: marks become white space, field
// instructions (between 0x13 and 0x14) are dropped, their results kept.
class TextBuilder {
 public:
  void Add(uint32_t cp) {
    if (cp == 0x13) {
      fields_.push_back(true);
      return;
    }
    if (cp == 0x14 || cp == 0x15) {
      if (!fields_.empty()) {
        if (cp == 0x14) fields_.back() = false;
        else fields_.pop_back();
      }
      return;
    }
    for (bool in_instruction : fields_) {
      if (in_instruction) return;
    }
    switch (cp) {
      case 0x0D: case 0x0B: case 0x0C: out_ += '\n'; return;
      case 0x07: case 0x09: out_ += '\t'; return;
      case 0x1E: out_ += '-'; return;      // non-breaking hyphen
      case 0xA0: out_ += ' '; return;      // non-breaking space
      default: break;
    }
    if (cp < 0x20) return;  // anchors of pictures, notes, comments
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // surrogates are paired by the caller
    AppendUtf8(cp, &out_);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  std::vector<bool> fields_;  // per open field: still in its instruction
};

struct Fib {
  bool which_table = false;
  uint32_t ccp_text = 0;
  uint32_t fc_clx = 0, lcb_clx = 0;
};

Status ReadFib(std::string_view doc, Fib* fib) {
  if (doc.size() < 0x22 || U16(doc, 0) != 0xA5EC) return Corrupt("not a Word document (no FIB)");
  if (U16(doc, 2) < 101) return Unsupported("legacy Word 6/95 document (.doc) is not read");
  const uint16_t flags = U16(doc, 0x0A);
  if (flags & 0x0100 || flags & 0x8000) return Encrypted("Word document is password protected");
  fib->which_table = flags & 0x0200;
  size_t at = 0x20;
  at += 2 + 2 * static_cast<size_t>(U16(doc, at));          // csw, fibRgW
  if (at + 2 > doc.size()) return Corrupt("Word FIB is cut short");
  const size_t lw = at + 2;
  at = lw + 4 * static_cast<size_t>(U16(doc, at));          // cslw, fibRgLw
  if (at + 2 > doc.size() || lw + 16 > doc.size()) return Corrupt("Word FIB is cut short");
  fib->ccp_text = U32(doc, lw + 12);
  const size_t pairs = U16(doc, at);                        // cbRgFcLcb
  const size_t clx = at + 2 + 33 * 8;
  if (pairs <= 33 || clx + 8 > doc.size()) return Corrupt("Word FIB has no piece table");
  fib->fc_clx = U32(doc, clx);
  fib->lcb_clx = U32(doc, clx + 4);
  return {};
}

// The PlcPcd of a Clx: skips the Prc (formatting) entries before it.
Status FindPieces(std::string_view clx, std::string_view* plc) {
  size_t at = 0;
  while (at < clx.size() && clx[at] == 0x01) {
    if (at + 3 > clx.size()) return Corrupt("Word piece table is cut short");
    at += 3 + U16(clx, at + 1);
  }
  if (at + 5 > clx.size() || clx[at] != 0x02) return Corrupt("Word piece table is malformed");
  const uint32_t lcb = U32(clx, at + 1);
  if (lcb > clx.size() - at - 5 || lcb < 4 || (lcb - 4) % 12 != 0) {
    return Corrupt("Word piece table does not fit its stream");
  }
  *plc = clx.substr(at + 5, lcb);
  return {};
}

}  // namespace

Status Word97Text(const Word97Streams& streams, std::string* body, std::string* other) {
  const std::string_view doc = streams.word_document;
  Fib fib;
  BS_RETURN_IF_ERROR(ReadFib(doc, &fib));
  const std::string_view table = fib.which_table ? streams.table1 : streams.table0;
  if (table.empty()) return Corrupt("Word document without its table stream");
  if (fib.fc_clx > table.size() || fib.lcb_clx > table.size() - fib.fc_clx) {
    return Corrupt("Word piece table does not fit its stream");
  }
  std::string_view plc;
  BS_RETURN_IF_ERROR(FindPieces(table.substr(fib.fc_clx, fib.lcb_clx), &plc));
  const size_t pieces = (plc.size() - 4) / 12;
  TextBuilder main_text, rest;
  uint64_t cp_done = 0;
  for (size_t i = 0; i < pieces; ++i) {
    const uint32_t cp_start = U32(plc, 4 * i), cp_end = U32(plc, 4 * (i + 1));
    if (cp_end < cp_start) return Corrupt("Word piece table is out of order");
    const uint32_t fc_raw = U32(plc, 4 * (pieces + 1) + 8 * i + 2);
    const bool compressed = fc_raw & 0x40000000;
    const uint64_t fc = compressed ? (fc_raw & 0x3FFFFFFF) / 2 : fc_raw;
    const uint64_t count = cp_end - cp_start;
    if (fc + count * (compressed ? 1 : 2) > doc.size()) {
      return Corrupt("Word text piece " + std::to_string(i + 1) + " lies past the end of the document");
    }
    for (uint64_t k = 0; k < count; ++k, ++cp_done) {
      TextBuilder& to = cp_done < fib.ccp_text ? main_text : rest;
      if (compressed) {
        const uint8_t b = static_cast<uint8_t>(doc[fc + k]);
        to.Add(b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : b);
        continue;
      }
      uint32_t cp = U16(doc, fc + 2 * k);
      if (cp >= 0xD800 && cp < 0xDC00 && k + 1 < count) {
        const uint32_t low = U16(doc, fc + 2 * (k + 1));
        if (low >= 0xDC00 && low < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          ++k;
          ++cp_done;
        }
      }
      to.Add(cp);
    }
  }
  *body = main_text.Take();
  *other = rest.Take();
  return {};
}

}  // namespace breachscope
