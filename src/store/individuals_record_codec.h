// Encoding of a PersonRecord's PHI into one byte string (then sealed as a
// whole) and back. Internal to src/store.
//
// Layout: a version byte, then each field in a fixed order; a string is a
// 4-byte little-endian length and its bytes, a list is a 4-byte count and
// its items. Changing the layout means a new version byte.
#ifndef BREACHSCOPE_STORE_INDIVIDUALS_RECORD_CODEC_H_
#define BREACHSCOPE_STORE_INDIVIDUALS_RECORD_CODEC_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "resolve/person_record.h"

namespace breachscope {

// Encodes everything but key, source, role and categories (stored in clear
// beside it).
std::string EncodePersonRecordPhi(const PersonRecord& record);
// Fills the PHI fields of `record`; fails (kCorrupt) on malformed bytes.
Status DecodePersonRecordPhi(std::string_view bytes, PersonRecord* record);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_INDIVIDUALS_RECORD_CODEC_H_
