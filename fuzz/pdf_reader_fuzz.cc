// Fuzzes ReadPdf (poppler underneath): it must not crash or hang on any
// bytes, and field units must carry a label.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/documents/pdf_reader.h"

namespace {

class LabelCheckingSink : public breachscope::UnitSink {
 public:
  void OnUnit(const breachscope::TextUnit& unit) override {
    if (unit.kind == breachscope::UnitKind::kField && unit.path.empty()) std::abort();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  LabelCheckingSink sink;
  (void)breachscope::ReadPdf(bytes, sink);
  return 0;
}
