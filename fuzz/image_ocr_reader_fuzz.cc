// Fuzzes ReadImageOcr (Leptonica decoding, then Tesseract): no crash, hang
// or huge allocation on any bytes claiming to be PNG, JPEG or TIFF.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/documents/image_ocr_reader.h"
#include "checking_sink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  breachscope::CheckingSink sink(SIZE_MAX);
  uint64_t pages = 0;
  (void)breachscope::ReadImageOcr(bytes, /*ocr=*/true, sink, &pages);
  return 0;
}
