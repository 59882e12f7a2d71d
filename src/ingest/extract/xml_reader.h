// Reading XML documents (FHIR XML, CDA, exports) into field units.
//
// ReadXml delivers every element's text (PCDATA and CDATA, trimmed of
// surrounding whitespace) and every attribute value as a UnitKind::kField
// unit:
//   label  element names without namespace prefixes, joined by '.', from the
//          root: "Patient.name.family"; an attribute adds ".@name"
//          ("Patient.identifier.@system"), except an attribute called
//          `value`, which takes its element's label so that FHIR XML
//          (<birthDate value="1975-03-14"/>) reads like FHIR JSON
//          ("Patient.birthDate")
//   path   qualified names from the root, '/'-separated, with a 1-based index
//          on every element that has siblings of the same name:
//          "/Patient/name[1]/family", "/Patient/birthDate/@value"
//   offset byte offset of the value's first character in `utf8`
// Namespace declarations (xmlns, xmlns:*) are not delivered. Builtin and
// numeric entities are resolved; DTD-declared entities are left as written
// and never expanded, so entity bombs and external entities are harmless.
//
// Records: when element children of the root repeat (many <patient> under
// <patients>), each child whose name repeats is a record, numbered 0, 1, ...
// in document order; the <entry> children of a FHIR <Bundle> are records even
// when alone. Other units then belong to no record (record -1). Otherwise,
// and always for a FHIR resource other than Bundle (root in namespace
// http://hl7.org/fhir) or a CDA document (urn:hl7-org:v3), whose repeated
// children are names and identifiers of one subject, the whole document is
// record 0. OnRecordEnd follows each record's last unit.
//
// Errors: malformed XML returns Corrupt with the byte offset and the parser's
// description, after delivering what was parsed before the error. Elements
// nested deeper than kMaxXmlDepth are skipped and the call returns Corrupt.
// Messages never quote the input.
//
// Memory: the document is parsed into a DOM (pugixml), which needs about two
// to three times the input size while the call runs; callers bound the size
// of what they pass. Thread-safe: no shared state.
#ifndef BREACHSCOPE_INGEST_EXTRACT_XML_READER_H_
#define BREACHSCOPE_INGEST_EXTRACT_XML_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

// Deepest element nesting read (the root is depth 1).
inline constexpr int kMaxXmlDepth = 512;

// Delivers the field units of the XML document `utf8` to `sink`. `utf8` is
// only borrowed for the duration of the call; any encoding declaration in
// the document is ignored (the text is already UTF-8).
Status ReadXml(std::string_view utf8, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_XML_READER_H_
