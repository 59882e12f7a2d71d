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
    if (first >= text.size() || !MayStart(text.Hash(first))) return {};
    return LongestFrom(text, first);
  }

  // False when no phrase starts with the token of HashToken `hash`; true
  // for every first token of a phrase and, by chance, for about one other
  // token in 500 to 800 (the filter is sized to the dictionary).
  bool MayStart(uint32_t hash) const {
    return FilterHas(FirstBit(hash)) && FilterHas(SecondBit(hash));
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
  // Two bits per first token, FirstBit() and SecondBit() of its hash (a
  // Bloom filter): a clear bit says no phrase starts with the token,
  // without hashing it into first_. Nearly every token of a text starts no
  // phrase, and the profiler showed the look-ups among the costliest steps
  // of the medical analyzers. With one bit in 2^17, about one token in 40
  // passed the drug dictionary's filter (3,100 first words) by chance,
  // among them frequent words of code and logs ("the", "size", "static");
  // two bits let about one in 500 through. The filter has 32 bits a first
  // word (2^10 to 2^17 bits), so the small dictionaries' filters stay in
  // the first-level cache beside the others: the lab and condition
  // filters each took 16 KiB, and loading their bits showed in the profile.
  static constexpr int kMinFilterLog = 10;
  static constexpr int kMaxFilterLog = 17;
  static constexpr size_t kBitsPerFirstWord = 32;
  size_t FirstBit(uint32_t h) const {  // of HashToken
    return (h ^ (h >> 15)) & ((size_t{1} << filter_log_) - 1);
  }
  size_t SecondBit(uint32_t h) const {  // other bits of the hash, mixed
    return (h * 0x9E3779B1u) >> (32 - filter_log_);
  }
  bool FilterHas(size_t bit) const {
    return (first_filter_[bit / 64] >> (bit % 64) & 1) != 0;
  }
  // Sets the filter's bits for a first token with HashToken `hash`.
  void AddToFilter(uint32_t hash);
  // Doubles the filter while it has fewer than kBitsPerFirstWord bits a
  // first word, setting the bits of every first word again.
  void GrowFilter();
  // LongestAt past the filter.
  Hit LongestFrom(const FoldedText& text, size_t first) const;
  int filter_log_ = kMinFilterLog;  // the filter has 2^filter_log_ bits
  std::vector<uint64_t> first_filter_ =
      std::vector<uint64_t>((size_t{1} << kMinFilterLog) / 64, 0);
};

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_PHRASE_DICTIONARY_H_
