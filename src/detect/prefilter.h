// Prefilter: every trigger of every detector compiled into Vectorscan
// block-mode databases, reporting each match with its leftmost start.
//
// Start-of-match tracking (SOM_LEFTMOST) slows Vectorscan down by one to two
// orders of magnitude on digit-rich text, so a unit is scanned twice: first
// by one database of all triggers without SOM that only finds match ends,
// then by each matched trigger's own SOM database over just the regions that
// can hold its matches (its maximum width back from each end). Results
// equal a full SOM scan.
//
// Most triggers need no start-of-match scan at all: triggers with the same
// expression share one pattern; a fixed-width pattern starts its width
// before its end; a pattern anchored at the text's start starts at 0; and
// every other bounded pattern without assertions is found by one shared SOM
// database over the union of the regions of its ends (exact, because the
// region of each end reaches back the pattern's full width). Only the
// patterns cut by max_length keep their own SOM database and regions, where
// results depend on where regions begin.
//
// Short units (table cells average nine bytes) are different: there the
// cost of a scan is its fixed start-up, paid once per pass. A Prefilter
// compiled with Mode::kShort holds one SOM database of the patterns and
// scans a unit no longer than short_max() (kSmallUnitBytes) in one pass:
// every region of such a unit starts at its first byte (it is no longer
// than those patterns' widths) and ends at a match end the full scan also
// reports, so the results are the same. Own-database patterns narrower
// than that keep their two passes, over a database of just them.
//
// Vectorscan reports one match per end position; Scan() keeps only matches
// with clean boundaries (no letter or digit right before or after, plus the
// trigger's own boundary rules), so the engine sees few candidates.
//
// Immutable after Compile(), shared by threads; each thread scans with its
// own PrefilterScratch.
#ifndef BREACHSCOPE_DETECT_PREFILTER_H_
#define BREACHSCOPE_DETECT_PREFILTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "detect/detector_spec.h"

struct hs_database;
struct hs_scratch;

namespace breachscope {

// A trigger match: pattern id (index into the triggers given to Compile)
// and byte range [start, end) in the scanned text.
struct RawMatch {
  uint32_t id;
  uint32_t start;
  uint32_t end;
};

// Where the words that could give a scan's triggers context end (sorted,
// ascending), for Prefilter::Scan's filter: a trigger that counts only with
// a word at most `window` bytes before its start has no use for a match
// whose start no word end precedes so closely, and Scan need not locate it.
struct NearWords {
  std::span<const uint32_t> ends;
  uint32_t window = 0;
};

// Per-thread Vectorscan scratch space.
// True when the expression may contain an anchor or assertion (`^`, `$`,
// a lookaround, `\b`, `\A`, ...), whose meaning at a region's edge differs
// from the text's; conservative (a '^' negating a class also counts).
bool MayAssert(std::string_view pattern);

class PrefilterScratch {
 public:
  ~PrefilterScratch();

 private:
  friend class Prefilter;
  struct Region {
    uint32_t id;  // pattern
    uint32_t begin;
    uint32_t end;
  };
  hs_scratch* scratch_ = nullptr;  // fits every database
  std::vector<RawMatch> ends;      // first pass, by pattern: start unknown
  std::vector<Region> stretches;   // Mode::kNear: text near the words
  std::vector<Region> regions;
  std::vector<Region> shared;      // union regions of the shared database
};

// Longest unit the one-pass SOM scan is used for: SOM costs grow with
// length on digit-rich text, start-up does not.
inline constexpr size_t kSmallUnitBytes = 64;

class Prefilter {
 public:
  // Compiles the triggers; pattern id i is triggers[i]. Internal error when a
  // pattern does not compile (a bug in a detector spec). Compiled databases
  // are kept in `cache_dir` between runs (prefilter_cache.h); empty: none.
  enum class Mode : uint8_t {
    kFull,   // the two passes, for any text
    kShort,  // one SOM pass, for texts up to short_max() only
    kNear,   // kFull, and a first pass near the words of a NearWords only
  };
  static Result<std::unique_ptr<Prefilter>> Compile(
      std::vector<const Trigger*> triggers, const std::string& cache_dir = {},
      Mode mode = Mode::kFull);
  ~Prefilter();
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;

  // nullptr if Vectorscan could not allocate.
  std::unique_ptr<PrefilterScratch> NewScratch() const;

  // Shortest text any trigger can match; shorter texts need no scan.
  size_t min_length() const { return min_length_; }

  // Mode::kShort: the longest text Scan() accepts; 0 when the database
  // could not be built (then no text is accepted).
  size_t short_max() const { return small_max_; }

  // Replaces *out with the boundary-clean matches of `text`, keeping per
  // (id, start) the longest, sorted by (id, start). Texts over 4 GiB are
  // scanned up to 4 GiB. REQUIRES for Mode::kShort: text.size() <=
  // short_max().
  //
  // With `near` (Mode::kFull), a match end whose every possible start (the
  // pattern's width back from it) has no word end of `near` in the window
  // before it is dropped from the first pass, so no region is scanned for
  // it: in a log of timestamps and request ids that are never near a
  // context word, that was most of the start-of-match work. Patterns with
  // their own database keep every end (their starts depend on where merged
  // regions begin). Every match that has a word end in the window before
  // its start is found as without `near`, with the same start and end;
  // other matches may be missing or start later.
  //
  // Mode::kNear goes further when the words are few: such a match lies
  // within the window and a pattern's width after a word end, so the first
  // pass of the patterns without assertions or anchors (found the same in
  // any stretch of text that holds them) reads only those stretches; the
  // others still read the whole text. Regions and starts are then worked
  // out on the whole text as before.
  //
  // In Mode::kNear, `near` also says that no label gives the triggers
  // context, so a trigger that counts only with a label
  // (TriggerNeeds::kLabel) cannot count: patterns all of whose triggers are
  // such are left out of the first pass (a name-shaped signature_field
  // read every capitalised pair of words of a log or of source code), and
  // their matches are missing unless another pattern's region holds them.
  void Scan(std::string_view text, PrefilterScratch& scratch,
            std::vector<RawMatch>* out,
            const NearWords* near = nullptr) const;

 private:
  Prefilter() = default;
  // How a pattern's match start is found from its end.
  enum class StartBy : uint8_t {
    kWidth,   // fixed width: end - width
    kZero,    // anchored at the text's start: 0
    kShared,  // the shared SOM database over union regions
    kOwn,     // its own SOM database over its own regions (max_length)
  };
  // One distinct expression, with the trigger options that shape its ends
  // and regions; members_ lists the triggers that use it.
  struct Pattern {
    uint32_t width = 0;  // maximum (or max_length)
    StartBy start_by = StartBy::kOwn;
    hs_database* own = nullptr;  // kOwn only
  };

  Status Build(Mode mode);
  Status BuildSmall(const std::vector<const char*>& expressions,
                    const std::vector<unsigned int>& flags,
                    const std::vector<unsigned int>& ids);
  Status Classify(const Trigger& t, Pattern* pattern);
  void FindRegions(std::string_view text, PrefilterScratch& scratch,
                   std::vector<RawMatch>* out) const;
  Status BuildNear(const std::vector<const char*>& expressions,
                   const std::vector<unsigned int>& flags,
                   const std::vector<unsigned int>& ids);
  // The first pass near `near`'s words (Mode::kNear); false, having done
  // nothing, when those stretches cover too much of the text to pay.
  bool FindEndsNear(std::string_view text, const NearWords& near,
                    PrefilterScratch& scratch) const;
  // True when every trigger of the pattern counts only with a label.
  bool LabelOnly(size_t pattern) const;
  // The expression of a pattern's first pass (ends only): for kWidth and
  // kShared patterns, the pattern behind a clean start.
  static std::string EndExpression(std::string_view pattern, StartBy by);

  std::vector<const Trigger*> triggers_;
  std::string cache_dir_;
  std::vector<Pattern> patterns_;
  std::vector<std::vector<uint32_t>> members_;  // per pattern: trigger ids
  hs_database* end_database_ = nullptr;    // no SOM: finds match ends
  hs_database* shared_database_ = nullptr;  // SOM_LEFTMOST, kShared ones
  hs_database* small_database_ = nullptr;   // SOM_LEFTMOST, every pattern
  // Mode::kNear, no SOM: the kWidth and kShared patterns (read near words)
  // and the others (read everywhere; nullptr when there are none).
  hs_database* near_database_ = nullptr;
  hs_database* rest_database_ = nullptr;
  // Mode::kNear: every pattern but the label-only ones (LabelOnly), when
  // there are such; nullptr otherwise.
  hs_database* unlabelled_database_ = nullptr;
  // Mode::kNear, the first pass over the whole text with NearWords:
  // end_database_ or unlabelled_database_ (nullptr: no pattern to look for).
  hs_database* whole_near_ = nullptr;
  bool near_mode_ = false;
  uint32_t near_width_ = 0;  // widest pattern of near_database_
  std::vector<uint32_t> near_widths_;  // per pattern, for NearWords
  size_t small_max_ = 0;  // units up to this long use small_database_
  size_t min_length_ = 0;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_PREFILTER_H_
