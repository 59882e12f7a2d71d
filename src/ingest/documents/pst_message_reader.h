// One message of a PST/OST mailbox as units and attachments (the PST
// reader's part per message; see pst_reader.h for the names and paths it
// writes). Not thread-safe: one reader per message, on the caller's thread.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_PST_MESSAGE_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_PST_MESSAGE_READER_H_

#include <libpff.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"
#include "ingest/archive/archive_reader.h"
#include "ingest/documents/pst_values.h"
#include "ingest/ingest_options.h"

namespace breachscope::pst {

// What one mailbox may still use, shared by all its messages.
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

  void Read(libpff_item_t* message);

 private:
  void Sender(libpff_item_t* message);
  void Recipients(libpff_item_t* message);

  // Outlook keeps one body in up to three forms; the plainest is read.
  void Bodies(libpff_item_t* message);
  void Attachments(libpff_item_t* message);
  void Attachment(libpff_item_t* attachment);
  void AttachedData(libpff_item_t* attachment);
  Status CheckSize(uint64_t size) const;
  void AttachedMessage(libpff_item_t* attachment);
  void Error(const std::string& name, const Status& reason);

  // The attachment's file name without folders, unique within the message,
  // prefixed with the message's place.
  std::string ChildName(const std::optional<std::string>& filename);
  void Field(const std::string& label, const std::string& path, std::string_view text);

  UnitSink& sink_;
  ArchiveVisitor* children_;
  Budget& budget_;
  int64_t record_;
  std::string place_;
  int depth_;
  int parts_ = 0;
  std::set<std::string> used_;
};

}  // namespace breachscope::pst

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_PST_MESSAGE_READER_H_
