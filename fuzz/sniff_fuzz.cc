// Fuzzes the front of the pipeline: sniffing, decoding, and extracting with
// the sniffed format (documents from their raw bytes). Nothing may crash,
// and a CSV sniff must name a delimiter.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/extract/extractor.h"
#include "ingest/format.h"
#include "ingest/text_decoder.h"
#include "checking_sink.h"

// The document readers' libraries leak on some malformed input, small and
// per damaged file (see pst_reader_fuzz.cc and ole2_reader_fuzz.cc): libpff
// a column definition, libgsf a directory entry. libgsf has no frame
// pointers, so its leak's stack ends at glib's allocator; unwinding slowly
// makes OCR too slow for this harness, so glib allocations are not checked
// for leaks here (the e-mail, PDF and OLE2 harnesses still check them).
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libpff_column_definition_initialize\nleak:g_malloc0\nleak:g_malloc\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using breachscope::Format;
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  // The first byte picks a file name, so extension hints get fuzzed too.
  static constexpr std::string_view kNames[] = {"a", "a.csv", "a.tsv", "a.txt", "a.json",
                                                "a.jsonl", "a.sql", "a.tar.gz"};
  const std::string_view name = size > 0 ? kNames[data[0] % 8] : kNames[0];
  const breachscope::SniffResult sniff = breachscope::SniffFormat(raw.substr(0, 64 * 1024), name);
  if (sniff.format == Format::kCsv && sniff.delimiter == 0) std::abort();
  if (breachscope::IsDocumentFormat(sniff.format)) {
    // Documents are read from their raw bytes; offsets count within parts.
    // OCR is left to image_ocr_reader_fuzz: a fuzzed PDF whose page is
    // rendered and read by Tesseract spends its time in Tesseract under
    // ASan (over the 10 s timeout), which tests none of our parsing.
    breachscope::DocumentContext context;
    context.ocr = false;
    breachscope::CheckingSink sink(SIZE_MAX);
    (void)breachscope::ExtractDocument(sniff, raw, context, sink);
    return 0;
  }
  std::string storage;
  const breachscope::DecodedText decoded = breachscope::DecodeToUtf8(raw, &storage);
  switch (sniff.format) {
    case Format::kEmpty: case Format::kBinary: case Format::kArchive: case Format::kCompressed:
      return 0;
    default:
      break;
  }
  breachscope::CheckingSink sink(decoded.text.size());
  (void)breachscope::ExtractUnits(sniff, decoded.text, sink);
  return 0;
}
