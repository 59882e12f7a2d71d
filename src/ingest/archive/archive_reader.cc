// ReadArchive: libarchive over an in-memory buffer, with hostile-input limits.
//
// Safety choices, each deliberate:
//  * Only the zip, tar and 7z readers are enabled, not
//    archive_read_support_format_all(): that also enables mtree, whose reader
//    opens files named in the archive *on the local disk*, and a dozen rarely
//    needed parsers that only widen the attack surface.
//  * Only compression filters that libarchive runs in-process are enabled. A
//    filter built without its library silently falls back to spawning an
//    external program, which we never do on hostile input.
//  * Every decompressed byte, including bytes read only to get past a member
//    that was refused, is charged to the source's budget and to the archive's
//    expansion ratio, so zip bombs (nested, overlapping or quines) stop after
//    bounded work.
#include "ingest/archive/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "ingest/archive/archive_limits.h"
#include "ingest/archive/member_names.h"

namespace breachscope {
namespace {

constexpr size_t kReadChunk = size_t{1} << 20;
// Declared sizes are hostile; never reserve more than this up front.
constexpr uint64_t kMaxUpfrontReserve = uint64_t{64} << 20;
// Headers that fail without consuming input could otherwise loop forever.
constexpr int kMaxConsecutiveFailures = 16;

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveFree>;
using FilterFn = int (*)(struct archive*);

// Filters that registered with ARCHIVE_OK on a probe handle, i.e. run
// in-process. Computed once; function-local statics are thread-safe.
const std::vector<FilterFn>& NativeFilters() {
  static const std::vector<FilterFn> filters = [] {
    const FilterFn candidates[] = {
        archive_read_support_filter_gzip, archive_read_support_filter_bzip2,
        archive_read_support_filter_xz,   archive_read_support_filter_lzma,
        archive_read_support_filter_zstd,
    };
    std::vector<FilterFn> native;
    for (FilterFn add : candidates) {
      ArchivePtr probe(archive_read_new());
      if (probe && add(probe.get()) == ARCHIVE_OK) native.push_back(add);
    }
    return native;
  }();
  return filters;
}

// libarchive converts member names with the thread's locale. In the "C"
// locale UTF-8 names from zip headers degrade to '?'; a UTF-8 locale keeps
// them, and names that are not valid UTF-8 still come through as raw bytes.
class ScopedUtf8Locale {
 public:
  ScopedUtf8Locale() {
    static const locale_t utf8 =
        newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    if (utf8 != static_cast<locale_t>(0)) previous_ = uselocale(utf8);
  }
  ~ScopedUtf8Locale() {
    if (previous_ != static_cast<locale_t>(0)) uselocale(previous_);
  }
  ScopedUtf8Locale(const ScopedUtf8Locale&) = delete;
  ScopedUtf8Locale& operator=(const ScopedUtf8Locale&) = delete;

 private:
  locale_t previous_ = static_cast<locale_t>(0);
};

ArchivePtr OpenReader(std::string_view bytes, bool raw) {
  ArchivePtr a(archive_read_new());
  if (!a) return a;
  for (FilterFn add : NativeFilters()) add(a.get());
  if (raw) {
    archive_read_support_format_raw(a.get());
    archive_read_support_format_empty(a.get());
  } else {
    archive_read_support_format_zip(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_7zip(a.get());
  }
  // A failed open leaves its message in the handle, and the first
  // archive_read_next_header() then fails with it: one error path, not two.
  (void)archive_read_open_memory(a.get(), bytes.data(), bytes.size());
  return a;
}

std::string ErrorText(struct archive* a) {
  const char* text = archive_error_string(a);
  return text != nullptr && *text != '\0' ? text : "unreadable archive data";
}

std::string EntryPath(struct archive_entry* entry) {
  if (const char* mbs = archive_entry_pathname(entry)) return mbs;
  if (const wchar_t* wide = archive_entry_pathname_w(entry)) {
    return WideToUtf8(wide);
  }
  return "";
}

// Why a non-regular entry is not read, or empty when it is a file to read.
std::string RefusalReason(struct archive_entry* entry) {
  const char* hardlink = archive_entry_hardlink(entry);
  const bool has_data =
      archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0;
  if (hardlink != nullptr && !has_data) {
    // The target is a member of its own, read where it appears.
    return "hard link to " + CleanMemberPath(hardlink) + ", not followed";
  }
  switch (archive_entry_filetype(entry)) {
    case 0:  // some writers leave the type unset on plain files
    case AE_IFREG:
      return "";
    case AE_IFLNK:
      return "symbolic link in archive, not followed";
    default:
      return "special file in archive (device, fifo or socket), not read";
  }
}

// How reading one member's data ended.
enum class DataEnd {
  kComplete,     // all bytes are in the buffer
  kTooLarge,     // over max_member_bytes; the rest of the member is unread
  kLimit,        // budget or ratio: the whole archive stops
  kError,        // libarchive failed on this member; the next may be fine
  kFatal,        // libarchive cannot go on
};

class ArchiveWalk {
 public:
  ArchiveWalk(struct archive* a, bool raw, std::string raw_name,
              ExpansionMeter& meter, const IngestOptions& options,
              ArchiveVisitor& visitor)
      : a_(a), raw_(raw), raw_name_(std::move(raw_name)), meter_(meter),
        options_(options), visitor_(visitor) {}

  // Reads members until the end. `result` is what the first
  // archive_read_next_header() returned for `entry`.
  Status Run(int result, struct archive_entry* entry);

 private:
  // Returns a status that ends the walk, or Ok to go on.
  Status HandleMember(struct archive_entry* entry);
  Status ReadMember(const std::string& path, struct archive_entry* entry);
  // Reads the current member's data into buffer_[0, len_).
  DataEnd ReadData(Status* why);
  // Reads and discards the rest of a refused member, charging the meter, so
  // getting past it costs no more work than the limits allow.
  Status Drain();
  // Reports a member error; returns non-Ok when the walk must stop.
  Status MemberFailed(const std::string& path, const Status& reason);

  struct archive* a_;
  const bool raw_;
  const std::string raw_name_;
  ExpansionMeter& meter_;
  const IngestOptions& options_;
  ArchiveVisitor& visitor_;
  std::string buffer_;  // reused across members; its size is a high-water mark
  size_t len_ = 0;
  int consecutive_failures_ = 0;
};

Status ArchiveWalk::Run(int result, struct archive_entry* entry) {
  for (;;) {
    if (result == ARCHIVE_EOF) return Status::Ok();
    if (result == ARCHIVE_FATAL) {
      if (archive_read_has_encrypted_entries(a_) > 0) {
        return Encrypted("encrypted archive (password required): " +
                         ErrorText(a_));
      }
      return Corrupt(ErrorText(a_));
    }
    if (result == ARCHIVE_FAILED || result == ARCHIVE_RETRY) {
      // This header is unusable but the next one may be fine.
      BS_RETURN_IF_ERROR(MemberFailed(CleanMemberPath(EntryPath(entry)),
                                      Corrupt(ErrorText(a_))));
    } else {
      BS_RETURN_IF_ERROR(HandleMember(entry));  // ARCHIVE_OK or ARCHIVE_WARN
      if (raw_) return Status::Ok();  // a compressed file has one member
    }
    result = archive_read_next_header(a_, &entry);
  }
}

Status ArchiveWalk::MemberFailed(const std::string& path,
                                 const Status& reason) {
  visitor_.OnMemberError(path, reason);
  if (reason.code() == StatusCode::kCorrupt &&
      ++consecutive_failures_ > kMaxConsecutiveFailures) {
    return Corrupt("too many unreadable members in a row; giving up");
  }
  return Status::Ok();
}

Status ArchiveWalk::HandleMember(struct archive_entry* entry) {
  if (archive_entry_filetype(entry) == AE_IFDIR) return Status::Ok();
  const std::string path = raw_ ? raw_name_ : CleanMemberPath(EntryPath(entry));
  if (std::string refusal = RefusalReason(entry); !refusal.empty()) {
    return MemberFailed(path, Unsupported(refusal));
  }
  if (archive_entry_is_encrypted(entry)) {
    return MemberFailed(path,
                        Encrypted("encrypted member (password required)"));
  }
  const int64_t declared =
      archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
  if (declared > 0 &&
      static_cast<uint64_t>(declared) > options_.max_member_bytes) {
    BS_RETURN_IF_ERROR(MemberFailed(
        path, MemberTooLarge(options_.max_member_bytes,
                             static_cast<uint64_t>(declared))));
    return raw_ ? Status::Ok() : Drain();
  }
  if (declared > 0) {
    // Declared sizes are hostile: cap what is reserved before reading.
    const uint64_t reserve = std::min<uint64_t>(
        {static_cast<uint64_t>(declared), kMaxUpfrontReserve,
         options_.max_member_bytes});
    if (buffer_.size() < reserve) buffer_.resize(reserve);
  }
  return ReadMember(path, entry);
}

Status ArchiveWalk::ReadMember(const std::string& path,
                               struct archive_entry* entry) {
  Status why;
  switch (ReadData(&why)) {
    case DataEnd::kComplete:
      consecutive_failures_ = 0;
      visitor_.OnMember(path, std::string_view(buffer_.data(), len_));
      return Status::Ok();
    case DataEnd::kTooLarge:
      BS_RETURN_IF_ERROR(MemberFailed(path, why));
      return raw_ ? Status::Ok() : Drain();
    case DataEnd::kLimit:
      visitor_.OnMemberError(path, why);
      return why;
    case DataEnd::kError:
      if (archive_entry_is_encrypted(entry) ||
          archive_read_has_encrypted_entries(a_) > 0) {
        why = Encrypted("encrypted member (password required)");
      }
      return MemberFailed(path, why);
    case DataEnd::kFatal:
      visitor_.OnMemberError(path, why);
      return Corrupt("archive unreadable from member " + path + " on: " +
                     why.message());
  }
  return Internal("unhandled end of member data");
}

DataEnd ArchiveWalk::ReadData(Status* why) {
  len_ = 0;
  const uint64_t limit = options_.max_member_bytes;
  for (;;) {
    // One byte past the member limit or the budget is enough to detect it.
    const uint64_t room = limit - len_;  // len_ <= limit here
    const uint64_t want = std::min<uint64_t>(
        {kReadChunk, room < kReadChunk ? room + 1 : kReadChunk,
         meter_.BudgetLeft()});
    if (buffer_.size() < len_ + want) {
      buffer_.resize(std::max<uint64_t>(len_ + want, buffer_.size() * 2));
    }
    const la_ssize_t n = archive_read_data(a_, buffer_.data() + len_, want);
    if (n == 0) return DataEnd::kComplete;
    if (n < 0) {
      *why = Corrupt(ErrorText(a_));
      return n == ARCHIVE_FATAL ? DataEnd::kFatal : DataEnd::kError;
    }
    len_ += static_cast<size_t>(n);
    if (Status charged = meter_.Charge(static_cast<uint64_t>(n));
        !charged.ok()) {
      *why = charged;
      return DataEnd::kLimit;
    }
    if (len_ > limit) {
      *why = MemberTooLarge(limit, 0);
      return DataEnd::kTooLarge;
    }
  }
}

Status ArchiveWalk::Drain() {
  // Plain tar skips by moving a pointer in memory: nothing to charge.
  if (archive_filter_count(a_) <= 1 &&
      (archive_format(a_) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR) {
    return Status::Ok();
  }
  char scratch[64 * 1024];
  for (;;) {
    const la_ssize_t n = archive_read_data(a_, scratch, sizeof(scratch));
    if (n == 0) return Status::Ok();
    if (n < 0) {
      // The member is already reported; a fatal error ends the archive.
      if (n == ARCHIVE_FATAL) return Corrupt(ErrorText(a_));
      return Status::Ok();
    }
    BS_RETURN_IF_ERROR(meter_.Charge(static_cast<uint64_t>(n)));
  }
}

Status NotAnArchive() {
  return Unsupported("not a recognized archive or compressed file");
}

bool HasCompressionFilter(struct archive* a) {
  // The bottom filter, "none", is always there; a real one sits above it.
  return archive_filter_count(a) >= 2 &&
         archive_filter_code(a, 0) != ARCHIVE_FILTER_NONE;
}

// The single member of a gzip/bzip2/xz/... file, read with format "raw".
// Format "empty" is registered too because "raw" needs at least one byte:
// a compressed empty file is one empty member, not an error.
Status ReadCompressedFile(std::string_view bytes, std::string_view name,
                          ExpansionMeter& meter, const IngestOptions& options,
                          ArchiveVisitor& visitor) {
  ArchivePtr a = OpenReader(bytes, /*raw=*/true);
  if (!a) return Internal("cannot allocate an archive reader");
  struct archive_entry* entry = nullptr;
  const int result = archive_read_next_header(a.get(), &entry);
  const std::string member = CompressedMemberName(name);
  if (result == ARCHIVE_EOF) {
    if (!HasCompressionFilter(a.get())) return NotAnArchive();
    visitor.OnMember(member, std::string_view());
    return Status::Ok();
  }
  if (result != ARCHIVE_OK && result != ARCHIVE_WARN) {
    // A filter recognized the stream but could not decompress its start.
    return Corrupt(ErrorText(a.get()));
  }
  // Format raw accepts any bytes; only a compression filter makes them a
  // compressed file.
  if (!HasCompressionFilter(a.get())) return NotAnArchive();
  ArchiveWalk walk(a.get(), /*raw=*/true, member, meter, options, visitor);
  return walk.Run(result, entry);
}

Status ReadArchiveImpl(std::string_view bytes, std::string_view name,
                       const IngestOptions& options, uint64_t* budget_bytes,
                       ArchiveVisitor& visitor) {
  ScopedUtf8Locale utf8_names;
  ExpansionMeter meter(options, bytes.size(), budget_bytes);
  ArchivePtr a = OpenReader(bytes, /*raw=*/false);
  if (!a) return Internal("cannot allocate an archive reader");
  struct archive_entry* entry = nullptr;
  const int first = archive_read_next_header(a.get(), &entry);
  if ((first == ARCHIVE_FATAL || first == ARCHIVE_FAILED) &&
      archive_format(a.get()) == 0) {
    // No archive format recognized: maybe a single compressed file.
    return ReadCompressedFile(bytes, name, meter, options, visitor);
  }
  ArchiveWalk walk(a.get(), /*raw=*/false, "", meter, options, visitor);
  return walk.Run(first, entry);
}

}  // namespace

Status ReadArchive(std::string_view bytes, std::string_view name,
                   const IngestOptions& options, uint64_t* budget_bytes,
                   ArchiveVisitor& visitor) {
  // No exception may cross the stage boundary: allocation failures of the
  // member buffer, or a visitor that throws, end this archive only.
  try {
    return ReadArchiveImpl(bytes, name, options, budget_bytes, visitor);
  } catch (const std::bad_alloc&) {
    return LimitExceeded("out of memory while reading archive members");
  } catch (const std::exception& e) {
    return Internal(std::string("exception while reading archive: ") +
                    e.what());
  } catch (...) {
    return Internal("unknown exception while reading archive");
  }
}

}  // namespace breachscope
