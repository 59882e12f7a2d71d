#include "subjects/item_records.h"

#include <algorithm>
#include <cctype>

#include "subjects/label_words.h"
#include "subjects/record_shapes.h"

namespace breachscope {
namespace {

// Lower-case letters and digits only: "Dr. Omar Haddad" -> "droomarhaddad".
std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// A signature is a clinician's when it carries a title ("Electronically
// signed by Dr. ...") or the name of someone the item names as staff.
bool IsStaffSignature(const Finding& f, const std::vector<std::string>& staff) {
  if (f.category != "signature" || f.role == Role::kPatient) return false;
  const std::string& name = f.normalized.empty() ? f.value : f.normalized;
  if (name.rfind("Dr.", 0) == 0 || name.rfind("Dr ", 0) == 0) return true;
  const std::string squeezed = Squeeze(name);
  return !squeezed.empty() &&
         std::any_of(staff.begin(), staff.end(), [&](const std::string& s) {
           return squeezed.find(s) != std::string::npos || s.find(squeezed) != std::string::npos;
         });
}

}  // namespace

void Emit(const PersonRecordBuilder& builder, std::vector<PersonRecord>* out,
          ItemRecordStats* stats) {
  if (builder.findings() == 0) return;
  // A resource naming nobody but referring to its patient is kept: it is
  // attached to the patient's record, or dropped, once every item of its
  // folder is read (record_links.h).
  if (builder.HasIdentity() || !builder.link_ref().empty()) {
    out->push_back(builder.Build());
  } else {
    ++stats->dropped_records;
    stats->unattributed_findings += builder.findings();
  }
}

std::vector<PersonRecord> RecordsOfItem(const std::string& item,
                                        const std::vector<Finding>& findings,
                                        ItemRecordStats* stats) {
  // One item may hold several shapes (a free-text note inside a JSON
  // field is still a field); split by shape, keeping item order.
  std::vector<std::string> staff;
  for (const Finding& f : findings) {
    if (f.role == Role::kStaff && f.category == "name") staff.push_back(Squeeze(f.value));
  }
  FindingRefs table, hl7, document, text;
  for (const Finding& f : findings) {
    if (f.role == Role::kStaff || IsStaffSignature(f, staff)) {
      ++stats->staff_findings;
    } else if (f.location.kind == UnitKind::kTableCell) {
      table.push_back(&f);
    } else if (f.location.kind == UnitKind::kField) {
      (ParseHl7Path(f.location.path).ok ? hl7 : document).push_back(&f);
    } else {
      text.push_back(&f);
    }
  }
  std::vector<PersonRecord> out;
  if (!table.empty()) TableRecords(item, table, &out, stats);
  if (!hl7.empty()) Hl7Records(item, hl7, &out, stats);
  if (!document.empty()) DocumentRecords(item, document, &out, stats);
  if (!text.empty()) TextRecords(item, text, &out, stats);
  return out;
}

}  // namespace breachscope
