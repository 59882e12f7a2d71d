// PhraseDictionary: folded phrases (FoldPhrase) in a hash table, matched at
// token positions of a FoldedText, longest phrase first.
//
// Built once (the medical data loaders keep theirs in function-local
// statics), then immutable and safe to share between threads.
#ifndef BREACHSCOPE_DETECT_MEDICAL_PHRASE_DICTIONARY_H_
#define BREACHSCOPE_DETECT_MEDICAL_PHRASE_DICTIONARY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detect/medical/folded_text.h"

namespace breachscope::medical {

class PhraseDictionary {
 public:
  // Adds `phrase` (folded here) and returns its key id; a phrase that folds
  // to an existing key returns that key's id. Empty phrases get -1.
  int Add(std::string_view phrase);

  struct Hit {
    size_t tokens = 0;  // 0: no phrase starts here
    int key = -1;
  };
  // The longest phrase that starts at token `first` of `text`. The filter
  // test is inline: the condition, medication and lab analyzers ask at
  // every token of every text, and nearly every answer is no.
  Hit LongestAt(const FoldedText& text, size_t first) const {
    if (first >= text.size()) return {};
    const size_t bit = FirstBit(text.Hash(first));
    if ((first_filter_[bit / 64] >> (bit % 64) & 1) == 0) return {};
    return LongestFrom(text, first);
  }

  // The folded phrase of key `key`.
  const std::string& Key(int key) const { return keys_[key]; }
  size_t size() const { return keys_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  std::vector<std::string> keys_;
  std::unordered_map<std::string, int, Hash, std::equal_to<>> index_;
  // Per first token, the most tokens of a phrase starting with it. Most
  // tokens of a text start no phrase, so one look-up of the token replaces
  // max_tokens_ look-ups of ever longer phrases.
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> first_;
  size_t max_tokens_ = 0;
  // One bit per FirstBit() of every first token: a clear bit says no
  // phrase starts with the token, without hashing it into first_. Nearly
  // every token of a text starts no phrase, and the profiler showed the
  // look-ups among the costliest steps of the medical analyzers.
  static constexpr size_t kFilterBits = size_t{1} << 17;
  static size_t FirstBit(uint32_t h) {  // of HashToken
    return (h ^ (h >> 15)) & (kFilterBits - 1);
  }
  // LongestAt past the filter.
  Hit LongestFrom(const FoldedText& text, size_t first) const;
  std::vector<uint64_t> first_filter_ =
      std::vector<uint64_t>(kFilterBits / 64, 0);
};

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_PHRASE_DICTIONARY_H_
