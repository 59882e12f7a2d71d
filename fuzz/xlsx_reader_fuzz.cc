// Fuzzes ReadXlsx: no crash, hang or unbounded growth on any bytes (the zip
// and its XML parts are both hostile), and no unit outside the contract.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/documents/xlsx_reader.h"
#include "checking_sink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Offsets count within extracted parts, which a zip may inflate well
  // beyond the input; only the unit contract is checked here.
  breachscope::CheckingSink sink(SIZE_MAX);
  (void)breachscope::ReadXlsx(bytes, sink);
  return 0;
}
