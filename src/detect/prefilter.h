// Prefilter: every trigger of every detector compiled into one Vectorscan
// block-mode database, with start-of-match (SOM_LEFTMOST) so each match has
// its leftmost start.
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

// Per-thread Vectorscan scratch space.
class PrefilterScratch {
 public:
  ~PrefilterScratch();
  hs_scratch* get() const { return scratch_; }

 private:
  friend class Prefilter;
  hs_scratch* scratch_ = nullptr;
};

class Prefilter {
 public:
  // Compiles the triggers; pattern id i is triggers[i]. Internal error when a
  // pattern does not compile (a bug in a detector spec).
  static Result<std::unique_ptr<Prefilter>> Compile(
      std::vector<const Trigger*> triggers);
  ~Prefilter();
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;

  // nullptr if Vectorscan could not allocate.
  std::unique_ptr<PrefilterScratch> NewScratch() const;

  // Shortest text any trigger can match; shorter texts need no scan.
  size_t min_length() const { return min_length_; }

  // Replaces *out with the boundary-clean matches of `text`, sorted by
  // (id, start, end). Texts over 4 GiB are scanned up to 4 GiB.
  void Scan(std::string_view text, PrefilterScratch& scratch,
            std::vector<RawMatch>* out) const;

 private:
  Prefilter() = default;
  Status Build();

  std::vector<const Trigger*> triggers_;
  hs_database* database_ = nullptr;
  size_t min_length_ = 0;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_PREFILTER_H_
