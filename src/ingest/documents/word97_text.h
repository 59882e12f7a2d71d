// The text of a legacy Word 97-2003 document (.doc, the WordDocument stream
// of an OLE2 compound file), through its piece table.
//
// The File Information Block says which table stream (0Table or 1Table)
// holds the piece table (Clx) and how many characters the main text has;
// each piece is CP1252 ("compressed") or UTF-16LE text at an offset of the
// WordDocument stream. The main text is returned as `body`; what follows it
// (footnotes, headers and footers, comments, text boxes) as `other`, both
// UTF-8. Paragraph, line and page breaks become newlines, table cell marks
// tabs; field instructions (` HYPERLINK "..." `) are dropped and their
// results kept; object anchors and other control characters are dropped.
// Encrypted or obfuscated documents give Encrypted, a FIB or piece table
// that does not fit its streams Corrupt, Word 6/95 files Unsupported.
// Pure and thread-safe.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_WORD97_TEXT_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_WORD97_TEXT_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope {

struct Word97Streams {
  std::string_view word_document;
  std::string_view table0;  // "0Table"; empty when absent
  std::string_view table1;  // "1Table"; empty when absent
};

Status Word97Text(const Word97Streams& streams, std::string* body, std::string* other);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_WORD97_TEXT_H_
