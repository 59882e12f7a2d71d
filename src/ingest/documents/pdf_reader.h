// PDF documents through poppler: the text layer page by page, AcroForm
// fields, and signature marks.
//
// Units delivered, in page order:
// - one kText unit per page with text, its path "page N" (1-based) and its
//   offset counted from the start of that page's text, so a finding reads
//   "page 3, offset 120";
// - one kField unit per filled AcroForm text or choice field: label = the
//   field's name (its tooltip when unnamed), path "page N, field NAME";
// - a kField unit labelled "Signature" for each signature field and for each
//   image lying next to a "Signature" label (a scanned or drawn signature);
//   its text says what was seen ("[signature field Sig1]", "[signature
//   image]"), which the signature field rule reports as a signature.
// Pages without a text layer are read by OCR when asked, else give a
// warning each.
// Encrypted PDFs open when no user password is set (owner-only protection);
// otherwise Encrypted("PDF is protected by a user password"). Unparsable
// bytes give Corrupt. poppler's own console messages are silenced.
// Thread-safe: each call opens its own document.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_PDF_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_PDF_READER_H_

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

// With `ocr` on, a page without a text layer is rendered (300 dpi, grey)
// and read by OCR instead of giving a warning; `*ocr_pages` (may be null)
// counts those pages.
Status ReadPdf(std::string_view bytes, UnitSink& sink, bool ocr = false,
               uint64_t* ocr_pages = nullptr);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_PDF_READER_H_
