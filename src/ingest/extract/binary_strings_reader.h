// Printable runs of binary content, as `strings` would show them.
//
// Files that are neither text nor a container we open (executables, unknown
// formats, database pages) still carry e-mail addresses and numbers in plain
// ASCII. Each run of at least kMinRun printable bytes becomes a kText unit
// with its byte offset; long runs are cut at 64 KiB so memory stays bounded.
// Thread-safe: no shared state.
#ifndef BREACHSCOPE_INGEST_EXTRACT_BINARY_STRINGS_READER_H_
#define BREACHSCOPE_INGEST_EXTRACT_BINARY_STRINGS_READER_H_

#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

inline constexpr size_t kMinPrintableRun = 6;

Status ReadBinaryStrings(std::string_view bytes, UnitSink& sink);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_BINARY_STRINGS_READER_H_
