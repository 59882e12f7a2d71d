#include "ingest/documents/odf_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/documents/office_text.h"
#include "ingest/documents/part_sink.h"
#include "ingest/documents/sheet_table.h"
#include "ingest/documents/xml_util.h"
#include "ingest/documents/zip_parts.h"
#include "ingest/extract/text_reader.h"

namespace breachscope {
namespace {

// Repetition counts beyond this are padding (empty rows to the sheet's end).
constexpr int kMaxRepeat = 1000;

Result<pugi::xml_document*> LoadPart(const PartMap& parts, std::string_view name,
                                     pugi::xml_document* doc) {
  auto it = parts.find(name);
  if (it == parts.end()) return Corrupt("OpenDocument package without " + std::string(name));
  BS_RETURN_IF_ERROR(ParseXmlPart(it->second, it->first, doc));
  return doc;
}

Result<PartMap> ReadPackage(std::string_view bytes) {
  return ReadZipParts(bytes, [](std::string_view name) {
    return name == "content.xml" || name == "styles.xml";
  });
}

// Finds the first element with local name `local` below `node` (depth-first).
pugi::xml_node FindByLocalName(const pugi::xml_node& node, std::string_view local, int depth = 0) {
  if (depth > kMaxOfficeDepth) return {};
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (LocalName(child) == local) return child;
    if (pugi::xml_node found = FindByLocalName(child, local, depth + 1)) return found;
  }
  return {};
}

int Repeat(const pugi::xml_node& node, const char* attribute) {
  const int n = node.attribute(attribute).as_int(1);
  return n < 1 ? 1 : n;
}

std::string CellText(const pugi::xml_node& cell, bool* is_text) {
  const std::string_view type = cell.attribute("office:value-type").value();
  *is_text = type.empty() || type == "string";
  if (type == "date") return cell.attribute("office:date-value").value();
  std::string text = OfficeText(cell, OfficeDialect::kOdf);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  if (text.empty() && !*is_text) text = cell.attribute("office:value").value();
  return text;
}

void ReadRow(const pugi::xml_node& row, SheetTable& sheet) {
  std::vector<SheetCell> cells;
  int32_t column = 0;
  for (pugi::xml_node cell : row.children()) {
    const std::string_view local = LocalName(cell);
    if (local != "table-cell" && local != "covered-table-cell") continue;
    const int repeat = Repeat(cell, "table:number-columns-repeated");
    bool is_text = true;
    std::string text = CellText(cell, &is_text);
    if (!text.empty()) {
      for (int r = 0; r < std::min(repeat, kMaxRepeat); ++r) {
        cells.push_back({column + r, text, is_text});
      }
    }
    column += std::min(repeat, 1 << 20);
  }
  const int repeat = cells.empty() ? 1 : std::min(Repeat(row, "table:number-rows-repeated"), kMaxRepeat);
  for (int r = 0; r < repeat; ++r) sheet.AddRow(cells);
}

// Rows may sit inside header-row wrappers and row groups.
void ReadRows(const pugi::xml_node& node, SheetTable& sheet, int depth) {
  if (depth > kMaxOfficeDepth) return;
  for (pugi::xml_node child : node.children()) {
    const std::string_view local = LocalName(child);
    if (local == "table-row") ReadRow(child, sheet);
    else if (local == "table-header-rows" || local == "table-rows" || local == "table-row-group") {
      ReadRows(child, sheet, depth + 1);
    }
  }
}

void ReadTable(const pugi::xml_node& table, UnitSink& sink) {
  SheetTable sheet(sink, table.attribute("table:name").value());
  ReadRows(table, sheet, 0);
}

void CollectTables(const pugi::xml_node& node, std::vector<pugi::xml_node>* tables, int depth) {
  if (depth > kMaxOfficeDepth) return;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (LocalName(child) == "table") tables->push_back(child);
    else CollectTables(child, tables, depth + 1);
  }
}

}  // namespace

Status ReadOdt(std::string_view bytes, UnitSink& sink) {
  Result<PartMap> parts = ReadPackage(bytes);
  if (!parts.ok()) return parts.status();
  pugi::xml_document content;
  Result<pugi::xml_document*> loaded = LoadPart(parts.value(), "content.xml", &content);
  if (!loaded.ok()) return loaded.status();
  const pugi::xml_node body = FindByLocalName(content, "body");
  PartSink named_body(sink, "body");
  BS_RETURN_IF_ERROR(ReadText(OfficeText(body, OfficeDialect::kOdf), named_body));
  if (parts.value().count("styles.xml") != 0) {
    pugi::xml_document styles;
    Result<pugi::xml_document*> s = LoadPart(parts.value(), "styles.xml", &styles);
    if (!s.ok()) return s.status();
    const pugi::xml_node masters = FindByLocalName(styles, "master-styles");
    PartSink named(sink, "headers and footers");
    BS_RETURN_IF_ERROR(ReadText(OfficeText(masters, OfficeDialect::kOdf), named));
  }
  return {};
}

Status ReadOds(std::string_view bytes, UnitSink& sink) {
  Result<PartMap> parts = ReadPackage(bytes);
  if (!parts.ok()) return parts.status();
  pugi::xml_document content;
  Result<pugi::xml_document*> loaded = LoadPart(parts.value(), "content.xml", &content);
  if (!loaded.ok()) return loaded.status();
  std::vector<pugi::xml_node> tables;
  CollectTables(FindByLocalName(content, "spreadsheet"), &tables, 0);
  for (const pugi::xml_node& table : tables) ReadTable(table, sink);
  return {};
}

}  // namespace breachscope
