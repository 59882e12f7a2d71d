// Fuzzes ReadCsv with each delimiter: it must not crash, hang, or report a
// unit outside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/extract/csv_reader.h"
#include "checking_sink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (char delimiter : {',', ';', '\t', '|'}) {
    breachscope::CheckingSink sink(size, /*table_cells=*/true);
    (void)breachscope::ReadCsv(text, delimiter, sink);
  }
  return 0;
}
