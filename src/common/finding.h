// Finding: one piece of personal information found in an item.
//
// Produced by detect, grouped by subjects, stored by store (which seals
// `value` and `normalized`; no other code may write them to disk), exported
// per DESIGN.md's export contract.
#ifndef BREACHSCOPE_COMMON_FINDING_H_
#define BREACHSCOPE_COMMON_FINDING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/text_unit.h"

namespace breachscope {

enum class Role : uint8_t { kUnknown, kPatient, kStaff, kRelated };
std::string_view RoleName(Role role);  // "unknown", "patient", "staff", "related"

// Where a finding sits inside its item. Which fields are set depends on the
// item's structure; ToString() renders the export's `location` text.
struct Location {
  UnitKind kind = UnitKind::kText;
  int64_t record = -1;   // row / message / record index, 0-based; -1 none
  int32_t column = -1;   // table column index, 0-based; -1 none
  std::string label;     // column header, HL7 field, JSON path (no indexes)
  std::string path;      // precise path: "PID-3[2].1", "entry[0].resource.birthDate"
  std::string table;     // SQL table name
  uint64_t offset = 0;   // byte offset of the value in the decoded item

  // Location of `offset_in_text` bytes into `unit.text`.
  static Location FromUnit(const TextUnit& unit, uint64_t offset_in_text);
  // Table:  "row 12, column 3 (DOB)" / "table patients, row 12, column 3 (dob)"
  // Field:  "record 3, PID-7[1].1"; Text: "offset 1234", or with the part
  // of a document as path "page 3, offset 120". Rows are shown 1-based.
  std::string ToString() const;
};

struct Finding {
  std::string category;     // a DESIGN.md category id
  std::string detector;     // id of the detector that produced it
  std::string value;        // exactly as found in the text
  std::string normalized;   // canonical form: E.164 phone, ISO date, ...
  double confidence = 0.0;  // 0..1 after validation and context
  std::string explanation;  // why that confidence: "luhn ok; label 'SIN' +0.30"
  Location location;
  Role role = Role::kUnknown;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_FINDING_H_
