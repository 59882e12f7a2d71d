// E-mail through GMime: one message (EML) or a mailbox of them (MBOX).
//
// Per message, as kField units: each From, To, Cc, Bcc and Reply-To
// address's display name (label "from.name", path "from[1].name"; label
// "from.mailbox" for a role mailbox's name, "Front Desk": mailbox_role.h) and
// address ("from.email"), the subject ("subject"); then the text bodies as
// kText units (path "body"), HTML bodies converted to text (html_text.h).
// Header words are decoded (RFC 2047) and bodies converted to UTF-8 from
// their declared charset by GMime.
// Attachments (parts with a file name or an attachment disposition, parts
// that are not text, and attached messages) go to `children` with their
// decoded bytes, named "lab.pdf" for an EML and "12/lab.pdf" (message
// number, 1-based) for a mailbox, so an attachment is read as
// `inbox.mbox!12/lab.pdf` like an archive member. Unnamed attachments are
// "part-N".
// In a mailbox, units carry record = message index (0-based) and
// OnRecordEnd follows each message; an EML's units have record -1.
// Input that holds no message gives Corrupt. Thread-safe after GMime's
// one-time initialisation, which the reader does itself.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_EMAIL_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_EMAIL_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"
#include "ingest/archive/archive_reader.h"

namespace breachscope {

// `children` may be null: attachments are then not read.
Status ReadEml(std::string_view bytes, UnitSink& sink, ArchiveVisitor* children);
Status ReadMbox(std::string_view bytes, UnitSink& sink, ArchiveVisitor* children);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_EMAIL_READER_H_
