#include "ingest/documents/pdf_reader.h"

#include <cairo.h>
#include <poppler.h>
#include <poppler-global.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "ingest/documents/gobject_ptr.h"
#include "ingest/documents/image_ocr_reader.h"

namespace breachscope {
namespace {

// How far (PDF points, 1/72 inch) an image may lie from a "Signature" label
// and still be taken for the signature written there: a line's height
// above or below, two inches to the right.
constexpr double kSignatureReachX = 144.0;
constexpr double kSignatureReachY = 36.0;

using DocumentPtr = GPtr<PopplerDocument>;
using PagePtr = GPtr<PopplerPage>;

struct GFree {
  void operator()(gpointer p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;

std::string Owned(char* s) {
  GString holder(s);
  return s == nullptr ? std::string() : std::string(s);
}

// poppler reports syntax problems of damaged files on stderr, which would
// interleave with the progress line; the reader reports them as a status.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

Result<DocumentPtr> Open(std::string_view bytes) {
  SilencePoppler();
  GBytes* data = g_bytes_new_static(bytes.data(), bytes.size());
  GError* error = nullptr;
  PopplerDocument* doc = poppler_document_new_from_bytes(data, nullptr, &error);
  g_bytes_unref(data);  // the document keeps its own reference
  if (doc != nullptr) return DocumentPtr(doc);
  const bool encrypted = error != nullptr && error->domain == POPPLER_ERROR &&
                         error->code == POPPLER_ERROR_ENCRYPTED;
  std::string message = error != nullptr ? error->message : "unknown error";
  if (error != nullptr) g_error_free(error);
  if (encrypted) return Encrypted("PDF is protected by a user password");
  return Corrupt("PDF cannot be opened: " + message);
}

std::string PageName(int page_idx) { return "page " + std::to_string(page_idx + 1); }

// Scans are read at 300 dpi, Tesseract's preferred resolution; a page whose
// rendering would pass kMaxOcrPixels is rendered smaller instead.
Status OcrRenderedPage(PopplerPage* page, int page_idx, UnitSink& sink, uint64_t* ocr_pages) {
  double width_pt = 0, height_pt = 0;
  poppler_page_get_size(page, &width_pt, &height_pt);
  double scale = 300.0 / 72.0;
  const double pixels = width_pt * height_pt * scale * scale;
  if (pixels > static_cast<double>(kMaxOcrPixels)) {
    scale *= std::sqrt(static_cast<double>(kMaxOcrPixels) / pixels);
  }
  const int width = std::max(1, static_cast<int>(width_pt * scale));
  const int height = std::max(1, static_cast<int>(height_pt * scale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Internal("no memory to render " + PageName(page_idx));
  }
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  poppler_page_render_for_printing(page, cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  std::vector<uint8_t> gray(static_cast<size_t>(width) * height);
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      const uint32_t c = row[x];
      gray[static_cast<size_t>(y) * width + x] = static_cast<uint8_t>(
          (((c >> 16) & 0xFF) * 299 + ((c >> 8) & 0xFF) * 587 + (c & 0xFF) * 114) / 1000);
    }
  }
  cairo_surface_destroy(surface);
  return OcrGrayPage(gray.data(), width, height, width, PageName(page_idx), sink, ocr_pages);
}

class PageReader {
 public:
  PageReader(PopplerPage* page, int page_idx, UnitSink& sink,
             std::set<int>* seen_fields)
      : page_(page), page_name_(PageName(page_idx)), sink_(sink),
        seen_fields_(seen_fields) {}

  // Returns false when the page has no text layer.
  bool ReadText() {
    const std::string text = Owned(poppler_page_get_text(page_));
    if (text.find_first_not_of(" \t\r\n\f") == std::string::npos) return false;
    TextUnit unit;
    unit.kind = UnitKind::kText;
    unit.text = text;
    unit.path = page_name_;
    sink_.OnUnit(unit);
    return true;
  }

  void ReadFields() {
    GList* mapping = poppler_page_get_form_field_mapping(page_);
    for (GList* it = mapping; it != nullptr; it = it->next) {
      auto* m = static_cast<PopplerFormFieldMapping*>(it->data);
      // A field with several widgets (one per page) is read once.
      if (seen_fields_->insert(poppler_form_field_get_id(m->field)).second) {
        ReadField(m->field);
      }
    }
    poppler_page_free_form_field_mapping(mapping);
  }

  void ReadSignatureImages() {
    GList* images = poppler_page_get_image_mapping(page_);
    if (images == nullptr) return;
    GList* labels = poppler_page_find_text(page_, "Signature");
    // find_text measures y from the page's bottom, image areas from its top.
    double width = 0, height = 0;
    poppler_page_get_size(page_, &width, &height);
    for (GList* it = labels; it != nullptr; it = it->next) {
      auto* label = static_cast<PopplerRectangle*>(it->data);
      label->y1 = height - label->y1;
      label->y2 = height - label->y2;
    }
    int image_idx = 0;
    for (GList* it = images; it != nullptr; it = it->next, ++image_idx) {
      const PopplerRectangle& area = static_cast<PopplerImageMapping*>(it->data)->area;
      if (NearAnyLabel(area, labels)) {
        Emit("Signature", "[signature image]",
             page_name_ + ", image " + std::to_string(image_idx + 1));
      }
    }
    for (GList* it = labels; it != nullptr; it = it->next) {
      poppler_rectangle_free(static_cast<PopplerRectangle*>(it->data));
    }
    g_list_free(labels);
    poppler_page_free_image_mapping(images);
  }

 private:
  void ReadField(PopplerFormField* field) {
    std::string name = Owned(poppler_form_field_get_partial_name(field));
    if (name.empty()) name = Owned(poppler_form_field_get_alternate_ui_name(field));
    switch (poppler_form_field_get_field_type(field)) {
      case POPPLER_FORM_FIELD_TEXT:
        Emit(name, Owned(poppler_form_field_text_get_text(field)), FieldPath(name));
        break;
      case POPPLER_FORM_FIELD_CHOICE:
        Emit(name, ChoiceText(field), FieldPath(name));
        break;
      case POPPLER_FORM_FIELD_SIGNATURE:
        Emit("Signature", "[signature field " + name + "]", FieldPath(name));
        break;
      default:  // buttons and check boxes carry no text worth reading
        break;
    }
  }

  static std::string ChoiceText(PopplerFormField* field) {
    std::string text = Owned(poppler_form_field_choice_get_text(field));
    const int n = poppler_form_field_choice_get_n_items(field);
    for (int item_idx = 0; item_idx < n; ++item_idx) {
      if (!poppler_form_field_choice_is_item_selected(field, item_idx)) continue;
      if (!text.empty()) text += "; ";
      text += Owned(poppler_form_field_choice_get_item(field, item_idx));
    }
    return text;
  }

  std::string FieldPath(const std::string& name) const {
    return page_name_ + ", field " + name;
  }

  static bool NearAnyLabel(const PopplerRectangle& image, GList* labels) {
    for (GList* it = labels; it != nullptr; it = it->next) {
      const auto* label = static_cast<PopplerRectangle*>(it->data);
      // Both rectangles are normalised first: poppler does not promise an
      // orientation for either list.
      const double lx1 = std::min(label->x1, label->x2), lx2 = std::max(label->x1, label->x2);
      const double ly1 = std::min(label->y1, label->y2), ly2 = std::max(label->y1, label->y2);
      const double ix1 = std::min(image.x1, image.x2), ix2 = std::max(image.x1, image.x2);
      const double iy1 = std::min(image.y1, image.y2), iy2 = std::max(image.y1, image.y2);
      const bool x_near = ix1 <= lx2 + kSignatureReachX && ix2 >= lx1 - 8.0;
      const bool y_near = iy1 <= ly2 + kSignatureReachY && iy2 >= ly1 - kSignatureReachY;
      if (x_near && y_near) return true;
    }
    return false;
  }

  void Emit(std::string_view label, const std::string& text, const std::string& path) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
    TextUnit unit;
    unit.kind = UnitKind::kField;
    unit.text = text;
    unit.label = label;
    unit.path = path;
    sink_.OnUnit(unit);
  }

  PopplerPage* page_;
  const std::string page_name_;
  UnitSink& sink_;
  std::set<int>* seen_fields_;
};

}  // namespace

Status ReadPdf(std::string_view bytes, UnitSink& sink, bool ocr, uint64_t* ocr_pages) {
  Result<DocumentPtr> doc = Open(bytes);
  if (!doc.ok()) return doc.status();
  const int pages = poppler_document_get_n_pages(doc.value().get());
  std::set<int> seen_fields;
  for (int page_idx = 0; page_idx < pages; ++page_idx) {
    PagePtr page(poppler_document_get_page(doc.value().get(), page_idx));
    if (page == nullptr) {
      sink.OnWarning(PageName(page_idx) + " cannot be read");
      continue;
    }
    PageReader reader(page.get(), page_idx, sink, &seen_fields);
    if (!reader.ReadText()) {
      if (ocr) {
        BS_RETURN_IF_ERROR(OcrRenderedPage(page.get(), page_idx, sink, ocr_pages));
      } else {
        sink.OnWarning(PageName(page_idx) + " has no text layer");
      }
    }
    reader.ReadFields();
    reader.ReadSignatureImages();
  }
  return {};
}

}  // namespace breachscope
