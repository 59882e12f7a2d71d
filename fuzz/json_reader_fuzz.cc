// Fuzzes ReadJson in both modes: it must not crash, hang or report offsets
// outside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/extract/json_reader.h"
#include "checking_sink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  breachscope::CheckingSink sink(size);
  (void)breachscope::ReadJson(text, /*ndjson=*/false, sink);
  (void)breachscope::ReadJson(text, /*ndjson=*/true, sink);
  return 0;
}
