// Value shapes and normal forms for the field rules. Pure; thread-safe.
#ifndef BREACHSCOPE_DETECT_FIELDS_VALUE_SHAPE_H_
#define BREACHSCOPE_DETECT_FIELDS_VALUE_SHAPE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "detect/fields/field_rules.h"

namespace breachscope {

// [start, end) of `text` without surrounding ASCII white space.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};
Span TrimmedSpan(std::string_view text);

// Values that say "nothing here": null, none, n/a, unknown, -, 0 ...
bool IsPlaceholder(std::string_view value);

// True when trimmed `value` has `shape` (field_rules.h describes each).
bool FitsShape(Shape shape, std::string_view value, uint16_t min_chars);

// The canonical form of a value of `category`: identifiers upper case
// without separators, health numbers "XX:<id>" with `jurisdiction` (two
// letters, "??" when unknown), card numbers digits only, dates ISO, names
// and text with white space runs collapsed.
std::string NormalizeFieldValue(std::string_view category,
                                std::string_view value,
                                std::string_view jurisdiction);

// The province or territory a label or identifier system names, as its
// two-letter code ("ohip" -> "ON", "ca-qc-" -> "QC"); empty when none.
std::string_view JurisdictionIn(std::string_view framed_words);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_FIELDS_VALUE_SHAPE_H_
