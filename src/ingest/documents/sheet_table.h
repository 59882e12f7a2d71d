// SheetTable: turns the rows of a spreadsheet sheet (xlsx, ods) into the
// same kTableCell units a CSV gives, so sheets go through the same column
// classification and cell detection.
//
// The first non-empty row is the header when its cells are all text, short
// and distinct, as a CSV header would be; its cells then label the cells
// below and are not delivered themselves. Otherwise every row is data and
// cells have no label. Units: table = sheet name, record = data row index
// (0-based, header excluded, empty rows skipped), column = the sheet's column
// index (0-based: A is 0), offset 0. OnRecordEnd follows each data row.
// One per sheet; not thread-safe.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_SHEET_TABLE_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_SHEET_TABLE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/text_unit.h"

namespace breachscope {

struct SheetCell {
  int32_t column = 0;
  std::string text;
  bool is_text = true;  // a string cell, not a number, date or boolean
};

class SheetTable {
 public:
  // REQUIRES: `sink` outlives the table.
  SheetTable(UnitSink& sink, std::string sheet_name)
      : sink_(sink), sheet_name_(std::move(sheet_name)) {}

  // One row's non-empty cells, left to right.
  void AddRow(const std::vector<SheetCell>& cells);

 private:
  static bool LooksLikeHeader(const std::vector<SheetCell>& cells);
  void EmitRow(const std::vector<SheetCell>& cells);

  UnitSink& sink_;
  std::string sheet_name_;
  bool first_row_seen_ = false;
  std::map<int32_t, std::string> header_;  // column -> label
  int64_t record_ = 0;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_SHEET_TABLE_H_
