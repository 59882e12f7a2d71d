// ContextWords: where context and counter words may stand in a unit, found
// by one Vectorscan pass instead of a word search per candidate.
//
// The engine looks for context words in the 40 bytes before each candidate
// (NearbyWindow + FindLastWord for every word of the detector's sets, and
// again for counter words). In long free text with many candidates that no
// word supports (timestamps in a log, numbers in code) that search was the
// largest part of detection. This database holds every context and counter
// word as a raw-text pattern, caseless, with any run of separators for the
// normalised '_' and both cases of Latin-1 accented letters, and without the
// whole-word boundaries: it matches wherever the normalised search could
// succeed, and more. So when no match ends in a candidate's window, the
// word search cannot find anything there and is skipped; when one does,
// the exact search runs as before. Findings never change.
//
// The same pass tells whether any word of a detector whose triggers count
// only with context appears anywhere in the unit: if none does (and the
// label matches none), those triggers need not be scanned at all.
//
// Immutable after Compile(), shared by threads; one ContextWordsScratch a
// thread.
#ifndef BREACHSCOPE_DETECT_CONTEXT_WORDS_H_
#define BREACHSCOPE_DETECT_CONTEXT_WORDS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

struct hs_database;
struct hs_scratch;

namespace breachscope {

// One unit's word matches: the ends of every possible word occurrence, in
// increasing order, and whether a word marked `gating` occurred.
struct ContextWordHits {
  std::vector<uint32_t> ends;
  bool gating = false;

  // True when some word occurrence may lie in the window of NearbyWindow
  // before `pos` (it ends in [pos - window, pos]).
  bool AnyBefore(uint32_t pos, uint32_t window) const;
};

class ContextWordsScratch {
 public:
  ~ContextWordsScratch();

 private:
  friend class ContextWords;
  hs_scratch* scratch_ = nullptr;
};

class ContextWords {
 public:
  struct Word {
    std::string_view text;  // as the detector declares it
    bool gating;            // a word of a detector with context-only triggers
  };

  // Compiles `words`. Words whose normalised form cannot be expressed
  // safely (empty, or starting or ending with a separator) make the whole
  // filter unusable: Compile then returns nullptr and the engine searches
  // every window as before.
  static Result<std::unique_ptr<ContextWords>> Compile(
      const std::vector<Word>& words, const std::string& cache_dir);
  ~ContextWords();
  ContextWords(const ContextWords&) = delete;
  ContextWords& operator=(const ContextWords&) = delete;

  // nullptr if Vectorscan could not allocate.
  std::unique_ptr<ContextWordsScratch> NewScratch() const;

  // Replaces *hits with the word occurrences of `text` (up to 4 GiB).
  void Scan(std::string_view text, ContextWordsScratch& scratch,
            ContextWordHits* hits) const;

  // The raw-text expression of a normalised word (exposed for tests).
  static std::string Expression(std::string_view normalized);

 private:
  ContextWords() = default;
  hs_database* database_ = nullptr;
  std::vector<bool> gating_;  // by pattern id
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_CONTEXT_WORDS_H_
