#include "ingest/documents/pst_message_reader.h"

#include <cstdio>

#include "ingest/documents/html_text.h"
#include "ingest/documents/mailbox_role.h"
#include "ingest/documents/part_sink.h"
#include "ingest/documents/rtf_text.h"
#include "ingest/extract/text_reader.h"

namespace breachscope::pst {
namespace {

// PidTagSmtpAddress, PidTagSenderSmtpAddress, PidTagSentRepresentingSmtpAddress:
// Exchange mailboxes (OST) keep X.500 addresses ("/O=CLINIC/OU=...") in the
// ordinary address properties and the SMTP address here. libpff has no names
// for them.
constexpr uint32_t kSmtpAddress = 0x39FE;
constexpr uint32_t kSenderSmtpAddress = 0x5D01;
constexpr uint32_t kSentRepresentingSmtpAddress = 0x5D02;

// A subject may start with 0x01 and the length of its prefix ("RE: ").
std::string NormalizedSubject(std::string subject) {
  if (subject.size() >= 2 && subject[0] == '\x01') subject.erase(0, 2);
  return subject;
}

// The long file name, else the 8.3 one, else the display name.
std::optional<std::string> AttachmentName(libpff_item_t* attachment) {
  for (uint32_t type : {LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_LONG,
                        LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_SHORT,
                        LIBPFF_ENTRY_TYPE_DISPLAY_NAME}) {
    if (auto name = ItemString(attachment, type); name && !name->empty()) return name;
  }
  return std::nullopt;
}

bool ReadAll(libpff_item_t* attachment, std::string* bytes, PffError* error) {
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

// As for e-mail (email_reader.h): "Front Desk" names a shared mailbox, not
// a person, and is labelled so ("cc.mailbox") to be read as no name.
std::string NameLabel(const std::string& role, const std::string& name) {
  return role + (IsRoleMailboxName(name) ? ".mailbox" : ".name");
}

}  // namespace

void MessageReader::Read(libpff_item_t* message) {
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

void MessageReader::Sender(libpff_item_t* message) {
  auto name = MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_NAME);
  if (!name) name = MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENT_REPRESENTING_NAME);
  auto address = FirstSmtp(
      {MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_EMAIL_ADDRESS),
       MessageString(message, kSenderSmtpAddress),
       MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENT_REPRESENTING_EMAIL_ADDRESS),
       MessageString(message, kSentRepresentingSmtpAddress)});
  if (name) Field(NameLabel("from", *name), "from[1].name", *name);
  if (address) Field("from.email", "from[1].email", *address);
}

void MessageReader::Recipients(libpff_item_t* message) {
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
    if (name) Field(NameLabel(role, *name), at + ".name", *name);
    if (address) Field(role + ".email", at + ".email", *address);
  }
}

void MessageReader::Bodies(libpff_item_t* message) {
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

void MessageReader::Attachments(libpff_item_t* message) {
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

void MessageReader::Attachment(libpff_item_t* attachment) {
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

void MessageReader::AttachedData(libpff_item_t* attachment) {
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

Status MessageReader::CheckSize(uint64_t size) const {
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

void MessageReader::AttachedMessage(libpff_item_t* attachment) {
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
  // `name` already starts with this message's place.
  MessageReader(sink_, children_, budget_, record_, name + "/", depth_ + 1)
      .Read(message.get());
}

void MessageReader::Error(const std::string& name, const Status& reason) {
  if (children_ != nullptr) children_->OnMemberError(name, reason);
}

std::string MessageReader::ChildName(const std::optional<std::string>& filename) {
  ++parts_;
  std::string name = filename.value_or("");
  if (size_t slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
  name = PathPart(name);
  if (name.empty() || name == "." || name == "..") name = "part-" + std::to_string(parts_);
  if (!used_.insert(name).second) name = std::to_string(parts_) + "-" + name;
  return place_ + name;
}

void MessageReader::Field(const std::string& label, const std::string& path, std::string_view text) {
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

}  // namespace breachscope::pst
