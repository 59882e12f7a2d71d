// PdfWriter: paragraphs flowed onto Letter-size pages, through Cairo and
// Pango (so accents, long names and line breaking are right), for letters
// and regulator reports.
#ifndef BREACHSCOPE_REPORT_NOTICE_PDF_WRITER_H_
#define BREACHSCOPE_REPORT_NOTICE_PDF_WRITER_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope {

enum class PdfStyle { kBody, kHeading, kTitle, kSmall };

class PdfWriter {
 public:
  // Creates `path` (mode 0600: it holds PHI). Check status() before use.
  explicit PdfWriter(const std::string& path);
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  Status status() const;
  // Adds plain text (escaped here; line breaks kept) below the previous
  // paragraph, starting a new page when it does not fit.
  void Paragraph(std::string_view text, PdfStyle style = PdfStyle::kBody);
  void Space(double points);
  // Starts a new page unless the current one is still empty.
  void NewPage();
  // Finishes the file; the writer is unusable afterwards.
  Status Close();
  int pages() const { return pages_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int pages_ = 0;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_PDF_WRITER_H_
