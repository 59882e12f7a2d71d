// Scanned images (PNG, JPEG, TIFF including multi-page faxes) read by OCR:
// Tesseract with English and French, images decoded by Leptonica.
//
// One kText unit per page that OCR gives text for, path "page N" (1-based;
// a PNG or JPEG is page 1), offsets within the page's text. `*ocr_pages`
// (may be null) is increased by the pages run through OCR. With `ocr` off
// nothing is read and a warning says so. Images larger than
// kMaxOcrPixels, and pages a multi-page TIFF holds beyond kMaxOcrPages, are
// skipped with a warning (a poster-sized scan would take minutes); images
// narrower or lower than kMinOcrSide (icons) are skipped silently.
// Undecodable bytes give Corrupt; missing language data gives Unsupported.
// Thread-safe: each thread keeps its own Tesseract engine (loading the
// language models takes a fraction of a second, once per thread).
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_IMAGE_OCR_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_IMAGE_OCR_READER_H_

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

inline constexpr uint64_t kMaxOcrPixels = 60'000'000;
inline constexpr int kMaxOcrPages = 500;
inline constexpr int kMinOcrSide = 32;  // pixels; smaller images are skipped

Status ReadImageOcr(std::string_view bytes, bool ocr, UnitSink& sink, uint64_t* ocr_pages);

// OCR of one rendered page: 8-bit grey pixels, `stride` bytes a row. The
// text goes to `sink` as a kText unit with path `page_name`.
Status OcrGrayPage(const uint8_t* gray, int width, int height, int stride,
                   const std::string& page_name, UnitSink& sink, uint64_t* ocr_pages);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_IMAGE_OCR_READER_H_
