#include "ingest/extract/extractor.h"

#include <string>

#include "ingest/documents/dicom_reader.h"
#include "ingest/documents/docx_reader.h"
#include "ingest/documents/email_reader.h"
#include "ingest/documents/html_text.h"
#include "ingest/documents/image_ocr_reader.h"
#include "ingest/documents/odf_reader.h"
#include "ingest/documents/ole2_reader.h"
#include "ingest/documents/pdf_reader.h"
#include "ingest/documents/pst_reader.h"
#include "ingest/documents/rtf_text.h"
#include "ingest/documents/xlsx_reader.h"
#include "ingest/extract/binary_strings_reader.h"
#include "ingest/extract/csv_reader.h"
#include "ingest/extract/hl7_reader.h"
#include "ingest/extract/json_reader.h"
#include "ingest/extract/sql_dump_reader.h"
#include "ingest/extract/text_reader.h"
#include "ingest/extract/xml_reader.h"

namespace breachscope {

Status ExtractUnits(const SniffResult& sniff, std::string_view utf8, UnitSink& sink) {
  switch (sniff.format) {
    case Format::kText:
      return ReadText(utf8, sink);
    case Format::kCsv:
      // A sniff without a delimiter (a one-column table) reads as comma CSV.
      return ReadCsv(utf8, sniff.delimiter != 0 ? sniff.delimiter : ',', sink);
    case Format::kJson:
      return ReadJson(utf8, /*ndjson=*/false, sink);
    case Format::kNdjson:
      return ReadJson(utf8, /*ndjson=*/true, sink);
    case Format::kXml:
      return ReadXml(utf8, sink);
    case Format::kHl7:
      return ReadHl7(utf8, sink);
    case Format::kSqlDump:
      return ReadSqlDump(utf8, sink);
    default:
      return Unsupported("no text extractor for format " + std::string(FormatName(sniff.format)));
  }
}

Status ExtractDocument(const SniffResult& sniff, std::string_view bytes,
                       const DocumentContext& context, UnitSink& sink) {
  switch (sniff.format) {
    case Format::kPdf:
      return ReadPdf(bytes, sink, context.ocr, context.ocr_pages);
    case Format::kDocx:
      return ReadDocx(bytes, sink);
    case Format::kPptx:
      return ReadPptx(bytes, sink);
    case Format::kXlsx:
      return ReadXlsx(bytes, sink);
    case Format::kOdt:
      return ReadOdt(bytes, sink);
    case Format::kOds:
      return ReadOds(bytes, sink);
    case Format::kEml:
      return ReadEml(bytes, sink, context.children);
    case Format::kMbox:
      return ReadMbox(bytes, sink, context.children);
    case Format::kHtml:
      return ReadHtml(bytes, sink);
    case Format::kDicom:
      return ReadDicom(bytes, sink);
    case Format::kPst:
      return ReadPst(bytes, sink, context.children,
                     context.options != nullptr ? *context.options : IngestOptions{});
    case Format::kImage: {
      Status status = ReadImageOcr(bytes, context.ocr, sink, context.ocr_pages);
      if (status.code() != StatusCode::kCorrupt) return status;
      // Image magic on bytes no decoder accepts: whatever text they hold is
      // still read, as for any other binary file.
      sink.OnWarning(status.message() + "; read as printable strings");
      return ReadBinaryStrings(bytes, sink);
    }
    case Format::kRtf:
      return ReadRtf(bytes, sink);
    case Format::kOle2: {
      Status status = ReadOle2Document(bytes, sink);
      if (status.code() != StatusCode::kUnsupported) return status;
      // A compound file of a kind not read as such (PowerPoint 97, an
      // Outlook .msg) keeps being read as printable strings.
      sink.OnWarning(status.message() + "; read as printable strings");
      return ReadBinaryStrings(bytes, sink);
    }
    default:
      return Unsupported("no document reader for format " +
                         std::string(FormatName(sniff.format)));
  }
}

}  // namespace breachscope
