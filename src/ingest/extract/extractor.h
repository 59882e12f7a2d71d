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
#include "ingest/archive/archive_reader.h"
#include "common/text_unit.h"
#include "ingest/format.h"
#include "ingest/ingest_options.h"

namespace breachscope {

// Delivers the units of `utf8` (already decoded) to `sink`.
// REQUIRES: sniff.format is one of kText, kCsv, kJson, kNdjson, kXml, kHl7,
// kSqlDump; other formats return Unsupported.
Status ExtractUnits(const SniffResult& sniff, std::string_view utf8,
                    UnitSink& sink);

// What a document reader may need besides the bytes.
struct DocumentContext {
  // Receives the items a document embeds (e-mail attachments, the messages
  // of a mailbox) with a path naming them inside it ("12/lab.pdf"); the
  // caller sends each back through the pipeline as `item!path`. May be null:
  // embedded items are then not read.
  ArchiveVisitor* children = nullptr;
  // Run OCR on images (scan --no-ocr turns it off).
  bool ocr = true;
  // Increased by the pages read through OCR; may be null.
  uint64_t* ocr_pages = nullptr;
  // Limits for readers of containers (a PST's attachments and nesting);
  // null means the defaults.
  const IngestOptions* options = nullptr;
};

// Delivers the units of a document read from its raw bytes to `sink`.
// REQUIRES: IsDocumentFormat(sniff.format).
// Returns the reason when the document cannot be read (Corrupt, Encrypted,
// Unsupported); units delivered before stay valid.
Status ExtractDocument(const SniffResult& sniff, std::string_view bytes,
                       const DocumentContext& context, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_EXTRACTOR_H_
