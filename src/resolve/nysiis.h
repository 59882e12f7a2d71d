// NYSIIS phonetic code (New York State Identification and Intelligence
// System, Taft 1970), written for the project. Names that sound alike get
// one code: "Knight" and "Nite" -> "NAT", "Schmidt" and "Smith" differ.
// Pure function; thread-safe.
#ifndef BREACHSCOPE_RESOLVE_NYSIIS_H_
#define BREACHSCOPE_RESOLVE_NYSIIS_H_

#include <string>
#include <string_view>

namespace breachscope {

// Code of a folded name (lower-case ASCII letters; anything else is
// ignored). Upper-case, at most `max_length` characters (0: unlimited);
// empty for a name with no letters.
std::string Nysiis(std::string_view folded_name, size_t max_length = 6);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_NYSIIS_H_
