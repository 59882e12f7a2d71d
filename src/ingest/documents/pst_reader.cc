#include "ingest/documents/pst_reader.h"

#include <libbfio.h>
#include <libpff.h>

#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "ingest/documents/html_text.h"
#include "ingest/documents/part_sink.h"
#include "ingest/documents/rtf_text.h"
#include "ingest/extract/text_reader.h"

namespace breachscope {
namespace {

// PidTagSmtpAddress, PidTagSenderSmtpAddress, PidTagSentRepresentingSmtpAddress:
// Exchange mailboxes (OST) keep X.500 addresses ("/O=CLINIC/OU=...") in the
// ordinary address properties and the SMTP address here. libpff has no names
// for them.
constexpr uint32_t kSmtpAddress = 0x39FE;
constexpr uint32_t kSenderSmtpAddress = 0x5D01;
constexpr uint32_t kSentRepresentingSmtpAddress = 0x5D02;

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
  std::string Message() const {
    if (error_ == nullptr) return "unknown libpff error";
    char text[1024] = {};
    if (libpff_error_sprint(error_, text, sizeof(text)) < 0) return "unknown libpff error";
    std::string message(text);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (size_t nl = message.rfind('\n'); nl != std::string::npos) message.erase(0, nl + 1);
    if (size_t colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
    return message;
  }

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

// libpff's strings end with a NUL that is counted in their size.
std::string Trimmed(std::string text) {
  text.resize(strnlen(text.data(), text.size()));
  return text;
}

struct RecordSetFree {
  void operator()(libpff_record_set_t* set) const { libpff_record_set_free(&set, nullptr); }
};
using RecordSet = std::unique_ptr<libpff_record_set_t, RecordSetFree>;

struct RecordEntryFree {
  void operator()(libpff_record_entry_t* entry) const { libpff_record_entry_free(&entry, nullptr); }
};
using RecordEntry = std::unique_ptr<libpff_record_entry_t, RecordEntryFree>;

// One row of a table item (recipients): its set of property values.
RecordSet RowOf(libpff_item_t* item, int row) {
  PffError error;
  libpff_record_set_t* set = nullptr;
  if (libpff_item_get_record_set_by_index(item, row, &set, error.out()) != 1) return nullptr;
  return RecordSet(set);
}

RecordEntry EntryOf(libpff_record_set_t* set, uint32_t type) {
  PffError error;
  libpff_record_entry_t* entry = nullptr;
  if (set == nullptr ||
      libpff_record_set_get_entry_by_type(set, type, 0, &entry,
                                          LIBPFF_ENTRY_VALUE_FLAG_MATCH_ANY_VALUE_TYPE,
                                          error.out()) != 1) {
    return nullptr;
  }
  return RecordEntry(entry);
}

// A string property of a row; nullopt when absent or not a string.
std::optional<std::string> RowString(libpff_record_set_t* set, uint32_t type) {
  RecordEntry entry = EntryOf(set, type);
  if (entry == nullptr) return std::nullopt;
  PffError error;
  size_t size = 0;
  if (libpff_record_entry_get_data_as_utf8_string_size(entry.get(), &size, error.out()) != 1 ||
      size == 0) {
    return std::nullopt;
  }
  std::string text(size, '\0');
  if (libpff_record_entry_get_data_as_utf8_string(
          entry.get(), reinterpret_cast<uint8_t*>(text.data()), size, error.out()) != 1) {
    return std::nullopt;
  }
  return Trimmed(std::move(text));
}

std::optional<uint32_t> RowInt32(libpff_record_set_t* set, uint32_t type) {
  RecordEntry entry = EntryOf(set, type);
  PffError error;
  uint32_t value = 0;
  if (entry == nullptr ||
      libpff_record_entry_get_data_as_32bit_integer(entry.get(), &value, error.out()) != 1) {
    return std::nullopt;
  }
  return value;
}

// A string property of an item with one set of values (an attachment).
std::optional<std::string> ItemString(libpff_item_t* item, uint32_t type) {
  RecordSet set = RowOf(item, 0);
  return RowString(set.get(), type);
}

// A message's string property, decoded with the message's own code page
// when the mailbox is ANSI.
std::optional<std::string> MessageString(libpff_item_t* message, uint32_t type) {
  PffError error;
  size_t size = 0;
  if (libpff_message_get_entry_value_utf8_string_size(message, type, &size, error.out()) != 1 ||
      size == 0) {
    return std::nullopt;
  }
  std::string text(size, '\0');
  if (libpff_message_get_entry_value_utf8_string(
          message, type, reinterpret_cast<uint8_t*>(text.data()), size, error.out()) != 1) {
    return std::nullopt;
  }
  return Trimmed(std::move(text));
}

// An Exchange address is an X.500 path, not an e-mail address.
bool IsSmtp(const std::optional<std::string>& address) {
  return address && !address->empty() && address->front() != '/';
}

std::optional<std::string> FirstSmtp(std::initializer_list<std::optional<std::string>> candidates) {
  for (const auto& candidate : candidates) {
    if (IsSmtp(candidate)) return candidate;
  }
  return std::nullopt;
}

// FILETIME (100 ns ticks since 1601) as "2024-03-04T14:30:00Z".
std::string IsoTime(uint64_t filetime) {
  constexpr uint64_t kUnixEpoch = 116444736000000000ull;
  if (filetime < kUnixEpoch) return "";
  const time_t seconds = static_cast<time_t>((filetime - kUnixEpoch) / 10000000ull);
  struct tm utc {};
  if (gmtime_r(&seconds, &utc) == nullptr || utc.tm_year + 1900 > 9999) return "";
  char text[32];
  strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// A body through one of libpff's size-then-copy getters.
template <typename SizeFn, typename GetFn>
std::optional<std::string> Body(libpff_item_t* message, SizeFn size_fn, GetFn get_fn) {
  PffError error;
  size_t size = 0;
  if (size_fn(message, &size, error.out()) != 1 || size == 0) return std::nullopt;
  std::string text(size, '\0');
  if (get_fn(message, reinterpret_cast<uint8_t*>(text.data()), size, error.out()) != 1) {
    return std::nullopt;
  }
  text = Trimmed(std::move(text));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  return text;
}

// Folder and file names become parts of member paths: no separators of
// ours inside them ("/" between parts, "!" between an item and its members).
std::string PathPart(std::string name) {
  for (char& c : name) {
    if (c == '/' || c == '\\' || c == '!') c = '_';
  }
  return name;
}

struct Budget {
  const IngestOptions& options;
  uint64_t bytes_left;  // of max_total_bytes_per_source
  std::set<uint32_t> folders_seen;
  int64_t next_record = 0;
};

// Reads one message (and, recursively, the messages attached to it).
class MessageReader {
 public:
  // `place` is the message's path prefix, "Inbox/2/"; `depth` counts
  // attached messages (0 for a message of a folder).
  MessageReader(UnitSink& sink, ArchiveVisitor* children, Budget& budget, int64_t record,
                std::string place, int depth)
      : sink_(sink), children_(children), budget_(budget), record_(record),
        place_(std::move(place)), depth_(depth) {}

  void Read(libpff_item_t* message) {
    Sender(message);
    Recipients(message);
    if (auto subject = MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SUBJECT)) {
      Field("subject", "subject", NormalizedSubject(*subject));
    }
    PffError error;
    uint64_t filetime = 0;
    if (libpff_message_get_delivery_time(message, &filetime, error.out()) == 1) {
      Field("date", "date", IsoTime(filetime));
    }
    Bodies(message);
    Attachments(message);
  }

 private:
  // A subject may start with 0x01 and the length of its prefix ("RE: ").
  static std::string NormalizedSubject(std::string subject) {
    if (subject.size() >= 2 && subject[0] == '\x01') subject.erase(0, 2);
    return subject;
  }

  void Sender(libpff_item_t* message) {
    auto name = MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_NAME);
    if (!name) name = MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENT_REPRESENTING_NAME);
    auto address = FirstSmtp(
        {MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_EMAIL_ADDRESS),
         MessageString(message, kSenderSmtpAddress),
         MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENT_REPRESENTING_EMAIL_ADDRESS),
         MessageString(message, kSentRepresentingSmtpAddress)});
    if (name) Field("from.name", "from[1].name", *name);
    if (address) Field("from.email", "from[1].email", *address);
  }

  void Recipients(libpff_item_t* message) {
    PffError error;
    libpff_item_t* raw = nullptr;
    const int found = libpff_message_get_recipients(message, &raw, error.out());
    Item recipients(raw);
    if (found == -1) sink_.OnWarning(place_ + ": recipients unreadable: " + error.Message());
    if (found != 1) return;
    int count = 0;
    if (libpff_item_get_number_of_record_sets(recipients.get(), &count, error.out()) != 1) return;
    // Originator rows (type 0) and unknown types count as To.
    static constexpr const char* kRoles[] = {"to", "cc", "bcc"};
    int numbers[3] = {0, 0, 0};
    for (int i = 0; i < count; ++i) {
      RecordSet row = RowOf(recipients.get(), i);
      const uint32_t type =
          RowInt32(row.get(), LIBPFF_ENTRY_TYPE_RECIPIENT_TYPE).value_or(LIBPFF_RECIPIENT_TYPE_TO);
      const int slot = type == LIBPFF_RECIPIENT_TYPE_CC ? 1 : type == LIBPFF_RECIPIENT_TYPE_BCC ? 2 : 0;
      const std::string role = kRoles[slot];
      const std::string at = role + "[" + std::to_string(++numbers[slot]) + "]";
      auto name = RowString(row.get(), LIBPFF_ENTRY_TYPE_DISPLAY_NAME);
      auto address = FirstSmtp({RowString(row.get(), kSmtpAddress),
                                RowString(row.get(), LIBPFF_ENTRY_TYPE_EMAIL_ADDRESS)});
      if (name) Field(role + ".name", at + ".name", *name);
      if (address) Field(role + ".email", at + ".email", *address);
    }
  }

  // Outlook keeps one body in up to three forms; the plainest is read.
  void Bodies(libpff_item_t* message) {
    PartSink body(sink_, place_ + "body", record_);
    if (auto plain = Body(message, libpff_message_get_plain_text_body_size,
                          libpff_message_get_plain_text_body)) {
      (void)ReadText(*plain, body);
    } else if (auto html = Body(message, libpff_message_get_html_body_size,
                                libpff_message_get_html_body)) {
      (void)ReadHtml(*html, body);
    } else if (auto rtf = Body(message, libpff_message_get_rtf_body_size,
                               libpff_message_get_rtf_body)) {
      (void)ReadRtf(*rtf, body);
    }
  }

  void Attachments(libpff_item_t* message) {
    PffError error;
    int count = 0;
    if (libpff_message_get_number_of_attachments(message, &count, error.out()) != 1) {
      sink_.OnWarning(place_ + ": attachments unreadable: " + error.Message());
      return;
    }
    for (int i = 0; i < count; ++i) {
      libpff_item_t* raw = nullptr;
      if (libpff_message_get_attachment(message, i, &raw, error.out()) != 1) {
        Error(ChildName(std::nullopt), Corrupt("attachment unreadable: " + error.Message()));
        continue;
      }
      Item attachment(raw);
      Attachment(attachment.get());
    }
  }

  void Attachment(libpff_item_t* attachment) {
    PffError error;
    int type = 0;
    if (libpff_attachment_get_type(attachment, &type, error.out()) != 1) {
      Error(ChildName(AttachmentName(attachment)), Corrupt("attachment type unreadable"));
      return;
    }
    if (type == LIBPFF_ATTACHMENT_TYPE_ITEM) {
      AttachedMessage(attachment);
    } else if (type == LIBPFF_ATTACHMENT_TYPE_DATA) {
      AttachedData(attachment);
    } else {
      sink_.OnWarning(place_ + ": an attachment links to a file outside the mailbox");
    }
  }

  static std::optional<std::string> AttachmentName(libpff_item_t* attachment) {
    for (uint32_t type : {LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_LONG,
                          LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_SHORT,
                          LIBPFF_ENTRY_TYPE_DISPLAY_NAME}) {
      if (auto name = ItemString(attachment, type); name && !name->empty()) return name;
    }
    return std::nullopt;
  }

  void AttachedData(libpff_item_t* attachment) {
    const std::string name = ChildName(AttachmentName(attachment));
    if (children_ == nullptr) return;
    PffError error;
    size64_t size = 0;
    const int has_data = libpff_attachment_get_data_size(attachment, &size, error.out());
    if (has_data == -1) {
      Error(name, Corrupt("attachment data unreadable: " + error.Message()));
      return;
    }
    if (Status limit = CheckSize(size); !limit.ok()) {
      Error(name, limit);
      return;
    }
    std::string bytes(has_data == 1 ? size : 0, '\0');
    if (!bytes.empty() && !ReadAll(attachment, &bytes, &error)) {
      Error(name, Corrupt("attachment data unreadable: " + error.Message()));
      return;
    }
    budget_.bytes_left -= bytes.size();
    children_->OnMember(name, bytes);
  }

  Status CheckSize(uint64_t size) const {
    const IngestOptions& options = budget_.options;
    if (size > options.max_member_bytes) {
      return LimitExceeded("attachment of " + std::to_string(size) + " bytes is over the " +
                           std::to_string(options.max_member_bytes) + "-byte member limit");
    }
    if (size > budget_.bytes_left) {
      return LimitExceeded("attachment of " + std::to_string(size) +
                           " bytes is past the source's total-bytes limit");
    }
    return {};
  }

  static bool ReadAll(libpff_item_t* attachment, std::string* bytes, PffError* error) {
    if (libpff_attachment_data_seek_offset(attachment, 0, SEEK_SET, error->out()) != 0) {
      return false;
    }
    size_t done = 0;
    while (done < bytes->size()) {
      const ssize_t n = libpff_attachment_data_read_buffer(
          attachment, reinterpret_cast<uint8_t*>(bytes->data()) + done, bytes->size() - done,
          error->out());
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }

  void AttachedMessage(libpff_item_t* attachment) {
    const std::string name = ChildName(AttachmentName(attachment));
    if (depth_ + 1 > budget_.options.max_archive_depth) {
      Error(name, LimitExceeded("attached message nested deeper than " +
                                std::to_string(budget_.options.max_archive_depth) + " levels"));
      return;
    }
    PffError error;
    libpff_item_t* raw = nullptr;
    if (libpff_attachment_get_item(attachment, &raw, error.out()) != 1) {
      Error(name, Corrupt("attached message unreadable: " + error.Message()));
      return;
    }
    Item message(raw);
    MessageReader(sink_, children_, budget_, record_, place_ + name + "/", depth_ + 1)
        .Read(message.get());
  }

  void Error(const std::string& name, const Status& reason) {
    if (children_ != nullptr) children_->OnMemberError(name, reason);
  }

  // The attachment's file name without folders, unique within the message,
  // prefixed with the message's place.
  std::string ChildName(const std::optional<std::string>& filename) {
    ++parts_;
    std::string name = filename.value_or("");
    if (size_t slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
    name = PathPart(name);
    if (name.empty() || name == "." || name == "..") name = "part-" + std::to_string(parts_);
    if (!used_.insert(name).second) name = std::to_string(parts_) + "-" + name;
    return place_ + name;
  }

  void Field(const std::string& label, const std::string& path, std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    TextUnit unit;
    unit.kind = UnitKind::kField;
    unit.text = text;
    unit.label = label;
    const std::string full = place_ + path;
    unit.path = full;
    unit.record = record_;
    sink_.OnUnit(unit);
  }

  UnitSink& sink_;
  ArchiveVisitor* children_;
  Budget& budget_;
  int64_t record_;
  std::string place_;
  int depth_;
  int parts_ = 0;
  std::set<std::string> used_;
};

// Walks a folder tree: messages, then sub folders.
class FolderWalker {
 public:
  FolderWalker(UnitSink& sink, ArchiveVisitor* children, Budget& budget)
      : sink_(sink), children_(children), budget_(budget) {}

  void Folder(libpff_item_t* folder, const std::string& path, int depth) {
    PffError error;
    uint32_t id = 0;
    if (libpff_item_get_identifier(folder, &id, error.out()) == 1 &&
        !budget_.folders_seen.insert(id).second) {
      sink_.OnWarning("folder " + Shown(path) + " appears twice in the folder tree; read once");
      return;
    }
    Messages(folder, path);
    SubFolders(folder, path, depth);
  }

 private:
  static std::string Shown(const std::string& path) { return path.empty() ? "(root)" : path; }

  void Messages(libpff_item_t* folder, const std::string& path) {
    PffError error;
    int count = 0;
    if (libpff_folder_get_number_of_sub_messages(folder, &count, error.out()) != 1) {
      sink_.OnWarning("folder " + Shown(path) + ": messages unreadable: " + error.Message());
      return;
    }
    for (int i = 0; i < count; ++i) {
      const std::string place = path + std::to_string(i + 1) + "/";
      libpff_item_t* raw = nullptr;
      if (libpff_folder_get_sub_message(folder, i, &raw, error.out()) != 1) {
        sink_.OnWarning(place + ": message unreadable: " + error.Message());
        continue;
      }
      Item message(raw);
      const int64_t record = budget_.next_record++;
      MessageReader(sink_, children_, budget_, record, place, 0).Read(message.get());
      sink_.OnRecordEnd(record);
    }
  }

  void SubFolders(libpff_item_t* folder, const std::string& path, int depth) {
    PffError error;
    int count = 0;
    if (libpff_folder_get_number_of_sub_folders(folder, &count, error.out()) != 1) {
      sink_.OnWarning("folder " + Shown(path) + ": sub folders unreadable: " + error.Message());
      return;
    }
    for (int i = 0; i < count; ++i) {
      libpff_item_t* raw = nullptr;
      if (libpff_folder_get_sub_folder(folder, i, &raw, error.out()) != 1) {
        sink_.OnWarning("folder " + Shown(path) + ": sub folder " + std::to_string(i + 1) +
                        " unreadable: " + error.Message());
        continue;
      }
      Item sub(raw);
      const std::string sub_path = path + Name(sub.get(), i) + "/";
      if (depth + 1 > kMaxPstFolderDepth) {
        sink_.OnWarning("folder " + sub_path + " nested deeper than " +
                        std::to_string(kMaxPstFolderDepth) + " levels; not read");
        continue;
      }
      Folder(sub.get(), sub_path, depth + 1);
    }
  }

  static std::string Name(libpff_item_t* folder, int index) {
    PffError error;
    size_t size = 0;
    std::string name;
    if (libpff_folder_get_utf8_name_size(folder, &size, error.out()) == 1 && size > 0) {
      name.assign(size, '\0');
      if (libpff_folder_get_utf8_name(folder, reinterpret_cast<uint8_t*>(name.data()), size,
                                      error.out()) != 1) {
        name.clear();
      }
    }
    name = PathPart(Trimmed(std::move(name)));
    if (name.empty()) name = "folder-" + std::to_string(index + 1);
    return name;
  }

  UnitSink& sink_;
  ArchiveVisitor* children_;
  Budget& budget_;
};

// Opens `bytes` through a libbfio memory range: libpff reads the caller's
// mapping directly.
Status Open(std::string_view bytes, std::unique_ptr<libbfio_handle_t, BfioFree>* range,
            std::unique_ptr<libpff_file_t, FileFree>* file) {
  libbfio_error_t* bfio_error = nullptr;
  libbfio_handle_t* handle = nullptr;
  if (libbfio_memory_range_initialize(&handle, &bfio_error) != 1 ||
      libbfio_memory_range_set(handle, reinterpret_cast<uint8_t*>(const_cast<char*>(bytes.data())),
                               bytes.size(), &bfio_error) != 1) {
    libbfio_error_free(&bfio_error);
    if (handle != nullptr) libbfio_handle_free(&handle, nullptr);
    return Corrupt("mailbox cannot be mapped for reading");
  }
  range->reset(handle);
  PffError error;
  libpff_file_t* raw = nullptr;
  if (libpff_file_initialize(&raw, error.out()) != 1) return Corrupt(error.Message());
  if (libpff_file_open_file_io_handle(raw, handle, LIBPFF_OPEN_READ, error.out()) != 1) {
    libpff_file_free(&raw, nullptr);
    return Corrupt("PST/OST mailbox cannot be opened: " + error.Message());
  }
  file->reset(raw);
  return {};
}

// The file size the header records (ROOT.ibFileEof), 0 when unknown:
// Unicode files (wVer >= 23) keep it as 8 bytes at offset 184, ANSI files
// (wVer 14 or 15) as 4 bytes at offset 168 ([MS-PST] 2.2.2.5, 2.2.2.6).
uint64_t RecordedSize(std::string_view bytes) {
  auto le = [&](size_t at, size_t width) {
    uint64_t value = 0;
    for (size_t i = 0; i < width; ++i) value |= uint64_t{static_cast<uint8_t>(bytes[at + i])} << (8 * i);
    return value;
  };
  if (bytes.size() < 192) return 0;
  const uint64_t version = le(10, 2);
  if (version >= 23) return le(184, 8);
  if (version == 14 || version == 15) return le(168, 4);
  return 0;
}

// libpff's reason, and the likely cause when the file is shorter than its
// header says (a copy cut short is the common case).
Status Unreadable(std::string reason, std::string_view bytes) {
  const uint64_t recorded = RecordedSize(bytes);
  if (recorded > bytes.size()) {
    reason += " (truncated: " + std::to_string(bytes.size()) + " of " + std::to_string(recorded) +
              " bytes)";
  }
  return Corrupt(std::move(reason));
}

}  // namespace

bool LooksLikePst(std::string_view head) { return head.substr(0, 4) == "!BDN"; }

Status ReadPst(std::string_view bytes, UnitSink& sink, ArchiveVisitor* children,
               const IngestOptions& options) {
  // The file object must close before the memory range it reads is freed.
  std::unique_ptr<libbfio_handle_t, BfioFree> range;
  std::unique_ptr<libpff_file_t, FileFree> file;
  if (Status status = Open(bytes, &range, &file); !status.ok()) {
    return Unreadable(status.message(), bytes);
  }
  PffError error;
  libpff_item_t* raw = nullptr;
  const int found = libpff_file_get_root_folder(file.get(), &raw, error.out());
  Item root(raw);
  if (found == -1) return Unreadable("PST/OST root folder unreadable: " + error.Message(), bytes);
  if (found == 0) return Unreadable("PST/OST mailbox has no root folder", bytes);
  Budget budget{options, options.max_total_bytes_per_source, {}, 0};
  FolderWalker(sink, children, budget).Folder(root.get(), "", 0);
  root.reset();
  file.reset();
  return {};
}

}  // namespace breachscope
