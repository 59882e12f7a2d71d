// Word lists of the free-text name and address analyzers, loaded once from
// the embedded data/names and data/address files.
//
// Every key is folded (FoldLower: lower case, Latin-1 accents removed) and
// multi-word keys join their words with one space, so analyzers look up a
// token's `folded` form, or the folded forms of a few tokens joined, without
// allocating per token beyond that.
#ifndef BREACHSCOPE_DETECT_TEXT_LEXICON_H_
#define BREACHSCOPE_DETECT_TEXT_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace breachscope::text {

// A set of folded words: an open-addressing table of indexes into one
// buffer holding the words back to back. The name analyzer asks several
// sets (given names, surnames, common words, titles) about every
// capitalised word of a text, and in logs and source code nearly every
// answer is no. A std::unordered_set hashed each word with a long hash,
// divided by a prime and walked a bucket of nodes spread over memory; here
// a short word costs one cheap hash and, for most words not in the set,
// one slot read. Loading the 260,000 names was a quarter of a scan of a
// 14 MB folder of binaries when each was a node of its own (allocations
// and page faults); here they fill a few flat arrays.
// A blocked Bloom filter asked before the table (10 bits a word, one
// 64-byte block a word, exact answers) was measured and left out: the
// name analyzer alone was no faster on source code and 10-15% slower on
// logs, because texts repeat few distinct capitalised words and their
// slots stay in cache, so the filter's work came on top of a cheap read.
// insert() the words, then Seal() before asking (LoadSet does both).
class WordSet {
 public:
  void reserve(size_t n) {
    starts_.reserve(n + 1);
    chars_.reserve(n * 8);
  }
  void insert(std::string_view key) {
    if (starts_.empty()) starts_.push_back(0);
    chars_.append(key);
    starts_.push_back(static_cast<uint32_t>(chars_.size()));
  }
  // Distinct words, once sealed.
  size_t size() const { return distinct_; }
  // Words inserted, repeats included, and the i-th of them (tests check
  // every listed word against the table with these).
  size_t inserted() const { return starts_.empty() ? 0 : starts_.size() - 1; }
  std::string_view WordAt(size_t i) const { return Word(i); }
  // Builds the table from the words inserted so far.
  void Seal();
  // REQUIRES: sealed since the last insert().
  bool contains(std::string_view key) const { return IndexOf(key) != kNone; }
  // The order in which `key` was first inserted (0 for the first word), or
  // kNone. REQUIRES: sealed since the last insert().
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t IndexOf(std::string_view key) const {
    if (slots_.empty()) return kNone;
    const uint64_t h = Hash(key);
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.index == 0) return kNone;
      if (slot.tag == tag && Word(slot.index - 1) == key) {
        return slot.index - 1;
      }
    }
  }

 private:
  struct Slot {
    uint32_t tag = 0;    // high half of the word's hash
    uint32_t index = 0;  // 1 + the word's place in insertion order; 0: empty
  };
  // FNV-1a and a final mix (the low bits pick the slot): cheap on words of
  // a few bytes, which all of them are.
  static uint64_t Hash(std::string_view key) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  }
  std::string_view Word(size_t i) const {
    return std::string_view(chars_.data() + starts_[i],
                            starts_[i + 1] - starts_[i]);
  }
  std::string chars_;              // every word, back to back
  std::vector<uint32_t> starts_;   // word i is chars_[starts_[i], starts_[i + 1])
  std::vector<Slot> slots_;        // a power of two, at most two thirds full
  size_t mask_ = 0;
  size_t distinct_ = 0;
};

// Folded words and what each stands for ("ave" -> "avenue"), on a WordSet:
// the first value given a key stays, as with std::unordered_map::emplace.
// emplace() the pairs, then Seal() before asking.
class WordMap {
 public:
  void emplace(std::string_view key, std::string value) {
    keys_.insert(key);
    values_.push_back(std::move(value));
  }
  void Seal() { keys_.Seal(); }
  // The value of `key`, or an empty view.
  std::string_view Find(std::string_view key) const {
    const size_t i = keys_.IndexOf(key);
    return i == WordSet::kNone ? std::string_view() : values_[i];
  }

 private:
  WordSet keys_;
  std::vector<std::string> values_;  // in the order of keys_' insertion
};

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
    return set.contains(key);
  }
  // Value for `key`, or an empty view.
  static std::string_view Find(const WordMap& map, std::string_view key) {
    return map.Find(key);
  }
};

// The lexicon, built on first use (thread-safe) and never destroyed.
const Lexicon& GetLexicon();

}  // namespace breachscope::text

#endif  // BREACHSCOPE_DETECT_TEXT_LEXICON_H_
