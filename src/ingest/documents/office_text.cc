#include "ingest/documents/office_text.h"

#include <string_view>

#include "ingest/documents/xml_util.h"

namespace breachscope {
namespace {

void TrimTrailing(std::string* s, std::string_view chars) {
  while (!s->empty() && chars.find(s->back()) != std::string_view::npos) s->pop_back();
}

class OfficeWalker {
 public:
  explicit OfficeWalker(OfficeDialect dialect) : odf_(dialect == OfficeDialect::kOdf) {}

  void Walk(const pugi::xml_node& node, int depth, bool in_paragraph, std::string* out) {
    if (depth > kMaxOfficeDepth) return;
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (odf_ && in_paragraph) *out += child.value();
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      Element(child, LocalName(child), depth, in_paragraph, out);
    }
  }

 private:
  void Element(const pugi::xml_node& e, std::string_view local, int depth, bool in_paragraph,
               std::string* out) {
    if (!odf_ && (local == "t" || local == "delText")) {
      *out += e.child_value();
    } else if (local == "tab") {
      *out += '\t';
    } else if (local == "br" || local == "cr" || local == "line-break") {
      *out += '\n';
    } else if (odf_ && local == "s") {
      const int count = e.attribute("text:c").as_int(1);
      out->append(static_cast<size_t>(count > 0 && count < 1000 ? count : 1), ' ');
    } else if (local == "p" || local == "h") {
      Walk(e, depth + 1, true, out);
      *out += '\n';
    } else if (local == "tc" || local == "table-cell") {
      std::string cell;
      Walk(e, depth + 1, in_paragraph, &cell);
      for (char& c : cell) {
        if (c == '\n') c = ' ';
      }
      TrimTrailing(&cell, " ");
      *out += cell;
      *out += '\t';
    } else if (local == "tr" || local == "table-row") {
      Walk(e, depth + 1, in_paragraph, out);
      TrimTrailing(out, "\t");
      *out += '\n';
    } else if (local == "instrText" || local == "Fallback" || local == "rPr" ||
               local == "pPr" || local == "sectPr") {
      // Field codes, duplicates and formatting: no document text.
    } else {
      Walk(e, depth + 1, in_paragraph, out);
    }
  }

  bool odf_;
};

}  // namespace

std::string OfficeText(const pugi::xml_node& root, OfficeDialect dialect) {
  std::string out;
  OfficeWalker(dialect).Walk(root, 0, false, &out);
  return out;
}

}  // namespace breachscope
