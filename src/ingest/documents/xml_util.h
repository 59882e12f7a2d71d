// Small pugixml helpers shared by the office document readers.
//
// Office XML is namespaced, and producers choose their own prefixes
// (`w:p`, `x:row`, or none); pugixml does not resolve namespaces, so
// elements are matched by local name. Thread-safe (no state).
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_XML_UTIL_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_XML_UTIL_H_

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope {

// "w:p" -> "p"; "row" -> "row".
std::string_view LocalName(const pugi::xml_node& node);
// The attribute whose local name is `local` ("r:id" for "id"), or empty.
pugi::xml_attribute AttributeByLocalName(const pugi::xml_node& node, std::string_view local);
// The first child element with that local name, or empty.
pugi::xml_node ChildByLocalName(const pugi::xml_node& node, std::string_view local);

// Parses `xml` (kept alive by the caller: parsed in place is not needed, a
// copy is made) into `doc`; Corrupt naming `part` and the error's offset.
Status ParseXmlPart(std::string_view xml, std::string_view part, pugi::xml_document* doc);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_XML_UTIL_H_
