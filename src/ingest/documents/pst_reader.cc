#include "ingest/documents/pst_reader.h"

#include <memory>
#include <string>

#include "ingest/documents/pst_memory_io.h"
#include "ingest/documents/pst_message_reader.h"
#include "ingest/documents/pst_values.h"

namespace breachscope {
namespace {

using pst::BfioFree;
using pst::Budget;
using pst::FileFree;
using pst::Item;
using pst::MessageReader;
using pst::PffError;

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
    name = pst::PathPart(pst::Trimmed(std::move(name)));
    if (name.empty()) name = "folder-" + std::to_string(index + 1);
    return name;
  }

  UnitSink& sink_;
  ArchiveVisitor* children_;
  Budget& budget_;
};

// Opens `bytes` through a memory handle (pst_memory_io.h): libpff reads the
// caller's mapping directly.
Status Open(std::string_view bytes, std::unique_ptr<libbfio_handle_t, BfioFree>* range,
            std::unique_ptr<libpff_file_t, FileFree>* file) {
  libbfio_handle_t* handle = pst::NewMemoryHandle(bytes);
  if (handle == nullptr) return Corrupt("PST/OST mailbox cannot be read from memory");
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
