#include "store/finding_string_refs.h"

#include <cstring>

#include "store/string_id_cache.h"

namespace breachscope {
namespace {

// Build's look-up table, per thread so that it is allocated once per
// worker rather than carried to the writer with every run.
struct Interner {
  std::vector<uint64_t> hashes;         // of ref r at [r]
  std::vector<std::string_view> texts;  // of ref r at [r], during Build
  std::vector<uint32_t> table;          // open addressing: ref, 0 = empty

  void Reset() {
    hashes.assign(1, 0);
    texts.assign(1, std::string_view());
    table.assign(256, 0);
  }

  // The ref of `text` (not empty), a new one (texts.size()) when unseen.
  uint32_t RefOf(std::string_view text) {
    const uint64_t hash = sqlite::StringIdCache::Hash(text);
    size_t mask = table.size() - 1;
    size_t i = hash & mask;
    for (; table[i] != 0; i = (i + 1) & mask) {
      const uint32_t ref = table[i];
      if (hashes[ref] == hash && texts[ref] == text) return ref;
    }
    const auto ref = static_cast<uint32_t>(texts.size());
    hashes.push_back(hash);
    texts.push_back(text);
    table[i] = ref;
    if (2 * texts.size() > table.size()) Grow();
    return ref;
  }

  void Grow() {
    table.assign(table.size() * 2, 0);
    const size_t mask = table.size() - 1;
    for (uint32_t ref = 1; ref < texts.size(); ++ref) {
      size_t i = hashes[ref] & mask;
      while (table[i] != 0) i = (i + 1) & mask;
      table[i] = ref;
    }
  }
};

thread_local Interner tls_interner;

}  // namespace

std::array<std::string_view, FindingStringRefs::kSlots>
FindingStringRefs::SlotsOf(const Finding& f) {
  return {f.category,       f.detector,      f.explanation,
          f.location.label, f.location.path, f.location.table};
}

void FindingStringRefs::Build(const std::vector<Finding>& findings) {
  Interner& interner = tls_interner;
  interner.Reset();
  firsts_.clear();
  refs_.assign(findings.size() * kSlots, 0);
  // Runs of findings repeat a slot's text (one detector, one field, one
  // table), so the previous finding's text is tried before a hash.
  std::array<uint32_t, kSlots> previous{};
  for (size_t i = 0; i < findings.size(); ++i) {
    const std::array<std::string_view, kSlots> slots = SlotsOf(findings[i]);
    for (int s = 0; s < kSlots; ++s) {
      const std::string_view text = slots[s];
      uint32_t ref = 0;
      if (text.empty()) {
        ref = 0;
      } else if (previous[s] != 0 && interner.texts[previous[s]] == text) {
        ref = previous[s];
      } else {
        ref = interner.RefOf(text);
        if (ref > firsts_.size()) {
          firsts_.push_back(First{static_cast<uint32_t>(i),
                                  static_cast<uint32_t>(s)});
        }
      }
      refs_[i * kSlots + s] = ref;
      previous[s] = ref;
    }
  }
  interner.texts.clear();  // views into `findings`: not kept past Build
}

std::string_view FindingStringRefs::Text(const std::vector<Finding>& findings,
                                         uint32_t ref) const {
  const First& first = firsts_[ref - 1];
  return SlotsOf(findings[first.finding])[first.slot];
}

}  // namespace breachscope
