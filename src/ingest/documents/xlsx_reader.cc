#include "ingest/documents/xlsx_reader.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <vector>

#include "ingest/documents/sheet_table.h"
#include "ingest/documents/xml_util.h"
#include "ingest/documents/zip_parts.h"

namespace breachscope {
namespace {

struct Workbook {
  std::vector<std::string> shared;
  std::set<int> date_styles;  // indexes into cellXfs with a date format
  bool date1904 = false;
  std::vector<std::pair<std::string, std::string>> sheets;  // name, part
};

bool WantedPart(std::string_view name) {
  if (name == "xl/workbook.xml" || name == "xl/_rels/workbook.xml.rels" ||
      name == "xl/sharedStrings.xml" || name == "xl/styles.xml") {
    return true;
  }
  return name.starts_with("xl/worksheets/") && name.ends_with(".xml");
}

// Text of a string item (<si>, <is>): its <t> runs, phonetic hints excluded.
std::string RunText(const pugi::xml_node& item) {
  std::string text;
  for (pugi::xml_node node : item.children()) {
    const std::string_view local = LocalName(node);
    if (local == "t") text += node.child_value();
    else if (local == "r") text += ChildByLocalName(node, "t").child_value();
  }
  return text;
}

Status ReadSharedStrings(const PartMap& parts, Workbook* book) {
  auto it = parts.find("xl/sharedStrings.xml");
  if (it == parts.end()) return {};
  pugi::xml_document doc;
  BS_RETURN_IF_ERROR(ParseXmlPart(it->second, it->first, &doc));
  for (pugi::xml_node si : doc.document_element().children()) {
    if (LocalName(si) == "si") book->shared.push_back(RunText(si));
  }
  return {};
}

Status ReadStyles(const PartMap& parts, Workbook* book) {
  auto it = parts.find("xl/styles.xml");
  if (it == parts.end()) return {};
  pugi::xml_document doc;
  BS_RETURN_IF_ERROR(ParseXmlPart(it->second, it->first, &doc));
  const pugi::xml_node root = doc.document_element();
  std::set<int> date_formats = {14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57};
  for (pugi::xml_node fmt : ChildByLocalName(root, "numFmts").children()) {
    if (IsDateFormatCode(fmt.attribute("formatCode").value())) {
      date_formats.insert(fmt.attribute("numFmtId").as_int());
    }
  }
  int xf_idx = 0;
  for (pugi::xml_node xf : ChildByLocalName(root, "cellXfs").children()) {
    if (date_formats.count(xf.attribute("numFmtId").as_int()) != 0) {
      book->date_styles.insert(xf_idx);
    }
    ++xf_idx;
  }
  return {};
}

Status ReadWorkbook(const PartMap& parts, Workbook* book) {
  auto wb = parts.find("xl/workbook.xml");
  if (wb == parts.end()) return Corrupt("xlsx package without xl/workbook.xml");
  pugi::xml_document doc, rels;
  BS_RETURN_IF_ERROR(ParseXmlPart(wb->second, wb->first, &doc));
  std::map<std::string, std::string> targets;
  if (auto r = parts.find("xl/_rels/workbook.xml.rels"); r != parts.end()) {
    BS_RETURN_IF_ERROR(ParseXmlPart(r->second, r->first, &rels));
    for (pugi::xml_node rel : rels.document_element().children()) {
      std::string target = rel.attribute("Target").value();
      target = target.starts_with("/") ? target.substr(1) : "xl/" + target;
      targets[rel.attribute("Id").value()] = target;
    }
  }
  const pugi::xml_node root = doc.document_element();
  const std::string_view d1904 = ChildByLocalName(root, "workbookPr").attribute("date1904").value();
  book->date1904 = d1904 == "1" || d1904 == "true";
  int sheet_idx = 0;
  for (pugi::xml_node sheet : ChildByLocalName(root, "sheets").children()) {
    ++sheet_idx;
    std::string part = targets[AttributeByLocalName(sheet, "id").value()];
    // Without relationships, Excel's own naming is the best guess.
    if (part.empty()) part = "xl/worksheets/sheet" + std::to_string(sheet_idx) + ".xml";
    book->sheets.emplace_back(sheet.attribute("name").value(), part);
  }
  return {};
}

// "BC12" -> 54; -1 when the reference has no column letters.
int32_t ColumnOf(std::string_view ref) {
  int32_t column = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
  }
  return i == 0 ? -1 : column - 1;
}

std::string FormatNumber(std::string_view raw) {
  double v = 0;
  auto [p, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc() || p != raw.data() + raw.size() || raw.find('.') == std::string_view::npos) {
    return std::string(raw);
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.15g", v);
  return buf;
}

class SheetReader {
 public:
  SheetReader(const Workbook& book, SheetTable& table) : book_(book), table_(table) {}

  void Read(const pugi::xml_node& root) {
    for (pugi::xml_node row : ChildByLocalName(root, "sheetData").children()) {
      if (LocalName(row) != "row") continue;
      std::vector<SheetCell> cells;
      int32_t next_column = 0;
      for (pugi::xml_node c : row.children()) {
        if (LocalName(c) != "c") continue;
        const int32_t ref = ColumnOf(c.attribute("r").value());
        const int32_t column = ref >= 0 ? ref : next_column;
        next_column = column + 1;
        SheetCell cell;
        cell.column = column;
        if (CellValue(c, &cell)) cells.push_back(std::move(cell));
      }
      table_.AddRow(cells);
    }
  }

 private:
  bool CellValue(const pugi::xml_node& c, SheetCell* cell) const {
    const std::string_view type = c.attribute("t").value();
    const std::string_view v = ChildByLocalName(c, "v").child_value();
    if (type == "s") {
      int idx = -1;
      std::from_chars(v.data(), v.data() + v.size(), idx);
      if (idx < 0 || idx >= static_cast<int>(book_.shared.size())) return false;
      cell->text = book_.shared[idx];
    } else if (type == "inlineStr") {
      cell->text = RunText(ChildByLocalName(c, "is"));
    } else if (type == "str") {
      cell->text = std::string(v);
    } else if (type == "b" || type == "e") {
      return false;
    } else {
      if (v.empty()) return false;
      cell->is_text = false;
      cell->text = Number(v, c.attribute("s").as_int(-1));
    }
    return cell->text.find_first_not_of(" \t\r\n") != std::string::npos;
  }

  std::string Number(std::string_view v, int style) const {
    if (book_.date_styles.count(style) != 0) {
      double serial = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
      if (ec == std::errc()) {
        std::string date = SerialToIsoDate(serial, book_.date1904);
        if (!date.empty()) return date;
      }
    }
    return FormatNumber(v);
  }

  const Workbook& book_;
  SheetTable& table_;
};

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

}  // namespace

std::string SerialToIsoDate(double serial, bool date1904) {
  if (!(serial >= 1 && serial < 2958466)) return "";  // 9999-12-31
  int64_t days = static_cast<int64_t>(std::floor(serial));
  int64_t since_epoch;
  if (date1904) {
    since_epoch = days - 24107;  // 1904-01-01 is day 0
  } else {
    // Excel counts the 29th of February 1900, which never was.
    if (days == 60) return "";
    if (days < 60) ++days;
    since_epoch = days - 25569;  // 1899-12-30 is day 0
  }
  int64_t y;
  unsigned m, d;
  CivilFromDays(since_epoch, &y, &m, &d);
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

// A custom number format is a date when it writes a day, month or year
// outside quoted text and [colour]/[condition] brackets.
bool IsDateFormatCode(std::string_view code) {
  bool quoted = false, bracket = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '[') bracket = true;
    else if (!quoted && c == ']') bracket = false;
    else if (!quoted && !bracket && (c == 'd' || c == 'y' || c == 'D' || c == 'Y')) return true;
  }
  return false;
}

Status ReadXlsx(std::string_view bytes, UnitSink& sink) {
  Result<PartMap> parts = ReadZipParts(bytes, WantedPart);
  if (!parts.ok()) return parts.status();
  Workbook book;
  BS_RETURN_IF_ERROR(ReadWorkbook(parts.value(), &book));
  BS_RETURN_IF_ERROR(ReadSharedStrings(parts.value(), &book));
  BS_RETURN_IF_ERROR(ReadStyles(parts.value(), &book));
  for (const auto& [name, part] : book.sheets) {
    auto it = parts.value().find(part);
    if (it == parts.value().end()) {
      sink.OnWarning("sheet " + name + ": part " + part + " missing");
      continue;
    }
    pugi::xml_document doc;
    BS_RETURN_IF_ERROR(ParseXmlPart(it->second, it->first, &doc));
    SheetTable table(sink, name);
    SheetReader(book, table).Read(doc.document_element());
  }
  return {};
}

}  // namespace breachscope
