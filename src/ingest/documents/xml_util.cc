#include "ingest/documents/xml_util.h"

namespace breachscope {

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_attribute AttributeByLocalName(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute attr : node.attributes()) {
    std::string_view name = attr.name();
    const size_t colon = name.find(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) return attr;
  }
  return {};
}

pugi::xml_node ChildByLocalName(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) return child;
  }
  return {};
}

Status ParseXmlPart(std::string_view xml, std::string_view part, pugi::xml_document* doc) {
  // Whitespace-only text matters in documents (` ` runs between words), so
  // keep it; entities are expanded by pugixml's default parse.
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  pugi::xml_parse_result result = doc->load_buffer(xml.data(), xml.size(), options);
  if (!result) {
    return Corrupt(std::string(part) + ": " + result.description() + " at byte " +
                   std::to_string(result.offset));
  }
  return {};
}

}  // namespace breachscope
