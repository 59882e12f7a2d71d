// Decoding an item's raw bytes to UTF-8 before extraction.
//
// UTF-8 (with or without BOM) passes through without a copy; UTF-16 LE/BE with
// a BOM is transcoded; bytes that are not valid UTF-8 are read as Windows-1252
// (Latin-1 superset), the usual encoding of Canadian French exports. Thread-safe.
#ifndef BREACHSCOPE_INGEST_TEXT_DECODER_H_
#define BREACHSCOPE_INGEST_TEXT_DECODER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace breachscope {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kWindows1252 };
std::string_view TextEncodingName(TextEncoding encoding);

struct DecodedText {
  // The UTF-8 text: a view into the raw input (BOM skipped) or into storage.
  std::string_view text;
  TextEncoding encoding = TextEncoding::kUtf8;
  // Number of invalid sequences replaced (UTF-16 lone surrogates etc.).
  size_t replacements = 0;
};

// REQUIRES: *storage outlives the returned view's use.
DecodedText DecodeToUtf8(std::string_view raw, std::string* storage);

// Offsets into `raw` read so far, reported while a large input is validated,
// so a caller reading from a memory mapping can release pages behind it.
using ConsumedFn = std::function<void(uint64_t offset)>;
DecodedText DecodeToUtf8(std::string_view raw, std::string* storage,
                         const ConsumedFn& consumed);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_TEXT_DECODER_H_
