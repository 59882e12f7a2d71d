// Free text into kText units.
//
// The text is split into paragraphs at blank lines; a paragraph longer than
// kMaxTextUnitBytes is cut at a line end, else at a space, else at a UTF-8
// character boundary, so a 200 MB single-line file still yields units of
// bounded size. Units view the input (no copy); offsets are exact. Stateless
// and thread-safe.
#ifndef BREACHSCOPE_INGEST_EXTRACT_TEXT_READER_H_
#define BREACHSCOPE_INGEST_EXTRACT_TEXT_READER_H_

#include <cstddef>
#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

// Largest unit ReadText delivers, in bytes.
inline constexpr size_t kMaxTextUnitBytes = 64 * 1024;

// Delivers the paragraphs of `utf8` to `sink` as kText units (record -1,
// trailing whitespace trimmed, whitespace-only blocks skipped). Never fails;
// returns a Status for symmetry with the other readers.
Status ReadText(std::string_view utf8, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_TEXT_READER_H_
