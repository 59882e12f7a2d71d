#include "common/finding.h"

namespace breachscope {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kPatient: return "patient";
    case Role::kStaff: return "staff";
    case Role::kRelated: return "related";
    case Role::kUnknown: break;
  }
  return "unknown";
}

Location Location::FromUnit(const TextUnit& unit, uint64_t offset_in_text) {
  Location loc;
  loc.kind = unit.kind;
  loc.record = unit.record;
  loc.column = unit.column;
  loc.label = std::string(unit.label);
  loc.path = std::string(unit.path);
  loc.table = std::string(unit.table);
  loc.offset = unit.offset + offset_in_text;
  return loc;
}

std::string Location::ToString() const {
  std::string out;
  if (!table.empty()) out += "table " + table + ", ";
  switch (kind) {
    case UnitKind::kTableCell:
      out += "row " + std::to_string(record + 1) + ", column " +
             std::to_string(column + 1);
      if (!label.empty()) out += " (" + label + ")";
      return out;
    case UnitKind::kField:
      if (record >= 0) out += "record " + std::to_string(record + 1) + ", ";
      out += path.empty() ? label : path;
      return out;
    case UnitKind::kText:
      break;
  }
  if (record >= 0) out += "record " + std::to_string(record + 1) + ", ";
  // Documents name the part the text came from: "page 3, offset 120".
  if (!path.empty()) out += path + ", ";
  out += "offset " + std::to_string(offset);
  return out;
}

}  // namespace breachscope
