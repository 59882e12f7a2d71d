// Office Open XML text documents: docx (Word) and pptx (PowerPoint).
//
// docx: the body (word/document.xml), then headers, footers, comments,
// footnotes and endnotes, each a part named in the units' path ("body",
// "header1", "footer2", "comments"): a finding reads "footer1, offset 12".
// pptx: each slide in order ("slide 3"), then speaker notes ("notes 3") and
// comments. Text as office_text.h extracts it, in paragraphs (ReadText).
// A package that is not a readable zip, lacks its main part
// (word/document.xml; any slide) or has a malformed part gives Corrupt.
// Thread-safe.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_DOCX_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_DOCX_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

Status ReadDocx(std::string_view bytes, UnitSink& sink);
Status ReadPptx(std::string_view bytes, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_DOCX_READER_H_
