// Outlook mailboxes (PST and OST, ANSI and Unicode) through libpff.
//
// The mailbox is opened from memory (a libbfio handle over `bytes`,
// pst_memory_io.h: no temporary file, so members of archives are read like
// files). Folders are walked depth first from the root folder: a folder's
// messages first, then its sub folders, each in the order the mailbox lists
// them. Per message, like an e-mail (email_reader.h), as kField units: the
// sender's display name (label "from.name", or "from.mailbox" for a role
// mailbox such as "Front Desk", mailbox_role.h) and address ("from.email"),
// each recipient's ("to", "cc", "bcc" by recipient type, numbered
// "to[2].email"), the subject ("subject") and the delivery time ("date",
// ISO 8601 UTC); then the plain body as kText units ("body"); the HTML body
// converted to text
// (html_text.h) only when there is no plain body, and the RTF body only when
// there is neither (the three say the same thing; reading all would triple
// every finding).
// Every unit's path starts with the message's place, folder path and message
// number in its folder (1-based): "Inbox/Referrals/2/from[1].email",
// "Inbox/Referrals/2/body". Units carry record = message index in the whole
// mailbox (0-based, walk order) and OnRecordEnd follows each message.
// Attachments with data go to `children` named by place and file name,
// "Inbox/Referrals/2/lab.pdf", so the item reads as
// `mail.pst!Inbox/Referrals/2/lab.pdf`. Attached messages are read in place,
// recursively, as part of their message (same record), under the
// attachment's name ("Inbox/2/Requisition/subject", "part-N" when unnamed),
// their own attachments named under them.
// Limits (IngestOptions): attached messages nest at most max_archive_depth
// deep; an attachment larger than max_member_bytes, or past the source's
// max_total_bytes_per_source, goes to OnMemberError instead; folders nest
// at most kMaxPstFolderDepth deep and a folder met twice (a loop in a
// hostile hierarchy) is read once. Unreadable folders, messages and
// attachments give warnings or member errors and the walk goes on.
// Input libpff cannot open gives Corrupt with libpff's reason.
// Thread-safe: each call has its own libpff and libbfio handles.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_PST_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_PST_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"
#include "ingest/archive/archive_reader.h"
#include "ingest/ingest_options.h"

namespace breachscope {

inline constexpr int kMaxPstFolderDepth = 64;

// True when `head` starts like a PST or OST file ("!BDN").
bool LooksLikePst(std::string_view head);

// `children` may be null: attachments are then not read.
Status ReadPst(std::string_view bytes, UnitSink& sink, ArchiveVisitor* children,
               const IngestOptions& options);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_PST_READER_H_
