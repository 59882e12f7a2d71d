#include "ingest/documents/image_ocr_reader.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace breachscope {
namespace {

struct PixFree {
  void operator()(PIX* p) const { pixDestroy(&p); }
};

// Leptonica prints every decoding complaint on stderr; the reader reports
// them as a status instead.
void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// Tesseract splits a page across an OpenMP team of its own, but the scan
// already runs one engine per worker thread: the teams oversubscribed the
// cores (40 scanned pages on 2 workers: 469 s with them, 72 s without, by
// bench/document_pages.sh 40 2 BINARY scan). No active level makes every
// OpenMP region run on the thread that enters it. The OpenMP runtime is
// Tesseract's dependency, not ours, so it is looked up where Tesseract
// loaded it; a Tesseract built without OpenMP has nothing to turn off.
void OneThreadPerEngine() {
  static std::once_flag once;
  std::call_once(once, [] {
    using SetLevels = void (*)(int);
    if (auto set = reinterpret_cast<SetLevels>(
            dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) {
      set(0);
    }
  });
}

// The calling thread's engine, or null when the language data is missing.
tesseract::TessBaseAPI* Engine() {
  thread_local std::unique_ptr<tesseract::TessBaseAPI> engine;
  thread_local bool tried = false;
  if (!tried) {
    tried = true;
    OneThreadPerEngine();
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    if (api->Init(nullptr, "eng+fra") == 0) {
      // Tesseract's diagnostics ("image too small to scale") are not ours
      // to print between progress lines.
      api->SetVariable("debug_file", "/dev/null");
      engine = std::move(api);
    }
  }
  return engine.get();
}

Status OcrNamedPage(PIX* pix, const std::string& page, tesseract::TessBaseAPI* engine,
                    UnitSink& sink, uint64_t* ocr_pages) {
  const uint64_t pixels = static_cast<uint64_t>(pixGetWidth(pix)) * pixGetHeight(pix);
  if (pixels > kMaxOcrPixels) {
    sink.OnWarning(page + ": image too large for OCR");
    return {};
  }
  engine->SetImage(pix);
  std::unique_ptr<char[]> text(engine->GetUTF8Text());
  engine->Clear();
  if (ocr_pages != nullptr) ++*ocr_pages;
  if (text == nullptr) return {};
  std::string value(text.get());
  while (!value.empty() && (value.back() == '\n' || value.back() == ' ')) value.pop_back();
  if (value.empty()) return {};
  TextUnit unit;
  unit.kind = UnitKind::kText;
  unit.text = value;
  unit.path = page;
  sink.OnUnit(unit);
  return {};
}

Status OcrPage(PIX* pix, int page_idx, tesseract::TessBaseAPI* engine, UnitSink& sink,
               uint64_t* ocr_pages) {
  return OcrNamedPage(pix, "page " + std::to_string(page_idx + 1), engine, sink, ocr_pages);
}

bool IsTiff(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("II*\0", 4) ||
         bytes.substr(0, 4) == std::string_view("MM\0*", 4);
}

// Page by page, one decoded page in memory at a time, stopping at the first
// page that cannot be decoded and at a page directory seen before: Leptonica's
// pixaReadMemMultipageTiff() never returned on a fuzzed fax (a crafted chain
// of page directories).
Status OcrTiffPages(const l_uint8* data, size_t size, tesseract::TessBaseAPI* engine,
                    UnitSink& sink, uint64_t* ocr_pages) {
  std::set<size_t> seen;
  size_t offset = 0;
  for (int page_idx = 0;; ++page_idx) {
    if (page_idx == kMaxOcrPages) {
      sink.OnWarning("TIFF pages after " + std::to_string(kMaxOcrPages) + " not read");
      return {};
    }
    if (!seen.insert(offset).second) {
      sink.OnWarning("TIFF page directories loop back; the repeated pages not read");
      return {};
    }
    std::unique_ptr<PIX, PixFree> pix(pixReadMemFromMultipageTiff(data, size, &offset));
    if (pix == nullptr) {
      if (page_idx == 0) return Corrupt("TIFF cannot be decoded");
      sink.OnWarning("TIFF page " + std::to_string(page_idx + 1) + " cannot be decoded");
      return {};
    }
    BS_RETURN_IF_ERROR(OcrPage(pix.get(), page_idx, engine, sink, ocr_pages));
    if (offset == 0) return {};
  }
}

}  // namespace

Status ReadImageOcr(std::string_view bytes, bool ocr, UnitSink& sink, uint64_t* ocr_pages) {
  if (!ocr) {
    sink.OnWarning("image not read: OCR is off");
    return {};
  }
  SilenceLeptonica();
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  // Check the declared size before decoding: a tiny file may claim a huge image.
  l_int32 w = 0, h = 0, bps = 0, spp = 0, format = 0, iscmap = 0;
  if (pixReadHeaderMem(data, bytes.size(), &format, &w, &h, &bps, &spp, &iscmap) != 0) {
    return Corrupt("image cannot be decoded");
  }
  // Icons and logos hold no writing worth a model run.
  if (w < kMinOcrSide || h < kMinOcrSide) return {};
  if (static_cast<uint64_t>(w) * static_cast<uint64_t>(h) > kMaxOcrPixels) {
    sink.OnWarning("image too large for OCR");
    return {};
  }
  tesseract::TessBaseAPI* engine = Engine();
  if (engine == nullptr) return Unsupported("OCR language data (eng, fra) is not installed");
  if (IsTiff(bytes)) return OcrTiffPages(data, bytes.size(), engine, sink, ocr_pages);
  std::unique_ptr<PIX, PixFree> pix(pixReadMem(data, bytes.size()));
  if (pix == nullptr) return Corrupt("image cannot be decoded");
  return OcrPage(pix.get(), 0, engine, sink, ocr_pages);
}

Status OcrGrayPage(const uint8_t* gray, int width, int height, int stride,
                   const std::string& page_name, UnitSink& sink, uint64_t* ocr_pages) {
  SilenceLeptonica();
  tesseract::TessBaseAPI* engine = Engine();
  if (engine == nullptr) return Unsupported("OCR language data (eng, fra) is not installed");
  std::unique_ptr<PIX, PixFree> pix(pixCreate(width, height, 8));
  if (pix == nullptr) return Internal("no memory for a page image");
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* row = gray + static_cast<size_t>(y) * stride;
    for (int x = 0; x < width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return OcrNamedPage(pix.get(), page_name, engine, sink, ocr_pages);
}

}  // namespace breachscope
