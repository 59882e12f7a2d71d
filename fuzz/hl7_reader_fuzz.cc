// Fuzzes ReadHl7: it must not crash, hang or report offsets outside the
// input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/extract/hl7_reader.h"

namespace {

class CheckingSink : public breachscope::UnitSink {
 public:
  explicit CheckingSink(size_t size) : size_(size) {}
  void OnUnit(const breachscope::TextUnit& unit) override {
    if (unit.offset > size_) std::abort();
  }

 private:
  size_t size_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckingSink sink(size);
  (void)breachscope::ReadHl7(text, sink);
  return 0;
}
