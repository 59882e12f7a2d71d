// Fuzzes ReadEml and ReadMbox (GMime underneath): no crash or hang on any
// bytes; attachments are handed over with a non-empty name.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/documents/email_reader.h"
#include "checking_sink.h"

namespace {

class NameCheckingVisitor : public breachscope::ArchiveVisitor {
 public:
  void OnMember(std::string_view path, std::string_view) override {
    if (path.empty()) std::abort();
  }
  void OnMemberError(std::string_view path, const breachscope::Status&) override {
    if (path.empty()) std::abort();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  breachscope::CheckingSink sink(SIZE_MAX);
  NameCheckingVisitor children;
  (void)breachscope::ReadEml(bytes, sink, &children);
  (void)breachscope::ReadMbox(bytes, sink, &children);
  return 0;
}
