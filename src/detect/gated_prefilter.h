// GatedPrefilter: the triggers split into two Prefilters, so a unit is
// scanned only for triggers whose matches could count in it.
//
// Many triggers count only with context (a bare 9-digit number needs a
// label or a nearby word such as "SIN"): matches without it are dropped in
// scoring. Context words all contain letters, so in a unit without letters
// (most table cells: numbers, dates, codes) such a trigger can only count
// when the unit's label supports its detector. The engine asks for the
// gated triggers only then, which skips the costliest part of the scan on
// digit-only cells; the findings are exactly those of one full scan.
//
// Short units (up to Prefilter::short_max()) that want the gated triggers
// are scanned instead by one Mode::kShort prefilter of all triggers: a
// call costs mostly its start-up on a nine-byte cell, so one call beats the
// two passes of each part; the matches are those of the two parts. Without
// the gated triggers the open part alone is cheaper: its end pass finds
// nothing in most digit-only cells, and needs no start-of-match tracking.
//
// Immutable after Compile(), shared by threads; one GatedScratch a thread.
#ifndef BREACHSCOPE_DETECT_GATED_PREFILTER_H_
#define BREACHSCOPE_DETECT_GATED_PREFILTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "detect/prefilter.h"

namespace breachscope {

// Short units repeat (names, places, codes, dates of a column), and the
// matches of a text depend on the text and the gated choice alone, so each
// thread remembers the matches of recent short texts: a direct-mapped
// table, one entry per slot, a newer text replacing an older one. 16384
// slots (1.9 MB a thread): over 4096, the hits on a dense CSV table rose
// from 70% to 85% of look-ups (on a labelled share from 58% to 66%), and a
// Vectorscan call costs more than the table's extra cache misses.
class ShortMatchMemo {
 public:
  static constexpr size_t kSlots = 16384;
  static constexpr size_t kMaxText = 64;     // longer texts are not kept
  static constexpr size_t kMaxMatches = 4;   // texts with more are not kept

  // True and *out the matches when `text` was kept with this `with_gated`.
  bool Find(std::string_view text, bool with_gated,
            std::vector<RawMatch>* out) const;
  void Keep(std::string_view text, bool with_gated,
            const std::vector<RawMatch>& matches);

 private:
  struct Entry {
    uint8_t size = 0;
    uint8_t count = 0;
    bool with_gated = false;
    bool used = false;
    char text[kMaxText];
    RawMatch matches[kMaxMatches];
  };
  static size_t SlotOf(std::string_view text, bool with_gated);
  std::vector<Entry> entries_ = std::vector<Entry>(kSlots);
};

struct GatedScratch {
  std::unique_ptr<PrefilterScratch> open;
  std::unique_ptr<PrefilterScratch> gated;
  std::unique_ptr<PrefilterScratch> all;  // of the short prefilter
  std::vector<RawMatch> gated_matches;
  ShortMatchMemo memo;
};

class GatedPrefilter {
 public:
  // Trigger id i is triggers[i]; gated[i] says whether it counts only with
  // context. REQUIRES: the vectors have one size and are not empty.
  static Result<std::unique_ptr<GatedPrefilter>> Compile(
      const std::vector<const Trigger*>& triggers,
      const std::vector<bool>& gated, const std::string& cache_dir = {});

  // nullptr if Vectorscan could not allocate.
  std::unique_ptr<GatedScratch> NewScratch() const;

  // Prefilter::Scan over every trigger, or over the ungated ones only when
  // `with_gated` is false; ids are trigger ids, sorted by (id, start).
  // Texts up to ShortMatchMemo::kMaxText bytes go through scratch.memo.
  // `gated_near`, when the caller knows that only words of the text (no
  // label) can give the gated triggers context, filters the gated part's
  // ends as Prefilter::Scan describes; texts within short_max() ignore it.
  void Scan(std::string_view text, bool with_gated, GatedScratch& scratch,
            std::vector<RawMatch>* out,
            const NearWords* gated_near = nullptr) const;

 private:
  GatedPrefilter() = default;
  struct Part {
    std::unique_ptr<Prefilter> prefilter;  // nullptr when it has no trigger
    std::vector<uint32_t> ids;             // its pattern id -> trigger id
  };
  static Status CompilePart(const std::vector<const Trigger*>& triggers,
                            const std::vector<bool>& gated, bool which,
                            const std::string& cache_dir, Part* part);
  static void ScanPart(const Part& part, std::string_view text,
                       PrefilterScratch& scratch, std::vector<RawMatch>* out,
                       const NearWords* near);
  void ScanUnmemoized(std::string_view text, bool with_gated,
                      GatedScratch& scratch, std::vector<RawMatch>* out,
                      const NearWords* gated_near) const;
  Part open_;
  Part gated_;
  std::unique_ptr<Prefilter> short_;  // all triggers, Mode::kShort
  size_t short_max_ = 0;              // 0: no short path
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_GATED_PREFILTER_H_
