// Turning decoded UTF-8 text of a known format into TextUnits.
//
// One reader per format lives beside this file (csv_reader.h declares
// CsvReader, ...); ExtractUnits dispatches to them. Readers stream: they walk
// the text once and call the sink per unit, keeping no more than one record
// in memory, so a 10 GB CSV needs no 10 GB of memory. Malformed input gives
// warnings (ragged rows) or a Corrupt status with a precise position, never a
// crash; units already delivered stay valid. Thread-safe: no shared state.
#ifndef BREACHSCOPE_INGEST_EXTRACT_EXTRACTOR_H_
#define BREACHSCOPE_INGEST_EXTRACT_EXTRACTOR_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"
#include "ingest/format.h"

namespace breachscope {

// Delivers the units of `utf8` (already decoded) to `sink`.
// REQUIRES: sniff.format is one of kText, kCsv, kJson, kNdjson, kXml, kHl7,
// kSqlDump; other formats return Unsupported.
Status ExtractUnits(const SniffResult& sniff, std::string_view utf8,
                    UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_EXTRACTOR_H_
