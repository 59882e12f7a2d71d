// Fuzzes ReadDicom (DCMTK underneath): no crash, hang or huge allocation on
// any bytes, and every unit names its attribute.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/documents/dicom_reader.h"

namespace {

class AttributeCheckingSink : public breachscope::UnitSink {
 public:
  void OnUnit(const breachscope::TextUnit& unit) override {
    if (unit.label.empty() || unit.path.empty() || unit.text.empty()) std::abort();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  AttributeCheckingSink sink;
  (void)breachscope::ReadDicom(bytes, sink);
  return 0;
}
