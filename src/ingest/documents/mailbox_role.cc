#include "ingest/documents/mailbox_role.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace breachscope {
namespace {

// Words that name what a shared mailbox is for. No given or family name in
// common Canadian use is among them; "Nurse" and "Doctor" are left out, as
// they come before a person's name ("Nurse Lavoie").
constexpr std::string_view kRoleWords[] = {
    "accounts", "accounting", "admin", "administration", "admissions", "alerts",
    "appointments", "billing", "booking", "bookings", "claims", "clinic",
    "daemon", "department", "dept", "desk", "donotreply", "enquiries",
    "finance", "frontdesk", "helpdesk", "hr", "imaging", "info",
    "information", "inquiries", "intake", "lab", "laboratory", "labs",
    "mailer", "newsletter", "noreply", "notifications", "office", "payroll",
    "pharmacy", "portal", "postmaster", "radiology", "reception", "records",
    "referrals", "reply", "results", "scheduling", "secretariat", "service",
    "services", "staff", "support", "system", "team", "triage", "unit",
    "ward",
    // French
    "accueil", "administratif", "comptabilite", "comptabilité", "dossiers",
    "facturation", "laboratoire", "réception", "rendez", "resultats",
    "résultats", "secrétariat", "urgence"};

std::string Lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // Accented capitals of the role words (É) in UTF-8: C3 89 -> C3 A9.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    auto next = static_cast<unsigned char>(out[i + 1]);
    if (static_cast<unsigned char>(out[i]) == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      out[i + 1] = static_cast<char>(next + 0x20);
    }
  }
  return out;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) >= 0x80);
}

}  // namespace

bool IsRoleMailboxName(std::string_view display_name) {
  size_t i = 0;
  while (i < display_name.size()) {
    while (i < display_name.size() && !IsWordByte(display_name[i])) ++i;
    size_t end = i;
    while (end < display_name.size() && IsWordByte(display_name[end])) ++end;
    if (end > i) {
      const std::string word = Lower(display_name.substr(i, end - i));
      if (std::find(std::begin(kRoleWords), std::end(kRoleWords), word) != std::end(kRoleWords)) return true;
    }
    i = end;
  }
  return false;
}

}  // namespace breachscope
