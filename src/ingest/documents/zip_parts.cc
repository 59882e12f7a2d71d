#include "ingest/documents/zip_parts.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace breachscope {
namespace {

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};

std::string ErrorOf(struct archive* a) {
  const char* message = archive_error_string(a);
  return message != nullptr ? message : "unknown error";
}

Status ReadPart(struct archive* a, const std::string& name, int64_t declared,
                std::string* out) {
  if (declared > static_cast<int64_t>(kMaxPartBytes)) {
    return LimitExceeded("document part " + name + " is larger than " +
                         std::to_string(kMaxPartBytes >> 20) + " MiB");
  }
  if (declared > 0) out->reserve(static_cast<size_t>(declared));
  char buffer[64 * 1024];
  for (;;) {
    const la_ssize_t n = archive_read_data(a, buffer, sizeof(buffer));
    if (n < 0) return Corrupt("document part " + name + " cannot be read: " + ErrorOf(a));
    if (n == 0) return {};
    if (out->size() + static_cast<size_t>(n) > kMaxPartBytes) {
      return LimitExceeded("document part " + name + " is larger than " +
                           std::to_string(kMaxPartBytes >> 20) + " MiB");
    }
    out->append(buffer, static_cast<size_t>(n));
  }
}

}  // namespace

Result<PartMap> ReadZipParts(std::string_view bytes,
                             const std::function<bool(std::string_view)>& wanted) {
  std::unique_ptr<struct archive, ArchiveFree> a(archive_read_new());
  archive_read_support_format_zip(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return Corrupt("document package (zip) cannot be opened: " + ErrorOf(a.get()));
  }
  PartMap parts;
  for (;;) {
    struct archive_entry* entry = nullptr;
    const int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      return Corrupt("document package (zip) is damaged: " + ErrorOf(a.get()));
    }
    const char* path = archive_entry_pathname(entry);
    if (path == nullptr || !wanted(path)) continue;
    std::string name(path);
    std::string content;
    const int64_t declared = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    BS_RETURN_IF_ERROR(ReadPart(a.get(), name, declared, &content));
    parts.emplace(std::move(name), std::move(content));
  }
  return parts;
}

}  // namespace breachscope
