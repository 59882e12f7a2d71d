#include "ingest/text_decoder.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "common/utf8.h"

namespace breachscope {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Windows-1252 code points for bytes 0x80..0x9F. The five bytes Windows
// leaves undefined map to the C1 control of the same value, as
// MultiByteToWideChar does, so every byte decodes to something.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const unsigned char c = p[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[i + 1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[i + 1] > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[i + 1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[i + 1] > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// True when `s` is entirely valid UTF-8. ASCII runs, the common case, are
// skipped eight bytes at a time. `consumed` (may be empty) hears how far the
// check has read, every kProgressStep bytes.
constexpr size_t kProgressStep = 8u << 20;
bool IsValidUtf8(std::string_view s, const ConsumedFn& consumed) {
  size_t i = 0;
  const size_t n = s.size();
  size_t next_report = kProgressStep;
  while (i < n) {
    if (i >= next_report) {
      if (consumed) consumed(i);
      next_report = i + kProgressStep;
    }
    const size_t ascii_end = std::min(n, next_report);
    while (i + 8 <= ascii_end) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const size_t len = ValidSequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

void TranscodeCp1252(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      AppendUtf8(kCp1252High[c - 0x80], out);
    } else {
      AppendUtf8(c, out);  // Latin-1 range: code point equals the byte
    }
  }
}

// UTF-8 that had a BOM but is damaged: keep what is valid, replace the rest.
size_t RepairUtf8(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size());
  size_t replaced = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t len = ValidSequenceLength(s, i);
    if (len == 0) {
      AppendUtf8(kReplacement, out);
      ++replaced;
      ++i;
    } else {
      out->append(s.data() + i, len);
      i += len;
    }
  }
  return replaced;
}

size_t TranscodeUtf16(std::string_view s, bool big_endian, std::string* out) {
  out->clear();
  out->reserve(s.size() + s.size() / 2);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t units = s.size() / 2;
  auto unit_at = [&](size_t k) -> char32_t {
    return big_endian ? (p[2 * k] << 8) | p[2 * k + 1]
                      : (p[2 * k + 1] << 8) | p[2 * k];
  };
  size_t replaced = 0;
  for (size_t k = 0; k < units; ++k) {
    const char32_t u = unit_at(k);
    if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units) {
      const char32_t low = unit_at(k + 1);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out);
        ++k;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {  // lone surrogate
      AppendUtf8(kReplacement, out);
      ++replaced;
      continue;
    }
    AppendUtf8(u, out);
  }
  if (s.size() % 2 != 0) {  // a dangling odd byte
    AppendUtf8(kReplacement, out);
    ++replaced;
  }
  return replaced;
}

}  // namespace

std::string_view TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8: return "utf-8";
    case TextEncoding::kUtf16Le: return "utf-16le";
    case TextEncoding::kUtf16Be: return "utf-16be";
    case TextEncoding::kWindows1252: return "windows-1252";
  }
  return "unknown";
}

DecodedText DecodeToUtf8(std::string_view raw, std::string* storage) {
  return DecodeToUtf8(raw, storage, ConsumedFn());
}

DecodedText DecodeToUtf8(std::string_view raw, std::string* storage,
                         const ConsumedFn& consumed) {
  DecodedText result;
  if (raw.size() >= 2 && raw[0] == '\xFF' && raw[1] == '\xFE') {
    result.encoding = TextEncoding::kUtf16Le;
    result.replacements = TranscodeUtf16(raw.substr(2), false, storage);
    result.text = *storage;
    return result;
  }
  if (raw.size() >= 2 && raw[0] == '\xFE' && raw[1] == '\xFF') {
    result.encoding = TextEncoding::kUtf16Be;
    result.replacements = TranscodeUtf16(raw.substr(2), true, storage);
    result.text = *storage;
    return result;
  }
  const bool bom = raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF";
  const std::string_view body = bom ? raw.substr(3) : raw;
  if (IsValidUtf8(body, consumed)) {
    result.text = body;  // zero copy
    return result;
  }
  if (bom) {
    // The BOM says UTF-8; damaged bytes are more likely corruption than
    // another encoding.
    result.replacements = RepairUtf8(body, storage);
  } else {
    result.encoding = TextEncoding::kWindows1252;
    TranscodeCp1252(body, storage);
  }
  result.text = *storage;
  return result;
}

}  // namespace breachscope
