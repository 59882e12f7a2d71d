#include "report/notice/pdf_writer.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "common/owner_only_file.h"

namespace breachscope {
namespace {

// US Letter, one-inch margins: what North American mail houses print.
constexpr double kPageWidth = 612, kPageHeight = 792, kMargin = 72;

const char* FontOf(PdfStyle style) {
  switch (style) {
    case PdfStyle::kTitle: return "DejaVu Sans Bold 14";
    case PdfStyle::kHeading: return "DejaVu Sans Bold 11";
    case PdfStyle::kSmall: return "DejaVu Sans 8";
    case PdfStyle::kBody: break;
  }
  return "DejaVu Sans 10";
}

}  // namespace

struct PdfWriter::Impl {
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  double y = kMargin;
  bool page_empty = true;
  Status status;
};

PdfWriter::PdfWriter(const std::string& path) : impl_(std::make_unique<Impl>()) {
  // The file holds PHI: create it private before Cairo writes a byte (Cairo
  // truncates it and keeps the mode).
  impl_->status = CreateOwnerOnly(path);
  if (!impl_->status.ok()) return;
  impl_->surface = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
  if (cairo_surface_status(impl_->surface) != CAIRO_STATUS_SUCCESS) {
    impl_->status = IoError("cannot create " + path + ": " +
                            cairo_status_to_string(cairo_surface_status(impl_->surface)));
    return;
  }
  impl_->cr = cairo_create(impl_->surface);
  pages_ = 1;
}

PdfWriter::~PdfWriter() { (void)Close(); }

Status PdfWriter::status() const { return impl_->status; }

void PdfWriter::Paragraph(std::string_view text, PdfStyle style) {
  if (!impl_->cr) return;
  PangoLayout* layout = pango_cairo_create_layout(impl_->cr);
  PangoFontDescription* font = pango_font_description_from_string(FontOf(style));
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout, static_cast<int>((kPageWidth - 2 * kMargin) * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  int width = 0, height = 0;
  pango_layout_get_size(layout, &width, &height);
  double h = static_cast<double>(height) / PANGO_SCALE;
  if (impl_->y + h > kPageHeight - kMargin && !impl_->page_empty) {
    cairo_show_page(impl_->cr);
    ++pages_;
    impl_->y = kMargin;
  }
  cairo_move_to(impl_->cr, kMargin, impl_->y);
  pango_cairo_show_layout(impl_->cr, layout);
  g_object_unref(layout);
  impl_->y += h + (style == PdfStyle::kHeading ? 2 : 6);
  impl_->page_empty = false;
}

void PdfWriter::Space(double points) { impl_->y += points; }

void PdfWriter::NewPage() {
  if (!impl_->cr || impl_->page_empty) return;
  cairo_show_page(impl_->cr);
  ++pages_;
  impl_->y = kMargin;
  impl_->page_empty = true;
}

Status PdfWriter::Close() {
  if (impl_->cr) {
    cairo_destroy(impl_->cr);
    impl_->cr = nullptr;
  }
  if (impl_->surface) {
    cairo_surface_finish(impl_->surface);
    if (cairo_surface_status(impl_->surface) != CAIRO_STATUS_SUCCESS && impl_->status.ok()) {
      impl_->status = IoError(std::string("writing the PDF failed: ") +
                              cairo_status_to_string(cairo_surface_status(impl_->surface)));
    }
    cairo_surface_destroy(impl_->surface);
    impl_->surface = nullptr;
  }
  return impl_->status;
}

}  // namespace breachscope
