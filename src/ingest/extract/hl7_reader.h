// Reading HL7 v2 messages (ER7 "pipe" encoding) into field units.
//
// Each MSH segment starts a message, which is a record (0, 1, ... in file
// order); its separators come from its own MSH-1 (field) and MSH-2 (component,
// repetition, escape, subcomponent, and the optional v2.7 truncation
// character), so messages with different separators can share a file.
// Segments end at \r, \n or \r\n; MLLP framing bytes (0x0B, 0x1C) are ignored.
// Batch segments (FHS, BHS, BTS, FTS) are tolerated and deliver nothing.
//
// Every non-empty component, or subcomponent when the component has several,
// becomes a UnitKind::kField unit:
//   label  "SEG-N": "PID-7", "OBX-5"; MSH fields are numbered as in the
//          standard, MSH-1 being the field separator itself, so MSH-3 is the
//          first field after the encoding characters
//   path   "PID-3[2].1": field, 1-based repetition, 1-based component, plus
//          ".2" for a subcomponent; a segment that occurs more than once in a
//          message carries its occurrence: "OBX(2)-5[1].1"
//   text   the unescaped value: \F\ \S\ \T\ \R\ \E\ \P\ give the separators,
//          \Xhh..\ the bytes (read as Latin-1 when not UTF-8), \.br\ and
//          \.sp\ a newline; highlighting and other formatting escapes are
//          dropped; unknown or unterminated escapes stay as written, with a
//          warning. The HL7 null `""` is not delivered.
//   offset byte offset of the (sub)component's raw text in `utf8`
//
// Lines that are not segments (no 3-character id followed by the field
// separator) give a warning and are skipped. Input that does not begin with an
// MSH, FHS or BHS segment, or has no valid MSH, returns Corrupt. Warnings and
// messages name positions and fields, never values.
//
// Streams: one pass, no copy of the input. Thread-safe: no shared state.
#ifndef BREACHSCOPE_INGEST_EXTRACT_HL7_READER_H_
#define BREACHSCOPE_INGEST_EXTRACT_HL7_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

// Delivers the field units of the HL7 v2 messages in `utf8` to `sink`.
// `utf8` is only borrowed for the duration of the call.
Status ReadHl7(std::string_view utf8, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_HL7_READER_H_
