// libFuzzer harness for ReadArchive: any bytes, never a crash, a hang or
// unbounded memory. Limits are lowered so each input stays cheap.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/archive/archive_reader.h"

namespace {

class DiscardVisitor : public breachscope::ArchiveVisitor {
 public:
  void OnMember(std::string_view path, std::string_view bytes) override {
    // Touch the view's ends so out-of-bounds views are caught by ASan.
    if (!bytes.empty()) sink_ = sink_ ^ bytes.front() ^ bytes.back();
    if (!path.empty()) sink_ = sink_ ^ path.back();
  }
  void OnMemberError(std::string_view path,
                     const breachscope::Status& reason) override {
    sink_ = sink_ ^ static_cast<char>(reason.message().size() + path.size());
  }

 private:
  volatile char sink_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  breachscope::IngestOptions options;
  options.max_member_bytes = 8u << 20;
  uint64_t budget = 32u << 20;
  DiscardVisitor visitor;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)breachscope::ReadArchive(bytes, "fuzz.bin.gz", options, &budget,
                                 visitor);
  return 0;
}
