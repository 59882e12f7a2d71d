#include "ingest/documents/email_reader.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "ingest/documents/gobject_ptr.h"
#include "ingest/documents/html_text.h"
#include "ingest/documents/mailbox_role.h"
#include "ingest/documents/part_sink.h"
#include "ingest/extract/text_reader.h"

namespace breachscope {
namespace {

void InitGmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string Owned(char* s) {
  std::string out = s != nullptr ? s : "";
  g_free(s);
  return out;
}

class MessageReader {
 public:
  MessageReader(UnitSink& sink, ArchiveVisitor* children, int64_t record, std::string child_prefix)
      : sink_(sink), children_(children), record_(record), prefix_(std::move(child_prefix)) {}

  void Read(GMimeMessage* message) {
    Addresses("from", g_mime_message_get_from(message));
    Addresses("to", g_mime_message_get_to(message));
    Addresses("cc", g_mime_message_get_cc(message));
    Addresses("bcc", g_mime_message_get_bcc(message));
    Addresses("reply_to", g_mime_message_get_reply_to(message));
    if (const char* subject = g_mime_message_get_subject(message)) {
      Field("subject", "subject", subject);
    }
    g_mime_message_foreach(message, &MessageReader::OnPart, this);
  }

 private:
  void Addresses(const std::string& role, InternetAddressList* list) {
    if (list == nullptr) return;
    int n = 0;
    AddressList(role, list, &n, 0);
  }

  void AddressList(const std::string& role, InternetAddressList* list, int* n, int depth) {
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
      InternetAddress* address = internet_address_list_get_address(list, i);
      if (INTERNET_ADDRESS_IS_GROUP(address)) {
        // Groups nest only through hostile headers; one level is plenty.
        if (depth < 2) {
          AddressList(role, internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), n,
                      depth + 1);
        }
        continue;
      }
      const std::string at = role + "[" + std::to_string(++*n) + "]";
      if (const char* name = internet_address_get_name(address)) {
        // "Front Desk" names a shared mailbox, not a person: its label
        // claims no name rule, and its words are still read.
        Field(role + (IsRoleMailboxName(name) ? ".mailbox" : ".name"), at + ".name", name);
      }
      if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
        if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address))) {
          Field(role + ".email", at + ".email", addr);
        }
      }
    }
  }

  void Field(const std::string& label, const std::string& path, std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    TextUnit unit;
    unit.kind = UnitKind::kField;
    unit.text = text;
    unit.label = label;
    unit.path = path;
    unit.record = record_;
    sink_.OnUnit(unit);
  }

  static void OnPart(GMimeObject* parent, GMimeObject* part, gpointer self) {
    static_cast<MessageReader*>(self)->Part(parent, part);
  }

  // The HTML of a multipart/alternative that also has a plain text version
  // says the same thing again: reading both would double every finding.
  static bool HasPlainAlternative(GMimeObject* parent) {
    if (parent == nullptr || !GMIME_IS_MULTIPART(parent)) return false;
    if (!g_mime_content_type_is_type(g_mime_object_get_content_type(parent), "multipart",
                                     "alternative")) {
      return false;
    }
    GMimeMultipart* alternatives = GMIME_MULTIPART(parent);
    for (int i = 0; i < g_mime_multipart_get_count(alternatives); ++i) {
      GMimeObject* sibling = g_mime_multipart_get_part(alternatives, i);
      if (GMIME_IS_TEXT_PART(sibling) &&
          g_mime_content_type_is_type(g_mime_object_get_content_type(sibling), "text", "plain")) {
        return true;
      }
    }
    return false;
  }

  void Part(GMimeObject* parent, GMimeObject* part) {
    if (GMIME_IS_MESSAGE_PART(part)) {
      AttachedMessage(GMIME_MESSAGE_PART(part));
      return;
    }
    if (!GMIME_IS_PART(part)) return;  // multipart containers: their children follow
    GMimePart* leaf = GMIME_PART(part);
    GMimeContentType* type = g_mime_object_get_content_type(part);
    const bool attachment = g_mime_part_is_attachment(leaf) || g_mime_part_get_filename(leaf) != nullptr;
    if (!attachment && GMIME_IS_TEXT_PART(part)) {
      const std::string text = Owned(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
      const bool html = g_mime_content_type_is_type(type, "text", "html");
      if (html && HasPlainAlternative(parent)) return;
      PartSink body(sink_, "body", record_);
      (void)ReadText(html ? HtmlToText(text) : text, body);
      return;
    }
    Attachment(leaf);
  }

  void Attachment(GMimePart* part) {
    if (children_ == nullptr) return;
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (content == nullptr) return;
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    if (g_mime_data_wrapper_write_to_stream(content, stream.get()) < 0) {
      children_->OnMemberError(ChildName(g_mime_part_get_filename(part)),
                               Corrupt("attachment cannot be decoded"));
      return;
    }
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    children_->OnMember(ChildName(g_mime_part_get_filename(part)),
                        std::string_view(reinterpret_cast<const char*>(bytes->data), bytes->len));
  }

  void AttachedMessage(GMimeMessagePart* part) {
    GMimeMessage* message = g_mime_message_part_get_message(part);
    if (children_ == nullptr || message == nullptr) return;
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr, stream.get());
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    children_->OnMember(ChildName(nullptr, ".eml"),
                        std::string_view(reinterpret_cast<const char*>(bytes->data), bytes->len));
  }

  // The attachment's file name without folders (a name is not a path to
  // follow), made unique within the message.
  std::string ChildName(const char* filename, const char* suffix = "") {
    ++parts_;
    std::string name = filename != nullptr ? filename : "";
    if (size_t slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
    if (name.empty() || name == "." || name == "..") name = "part-" + std::to_string(parts_) + suffix;
    if (!used_.insert(name).second) name = std::to_string(parts_) + "-" + name;
    return prefix_ + name;
  }

  UnitSink& sink_;
  ArchiveVisitor* children_;
  int64_t record_;
  std::string prefix_;
  int parts_ = 0;
  std::set<std::string> used_;
};

GPtr<GMimeParser> NewParser(std::string_view bytes, GMimeFormat format) {
  InitGmime();
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), format);
  return parser;
}

}  // namespace

Status ReadEml(std::string_view bytes, UnitSink& sink, ArchiveVisitor* children) {
  GPtr<GMimeParser> parser = NewParser(bytes, GMIME_FORMAT_MESSAGE);
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (message == nullptr) return Corrupt("e-mail message cannot be parsed");
  MessageReader(sink, children, -1, "").Read(message.get());
  return {};
}

Status ReadMbox(std::string_view bytes, UnitSink& sink, ArchiveVisitor* children) {
  GPtr<GMimeParser> parser = NewParser(bytes, GMIME_FORMAT_MBOX);
  int64_t record = 0;
  while (!g_mime_parser_eos(parser.get())) {
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (message == nullptr) break;
    MessageReader(sink, children, record, std::to_string(record + 1) + "/").Read(message.get());
    sink.OnRecordEnd(record);
    ++record;
  }
  if (record == 0) return Corrupt("mailbox holds no message");
  return {};
}

}  // namespace breachscope
