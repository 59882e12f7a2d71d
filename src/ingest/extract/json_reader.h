// Reading JSON and NDJSON into field units.
//
// ReadJson walks the text once with a SAX parser (no DOM of the document) and
// delivers every string and number as a UnitKind::kField unit:
//   text   the value: strings unescaped, numbers in their textual form
//   label  the key path without array indexes ("entry.resource.birthDate")
//   path   the key path with indexes ("entry[0].resource.birthDate")
//   offset byte offset of the value's first character (after the opening
//          quote for strings) in `utf8`
// null and booleans are skipped: they carry no personal information.
//
// Records:
//   - NDJSON: each non-empty line is a record, numbered 0, 1, ... among
//     non-empty lines. A malformed line gives a warning naming its line
//     number; the units read before the error stay delivered and reading goes
//     on with the next line.
//   - A document whose top level is an array: each element is a record.
//   - A FHIR Bundle (top-level object with an "entry" array): each element of
//     "entry" is a record; the Bundle's own fields (id, meta, ...) belong to no
//     record (record -1). Fields seen before "entry" are held back (up to
//     1 MiB) until the reader knows whether the object is a Bundle.
//   - Anything else: the whole document is record 0.
// OnRecordEnd is called once per record, after its last unit.
//
// Errors: invalid JSON returns Corrupt with the byte position, after
// delivering what was read. Nesting deeper than kMaxJsonDepth returns Corrupt
// (no recursion is involved, so deep input cannot overflow the stack).
// Messages never quote the input, so they carry no personal information.
//
// Thread-safe: no shared state; `sink` is called from the calling thread.
#ifndef BREACHSCOPE_INGEST_EXTRACT_JSON_READER_H_
#define BREACHSCOPE_INGEST_EXTRACT_JSON_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

// Deepest nesting of arrays and objects accepted.
inline constexpr int kMaxJsonDepth = 512;

// Delivers the field units of `utf8` (one JSON document, or NDJSON when
// `ndjson`) to `sink`. `utf8` is only borrowed for the duration of the call.
Status ReadJson(std::string_view utf8, bool ndjson, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_JSON_READER_H_
