// ContextIndex: the context words of every registered detector, normalised
// once, and the per-thread LabelCache that remembers which context sets each
// label matches (labels repeat on every row, so each is normalised once).
//
// ContextIndex is immutable after construction and shared by threads; a
// LabelCache belongs to one thread's scratch.
#ifndef BREACHSCOPE_DETECT_CONTEXT_INDEX_H_
#define BREACHSCOPE_DETECT_CONTEXT_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/text_unit.h"
#include "detect/detector_spec.h"
#include "detect/scoring.h"

namespace breachscope {

// For each context set of the engine (flattened over detectors), the context
// word or HL7 field a label matched; empty when none. Views point into specs.
using LabelMatches = std::vector<std::string_view>;

class ContextIndex {
 public:
  // `specs` must outlive the index.
  explicit ContextIndex(std::span<const DetectorSpec* const> specs);

  // What `label` (raw, as in the unit) matches, one entry per set.
  LabelMatches MatchLabel(std::string_view label, UnitKind kind) const;

  // Fills `out` with one SetEvidence per context set of detector `detector`
  // from the label's matches and a framed window from NearbyWindow().
  void Evidence(size_t detector, const LabelMatches& label,
                std::string_view window, std::vector<SetEvidence>* out) const;

  // True when detector `detector` declares any context set.
  bool HasContext(size_t detector) const {
    return first_set_[detector + 1] > first_set_[detector];
  }

 private:
  struct Word {
    std::string normalized;  // "social_insurance"
    std::string_view shown;  // "social insurance", for explanations
  };
  struct Set {
    std::vector<Word> words;
    std::vector<std::string_view> fields;  // HL7 "PID-7"
  };

  std::vector<Set> sets_;
  std::vector<size_t> first_set_;  // per detector, plus one end marker
};

// Memo slots of per-label caches (LabelCache, the field analyzer's): a
// table cell's column has its own slot, as its label repeats row after row;
// a unit without a column (HL7, JSON and XML fields) takes one of
// kLabelHashSlots chosen by its label, so its memo is a hash and one
// compare instead of a walk down a map of long, alike paths. A slot only
// remembers: its owner checks the label before using its answer.
inline constexpr int32_t kColumnSlots = 1024;
inline constexpr size_t kLabelHashSlots = 256;  // a power of two
inline constexpr size_t kLabelMemoSlots = kColumnSlots + kLabelHashSlots;
inline size_t LabelMemoSlot(std::string_view label, int32_t column) {
  if (column >= 0 && column < kColumnSlots) return column;
  uint32_t hash = 2166136261u;  // FNV-1a
  for (char c : label) hash = (hash ^ static_cast<uint8_t>(c)) * 16777619u;
  return kColumnSlots + (hash & (kLabelHashSlots - 1));
}

// Per-thread memo of ContextIndex::MatchLabel, keyed by kind and label.
class LabelCache {
 public:
  // `column` (the unit's table column, or -1) only speeds the look-up up:
  // the memo slot (LabelMemoSlot) of the label is checked before the map.
  const LabelMatches& Get(const ContextIndex& index, std::string_view label,
                          UnitKind kind, int32_t column = -1);

 private:
  static constexpr size_t kMaxEntries = 4096;  // bounds memory on odd inputs
  struct Memo {
    UnitKind kind = UnitKind::kText;
    std::string label;
    const LabelMatches* matches = nullptr;  // a node of entries_
  };
  std::map<std::string, LabelMatches, std::less<>> entries_;
  std::vector<Memo> memos_;  // by LabelMemoSlot; cleared with entries_
  std::string key_;  // reused lookup key; the last one looked up
  // The entry of key_: every candidate of a unit asks for the same label,
  // so the last answer is checked before the map.
  const LabelMatches* last_ = nullptr;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_CONTEXT_INDEX_H_
