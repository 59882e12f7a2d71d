// Folding of names and free text before comparison: lower case, accents
// removed (Latin-1 and Latin Extended-A), punctuation turned into spaces.
// Pure functions; thread-safe.
#ifndef BREACHSCOPE_RESOLVE_TEXT_FOLD_H_
#define BREACHSCOPE_RESOLVE_TEXT_FOLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace breachscope {

// "Côté-Tremblay, JEAN" -> "cote tremblay jean": letters and digits folded
// to lower-case ASCII, every other run of characters one space, trimmed.
// Apostrophes vanish instead ("O'Hare" -> "ohare") because they are written
// or dropped at will inside one name. Characters with no ASCII fold (CJK,
// Khmer) are kept as UTF-8 so such names still compare equal to themselves.
std::string FoldText(std::string_view text);

// FoldText without the spaces: "Côté-Tremblay" -> "cotetremblay". A compound
// surname is written with a hyphen, a space or nothing.
std::string FoldCompact(std::string_view text);

// Splits folded text on spaces.
std::vector<std::string> SplitWords(std::string_view folded);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_TEXT_FOLD_H_
