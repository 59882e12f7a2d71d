// Thin owners and getters over libpff for the PST reader (pst_reader.h):
// libpff's error objects as messages a user reads, items and handles freed
// on scope exit, property values as std::optional (absent or unreadable is
// nullopt: a mailbox is read for what it holds, not validated). Stateless
// functions; each object belongs to one thread.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_PST_VALUES_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_PST_VALUES_H_

#include <libbfio.h>
#include <libpff.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>

namespace breachscope::pst {

// libpff reports failures as an error object; this owns one and turns it
// into the message a user reads (the innermost reason, without the call
// chain of function names).
class PffError {
 public:
  PffError() = default;
  PffError(const PffError&) = delete;
  PffError& operator=(const PffError&) = delete;
  ~PffError() { Clear(); }

  libpff_error_t** out() {
    Clear();
    return &error_;
  }
  std::string Message() const;

 private:
  void Clear() {
    if (error_ != nullptr) libpff_error_free(&error_);
  }
  libpff_error_t* error_ = nullptr;
};

struct ItemFree {
  void operator()(libpff_item_t* item) const { libpff_item_free(&item, nullptr); }
};
using Item = std::unique_ptr<libpff_item_t, ItemFree>;

struct FileFree {
  void operator()(libpff_file_t* file) const {
    libpff_file_close(file, nullptr);
    libpff_file_free(&file, nullptr);
  }
};

struct BfioFree {
  void operator()(libbfio_handle_t* handle) const { libbfio_handle_free(&handle, nullptr); }
};

struct RecordSetFree {
  void operator()(libpff_record_set_t* set) const { libpff_record_set_free(&set, nullptr); }
};
using RecordSet = std::unique_ptr<libpff_record_set_t, RecordSetFree>;

// libpff's strings end with a NUL that is counted in their size.
std::string Trimmed(std::string text);

// One row of a table item (recipients): its set of property values.
RecordSet RowOf(libpff_item_t* item, int row);
// A string or 32-bit property of a row.
std::optional<std::string> RowString(libpff_record_set_t* set, uint32_t type);
std::optional<uint32_t> RowInt32(libpff_record_set_t* set, uint32_t type);
// A string property of an item with one set of values (an attachment).
std::optional<std::string> ItemString(libpff_item_t* item, uint32_t type);
// A message's string property, decoded with the message's own code page
// when the mailbox is ANSI.
std::optional<std::string> MessageString(libpff_item_t* message, uint32_t type);

// The first candidate that is an SMTP address: an Exchange address is an
// X.500 path ("/O=CLINIC/OU=..."), not an e-mail address.
std::optional<std::string> FirstSmtp(std::initializer_list<std::optional<std::string>> candidates);

// FILETIME (100 ns ticks since 1601) as "2024-03-04T14:30:00Z"; "" before 1970.
std::string IsoTime(uint64_t filetime);

// A body through one of libpff's size-then-copy getters; nullopt when
// absent or only blanks.
using BodySizeFn = int (*)(libpff_item_t*, size_t*, libpff_error_t**);
using BodyGetFn = int (*)(libpff_item_t*, uint8_t*, size_t, libpff_error_t**);
std::optional<std::string> Body(libpff_item_t* message, BodySizeFn size_fn, BodyGetFn get_fn);

// Folder and file names become parts of member paths: no separators of
// ours inside them ("/" between parts, "!" between an item and its members).
std::string PathPart(std::string name);

}  // namespace breachscope::pst

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_PST_VALUES_H_
