// Fuzzes ReadOle2Document (libgsf, then the Word piece table and the Excel
// BIFF8 records): no crash, hang or huge allocation on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/documents/ole2_reader.h"
#include "checking_sink.h"

// libgsf 1.14.50 leaks a directory entry (80 bytes and its name) inside
// gsf_infile_msole_new() on some malformed directories: a leak of the
// library, small and per damaged file; every other leak still fails. The
// library has no frame pointers, so the stack is unwound slowly to see it.
extern "C" const char* __asan_default_options() { return "fast_unwind_on_malloc=0"; }
extern "C" const char* __lsan_default_suppressions() {
  return "leak:gsf_infile_msole_new\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Text comes from streams inside the file: at most 3 UTF-8 bytes per
  // 1-byte character, offsets below that.
  breachscope::CheckingSink sink(3 * size);
  (void)breachscope::ReadOle2Document(bytes, sink);
  return 0;
}
