// Identifier shapes: the generalisation of a facility number such as
// `RVH-0042371` that shape learning (learned_shapes.h) counts and matches.
//
// A shape keeps separators as written, replaces every digit run by its
// length and, at the literal level, keeps letters (upper-cased) or, at the
// class level, replaces every letter run by its length too:
//   RVH-0042371 -> literal `RVH-9{7}`, classes `A{3}-9{7}`
//   M00123456   -> literal `M9{8}`,    classes `A{1}9{8}`
//   24-118873   -> literal `9{2}-9{6}` (no letters: both levels the same)
// Digits never appear in a shape, so a learned shape names what many
// values share (a facility prefix, lengths), never one person's number.
//
// Also finds the tokens of a unit that may be such a number and no
// detector took (CollectIdCandidates), kept by the scan as candidates.
// All functions are pure and thread-safe.
#ifndef BREACHSCOPE_DETECT_ID_SHAPE_H_
#define BREACHSCOPE_DETECT_ID_SHAPE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/id_candidate.h"
#include "common/text_unit.h"

namespace breachscope {

// Detector of a candidate promoted by a learned shape.
inline constexpr std::string_view kLearnedShapeDetector = "mrn_learned_shape";

struct IdShape {
  std::string literal;  // `RVH-9{7}`
  std::string classes;  // `A{3}-9{7}`
  int digits = 0;       // digits in all
  int letters = 0;      // letters in all
  int digit_runs = 0;
  int letter_runs = 0;
};

// The shape of `token`, or nothing when it is not an identifier: 4-24
// bytes of ASCII letters, digits and single separators `-` `/` `.` `#`
// between them, at least 3 digits; or one to four letters, a space and
// digits (`RVH 0042371` -> `RVH 9{7}`).
std::optional<IdShape> ShapeOf(std::string_view token);

// True when a shape may be looked for in free text without context: a
// literal letter prefix or a letter/digit mix (letters in at most two runs,
// so `S4P3Y2` postal codes are not), or digit groups with separators (two
// or more runs, at least 6 digits) that no date or phone number has. A bare
// run of digits never is.
bool IsSpecific(const IdShape& shape);

// Appends a candidate finding (category kIdCandidateCategory, no
// normalised value, confidence 0) for every token of `unit` whose shape is
// specific, that is not machine text (parts of times, hashes and hex ids,
// MAC addresses, versions, quantities, URLs), that overlaps none of
// `taken` (the unit's findings), and that has no counter word (order,
// invoice, claim, ...) among the 40 bytes before it or in its label. A
// spaced form needs its prefix in upper case as written. Cheap on units
// without digits.
void CollectIdCandidates(const TextUnit& unit, std::span<const Finding> taken,
                         std::vector<Finding>* out);

// CollectIdCandidates' gate: where the run of token bytes (ASCII letters,
// digits, `-` `/` `.` `#`) that starts at `i` ends when no candidate can
// lie in it, else `i`. Every token of a run lies within it, and a
// candidate needs 4 digits (6 without letters), so a run with fewer holds
// none; a run that is one token (no separator at its ends or after
// another, nothing glued before it) holds none when that token's counts
// rule it out (times, IP addresses, hexadecimal ids). A run followed by a
// space and a digit may end in the prefix of a spaced form
// (`RVH 0042371`) and is never skipped.
size_t CandidateFreeRunEnd(std::string_view text, size_t i);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_ID_SHAPE_H_
