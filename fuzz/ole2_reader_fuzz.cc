// Fuzzes ReadOle2Document (libgsf, then the Word piece table and the Excel
// BIFF8 records): no crash, hang or huge allocation on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/documents/ole2_reader.h"
#include "checking_sink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Text comes from streams inside the file: at most 3 UTF-8 bytes per
  // 1-byte character, offsets below that.
  breachscope::CheckingSink sink(3 * size);
  (void)breachscope::ReadOle2Document(bytes, sink);
  return 0;
}
