// The parts (members) of an office document's zip package, read in memory
// through libarchive.
//
// Office Open XML and OpenDocument files are zips of XML parts. Only the
// parts a reader asks for are decompressed, each at most kMaxPartBytes (a
// zip bomb dressed as a spreadsheet stops there). Thread-safe: each call has
// its own libarchive handle.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_ZIP_PARTS_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_ZIP_PARTS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

namespace breachscope {

inline constexpr uint64_t kMaxPartBytes = 512ull << 20;

using PartMap = std::map<std::string, std::string, std::less<>>;

// Decompresses every part whose name `wanted` accepts. Returns Corrupt when
// the zip cannot be read at all; a part over kMaxPartBytes gives
// LimitExceeded; a package truncated after some parts returns Corrupt too
// (its complete parts are not used: a half-read document misleads).
Result<PartMap> ReadZipParts(std::string_view bytes,
                             const std::function<bool(std::string_view)>& wanted);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_ZIP_PARTS_H_
