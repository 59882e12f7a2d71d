// String similarity measures used by the comparators. Pure functions on
// bytes (callers fold text first); thread-safe.
#ifndef BREACHSCOPE_RESOLVE_STRING_SIMILARITY_H_
#define BREACHSCOPE_RESOLVE_STRING_SIMILARITY_H_

#include <string_view>

namespace breachscope {

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4).
double JaroWinkler(std::string_view a, std::string_view b);

// Optimal string alignment distance: insertions, deletions, substitutions
// and adjacent transpositions each cost 1 ("1978" / "1987" is 1). Stops
// counting at `limit` + 1 so long unequal strings cost little.
int EditDistance(std::string_view a, std::string_view b, int limit = 8);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_STRING_SIMILARITY_H_
