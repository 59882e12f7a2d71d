// Formats that ingest recognises, and sniffing them from content.
//
// The format is decided from the bytes (magic numbers, structure of the first
// lines); the file name's extension is only a hint that breaks ties. Pure
// functions, thread-safe.
#ifndef BREACHSCOPE_INGEST_FORMAT_H_
#define BREACHSCOPE_INGEST_FORMAT_H_

#include <string_view>

namespace breachscope {

enum class Format {
  kEmpty,       // zero bytes
  kBinary,      // not text and not a container we open (images, executables)
  kText,        // free text (notes, logs, letters)
  kCsv,         // delimited table: comma, semicolon, tab or pipe
  kJson,        // one JSON document
  kNdjson,      // one JSON value per line
  kXml,         // XML document (CDA, FHIR XML, exports)
  kHl7,         // HL7 v2 messages (MSH segment first)
  kSqlDump,     // mysqldump / pg_dump text
  kArchive,     // zip, tar, 7z (possibly compressed tar)
  kCompressed,  // single-file gzip, bzip2, xz
  // Documents: read from their raw bytes by ingest/documents/ readers.
  kPdf,   // PDF (text layer, AcroForm fields)
  kDocx,  // Office Open XML word processing (a zip with [Content_Types].xml)
  kXlsx,  // Office Open XML spreadsheet
  kPptx,  // Office Open XML presentation
  kOdt,   // OpenDocument text (a zip whose first member is `mimetype`)
  kOds,   // OpenDocument spreadsheet
  kEml,   // one RFC 5322 e-mail message
  kMbox,  // mailbox of messages, each starting with a "From " line
  kRtf,   // Rich Text Format
  kHtml,  // HTML page
  kDicom, // DICOM medical image ("DICM" after the 128-byte preamble)
  kImage, // PNG, JPEG or TIFF: a scan or a fax, read by OCR
  kPst,   // Outlook PST/OST mailbox ("!BDN" at offset 0)
  kOle2,  // OLE2 compound file: legacy Word/Excel 97-2003 (.doc, .xls) and kin
};

// True for formats read from raw bytes by a document reader rather than
// decoded as text first (see ExtractDocument in ingest/extract/extractor.h).
bool IsDocumentFormat(Format format);

// Stable lower-case name ("csv", "hl7", ...), used in the store and summary.
std::string_view FormatName(Format format);

struct SniffResult {
  Format format = Format::kBinary;
  // For kCsv: the field delimiter (',', ';', '\t' or '|'); 0 otherwise.
  char delimiter = 0;
};

// Decides the format of an item from its first bytes (`head`, up to 64 KiB
// of raw, undecoded content; may be all of it) and its name (extension hint).
// A UTF-16 or UTF-8 BOM is looked through.
SniffResult SniffFormat(std::string_view head, std::string_view name);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_FORMAT_H_
