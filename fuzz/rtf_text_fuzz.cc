// Fuzzes ReadRtf: it must not crash, hang or grow without bound on any
// bytes, and the units it delivers stay within the converted text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/documents/rtf_text.h"
#include "ingest/text_decoder.h"
#include "checking_sink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Offsets point into the converted text, which can be longer than the
  // input by any factor a control word expands to (\page, \row, \'97 as a
  // three-byte dash), so the bound is that text's own length, as ReadRtf
  // makes it.
  std::string storage;
  const size_t text_size =
      breachscope::RtfToText(breachscope::DecodeToUtf8(bytes, &storage).text)
          .size();
  breachscope::CheckingSink sink(text_size);
  (void)breachscope::ReadRtf(bytes, sink);
  return 0;
}
