// Context text handling: label normalisation and nearby-word search, as the
// README's "Context" section defines them.
//
// Normalised text is lower case (ASCII and Latin-1 accented capitals) with
// every run of bytes that are not letters or digits replaced by one '_'.
// Bytes >= 0x80 count as letters, so "né" stays a word. All functions are
// pure and thread-safe.
#ifndef BREACHSCOPE_DETECT_CONTEXT_H_
#define BREACHSCOPE_DETECT_CONTEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "common/text_unit.h"

namespace breachscope {

// How many bytes before a candidate are searched for context words.
inline constexpr size_t kNearbyWindow = 40;

// True for ASCII letters and digits and every byte of a non-ASCII character.
inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
         c >= 0x80;
}

// Appends the normalised form of `in` to `out`.
void AppendNormalized(std::string_view in, std::string* out);
std::string Normalize(std::string_view in);

// The part of a label that decides: the last segment of a JSON/XML path for
// structured fields (`entry.resource.birthDate` -> `birthDate`), skipping a
// trailing XML `@value` / `#text`; the whole label otherwise.
std::string_view LabelSubject(std::string_view label, UnitKind kind);

// True when the raw label is the HL7 field `field` ("PID-7"), compared
// case-insensitively; "PID-7.1" and "PID-7[1]" also match, "PID-71" does not.
bool LabelIsHl7Field(std::string_view label, std::string_view field);

// Writes into `out` the normalised 40 bytes of `text` before `pos`, framed by
// '_' so whole words can be found as "_word_". A word cut by the window's
// start is left out.
void NearbyWindow(std::string_view text, size_t pos, std::string* out);

// End position of the last whole-word occurrence of the normalised `word` in
// a framed window from NearbyWindow(), or -1. Later means nearer.
int FindLastWord(std::string_view window, std::string_view word);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_CONTEXT_H_
