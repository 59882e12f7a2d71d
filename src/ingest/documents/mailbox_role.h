// Display names of role mailboxes ("Front Desk", "Billing", "Lab Results",
// "Accueil") as opposed to people's names ("Renée Ouellet"): an e-mail's
// To/Cc name is read as a person's name only when it is not a role.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_MAILBOX_ROLE_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_MAILBOX_ROLE_H_

#include <string_view>

namespace breachscope {

// True when one word of `display_name` (case-insensitive, English or
// French) names a function, a department or a system rather than a person:
// desk, billing, results, reception, office, team, no-reply, ...
bool IsRoleMailboxName(std::string_view display_name);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_MAILBOX_ROLE_H_
