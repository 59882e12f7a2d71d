// Word lists of the free-text name and address analyzers, loaded once from
// the embedded data/names and data/address files.
//
// Every key is folded (FoldLower: lower case, Latin-1 accents removed) and
// multi-word keys join their words with one space, so analyzers look up a
// token's `folded` form, or the folded forms of a few tokens joined, without
// allocating per token beyond that.
#ifndef BREACHSCOPE_DETECT_TEXT_LEXICON_H_
#define BREACHSCOPE_DETECT_TEXT_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace breachscope::text {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
using WordMap =
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

struct Lexicon {
  WordSet first_names;
  WordSet last_names;
  WordSet common_words;  // also names, but usually words: will, grant, may
  WordSet not_names;     // never in a name: monday, hospital, metformin
  WordSet titles;        // dr, mme, mrs (no trailing period)
  WordSet cities;        // canadian cities and towns
  WordMap regions;       // province/state name or code -> code ("SK")
  WordMap postal_letters;  // province code -> first letters of its postal codes
  WordMap street_types;  // variant -> canonical ("ave" -> "avenue")
  WordMap directionals;  // variant -> canonical ("ne" -> "northeast")
  WordMap unit_types;    // variant -> canonical ("apt" -> "apartment")

  bool Contains(const WordSet& set, std::string_view key) const {
    return set.find(key) != set.end();
  }
  // Value for `key`, or an empty view.
  static std::string_view Find(const WordMap& map, std::string_view key) {
    auto it = map.find(key);
    return it == map.end() ? std::string_view() : std::string_view(it->second);
  }
};

// The lexicon, built on first use (thread-safe) and never destroyed.
const Lexicon& GetLexicon();

}  // namespace breachscope::text

#endif  // BREACHSCOPE_DETECT_TEXT_LEXICON_H_
