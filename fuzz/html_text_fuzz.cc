// Fuzzes ReadHtml: it must not crash, hang or grow without bound on any
// bytes, and the units it delivers stay within the converted text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/documents/html_text.h"
#include "checking_sink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Converted text is never longer than 4 bytes per input byte (one UTF-8
  // character per byte at most), so offsets stay below that.
  breachscope::CheckingSink sink(4 * size);
  (void)breachscope::ReadHtml(bytes, sink);
  return 0;
}
