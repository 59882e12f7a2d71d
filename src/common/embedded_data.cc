#include "common/embedded_data.h"

#include <algorithm>
#include <cstddef>

namespace breachscope::embedded {
struct Blob {
  const char* name;
  const char* begin;
  const char* end;
};
extern const Blob kBlobs[];
extern const size_t kBlobCount;
}  // namespace breachscope::embedded

namespace breachscope {

std::string_view EmbeddedData(std::string_view relative_path) {
  for (size_t i = 0; i < embedded::kBlobCount; ++i) {
    const embedded::Blob& blob = embedded::kBlobs[i];
    if (relative_path == blob.name) {
      return std::string_view(blob.begin, static_cast<size_t>(blob.end - blob.begin));
    }
  }
  return {};
}

std::vector<std::string_view> EmbeddedDataFiles() {
  std::vector<std::string_view> names;
  for (size_t i = 0; i < embedded::kBlobCount; ++i) {
    names.push_back(embedded::kBlobs[i].name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace breachscope
