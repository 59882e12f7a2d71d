// Test helpers: building archives in memory with libarchive's write API
// and recording what ReadArchive hands to its visitor.
#ifndef BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_TEST_UTIL_H_
#define BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_TEST_UTIL_H_

#include <archive.h>
#include <archive_entry.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/archive/archive_reader.h"

namespace breachscope {
namespace testing_util {

using SetFn = int (*)(struct archive*);

struct Member {
  std::string name;
  std::string data;
  unsigned type = AE_IFREG;
  std::string link = "";  // symlink target or hard link target
};

struct Spec {
  const char* label;
  SetFn format;
  SetFn filter;  // nullptr: none
};

inline la_ssize_t AppendToString(struct archive*, void* client, const void* buf,
                          size_t len) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buf), len);
  return static_cast<la_ssize_t>(len);
}

// Writes `members` as an archive. `options`/`passphrase` may be empty.
inline std::string BuildArchive(SetFn format, SetFn filter,
                         const std::vector<Member>& members,
                         const char* options = "",
                         const char* passphrase = "") {
  std::string out;
  struct archive* a = archive_write_new();
  EXPECT_EQ(format(a), ARCHIVE_OK) << archive_error_string(a);
  if (filter != nullptr) {
    EXPECT_EQ(filter(a), ARCHIVE_OK);
  }
  archive_write_set_bytes_in_last_block(a, 1);  // no padding after the data
  if (*options) {
    EXPECT_EQ(archive_write_set_options(a, options), ARCHIVE_OK)
        << archive_error_string(a);
  }
  if (*passphrase) archive_write_set_passphrase(a, passphrase);
  EXPECT_EQ(archive_write_open(a, &out, nullptr, AppendToString, nullptr),
            ARCHIVE_OK);
  for (const Member& m : members) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_filetype(e, m.type);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1700000000, 0);
    if (m.type == AE_IFLNK) archive_entry_set_symlink(e, m.link.c_str());
    const bool hardlink = m.type == AE_IFREG && !m.link.empty();
    if (hardlink) archive_entry_set_hardlink(e, m.link.c_str());
    archive_entry_set_size(e, m.type == AE_IFREG && !hardlink ? m.data.size()
                                                             : 0);
    EXPECT_EQ(archive_write_header(a, e), ARCHIVE_OK) << archive_error_string(a);
    if (!hardlink && m.type == AE_IFREG && !m.data.empty()) {
      EXPECT_EQ(archive_write_data(a, m.data.data(), m.data.size()),
                static_cast<la_ssize_t>(m.data.size()));
    }
    archive_entry_free(e);
  }
  EXPECT_EQ(archive_write_close(a), ARCHIVE_OK) << archive_error_string(a);
  archive_write_free(a);
  return out;
}

inline std::string Compress(SetFn filter, const std::string& data) {
  return BuildArchive(archive_write_set_format_raw, filter, {{"data", data}});
}

// ---- Reading. ----

class Recorder : public ArchiveVisitor {
 public:
  void OnMember(std::string_view path, std::string_view bytes) override {
    members.emplace_back(std::string(path), std::string(bytes));
  }
  void OnMemberError(std::string_view path, const Status& reason) override {
    errors.emplace_back(std::string(path), reason);
  }
  std::vector<std::pair<std::string, std::string>> members;
  std::vector<std::pair<std::string, Status>> errors;
};

struct ReadOutcome {
  Status status;
  Recorder seen;
  uint64_t budget_left = 0;
};

inline ReadOutcome Read(const std::string& bytes, const std::string& name = "x",
                 IngestOptions options = {},
                 uint64_t budget = uint64_t{1} << 40) {
  ReadOutcome out;
  out.budget_left = budget;
  out.status = ReadArchive(bytes, name, options, &out.budget_left, out.seen);
  return out;
}

inline std::string Binary() {
  std::string bytes;
  for (int i = 0; i < 3000; ++i) bytes.push_back(static_cast<char>(i * 7));
  return bytes;
}

inline const Spec kContainerSpecs[] = {
    {"zip", archive_write_set_format_zip, nullptr},
    {"tar", archive_write_set_format_pax_restricted, nullptr},
    {"tar.gz", archive_write_set_format_ustar, archive_write_add_filter_gzip},
    {"tar.bz2", archive_write_set_format_gnutar, archive_write_add_filter_bzip2},
    {"tar.xz", archive_write_set_format_pax, archive_write_add_filter_xz},
    {"7z", archive_write_set_format_7zip, nullptr},
};

}  // namespace testing_util
}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_ARCHIVE_ARCHIVE_TEST_UTIL_H_
