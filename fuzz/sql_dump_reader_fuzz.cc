// Fuzzes ReadSqlDump: it must not crash, hang, or report a unit outside the
// input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/extract/sql_dump_reader.h"

namespace {

class CheckingSink : public breachscope::UnitSink {
 public:
  explicit CheckingSink(size_t size) : size_(size) {}
  void OnUnit(const breachscope::TextUnit& unit) override {
    if (unit.offset > size_ || unit.text.empty() || unit.column < 0 || unit.record < 0) std::abort();
  }

 private:
  size_t size_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckingSink sink(size);
  (void)breachscope::ReadSqlDump(text, sink);
  return 0;
}
