#include "ingest/documents/sheet_table.h"

#include <set>

namespace breachscope {
namespace {

// Header cells are labels ("Date of birth", "Health card #"), not sentences.
constexpr size_t kMaxHeaderBytes = 64;

}  // namespace

bool SheetTable::LooksLikeHeader(const std::vector<SheetCell>& cells) {
  std::set<std::string> seen;
  for (const SheetCell& cell : cells) {
    if (!cell.is_text || cell.text.size() > kMaxHeaderBytes) return false;
    if (!seen.insert(cell.text).second) return false;
  }
  return !cells.empty();
}

void SheetTable::AddRow(const std::vector<SheetCell>& cells) {
  if (cells.empty()) return;
  if (!first_row_seen_) {
    first_row_seen_ = true;
    if (LooksLikeHeader(cells)) {
      for (const SheetCell& cell : cells) header_[cell.column] = cell.text;
      return;
    }
  }
  EmitRow(cells);
}

void SheetTable::EmitRow(const std::vector<SheetCell>& cells) {
  for (const SheetCell& cell : cells) {
    TextUnit unit;
    unit.kind = UnitKind::kTableCell;
    unit.text = cell.text;
    unit.table = sheet_name_;
    unit.record = record_;
    unit.column = cell.column;
    if (auto it = header_.find(cell.column); it != header_.end()) unit.label = it->second;
    sink_.OnUnit(unit);
  }
  sink_.OnRecordEnd(record_);
  ++record_;
}

}  // namespace breachscope
