// Small helpers shared by the medical analyzers.
#ifndef BREACHSCOPE_DETECT_MEDICAL_ANALYZER_UTIL_H_
#define BREACHSCOPE_DETECT_MEDICAL_ANALYZER_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "detect/medical/folded_text.h"
#include "detect/unit_analyzer.h"
#include "detect/unit_cache.h"

namespace breachscope::medical {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  bool empty() const { return end <= start; }
};

// `text` without leading and trailing ASCII whitespace, as a span.
Span Trimmed(std::string_view text);

// True when [start, end) is the whole value of `text` but for surrounding
// whitespace. In a labelled field such a span is the field analyzer's
// whole-value finding; proposing it again would report it twice.
bool IsWholeValue(std::string_view text, uint32_t start, uint32_t end);

// End of the frequency or route words ("BID", "daily", "prn", "po",
// "twice daily") that start at text[pos] after spaces, or pos when none.
size_t FrequencyEnd(std::string_view text, size_t pos);

// End of a dose that starts at text[pos] after spaces ("500 mg", "0.5mg",
// "5/325 mg", "2 puffs", "10 units") and any frequency after it, or pos when
// there is none.
size_t DoseEnd(std::string_view text, size_t pos);

// The positions of the bytes `a` and `b` in a text, asked for in rising
// order: the first of either at or after a position. Each byte's next
// position is found by memchr (vectorised) and kept until it is passed,
// so the text is read about twice whatever it holds. A byte-by-byte
// search for either was the condition analyzer's largest cost on logs
// (a '[' a line) and code (BracketedCodes); string_view's find_first_of
// was worse still (a memchr on its set for every byte of the text).
class NextOfEither {
 public:
  // REQUIRES: `s` outlives this object.
  NextOfEither(std::string_view s, char a, char b)
      : s_(s), a_(a), b_(b), next_a_(Find(a, 0)), next_b_(Find(b, 0)) {}

  // The first `a` or `b` in s[from, ...), or npos. REQUIRES: `from` is at
  // least the `from` of the previous call.
  size_t From(size_t from) {
    if (next_a_ < from) next_a_ = Find(a_, from);
    if (next_b_ < from) next_b_ = Find(b_, from);
    return std::min(next_a_, next_b_);
  }

 private:
  // The first `c` in s[from, ...), or npos.
  size_t Find(char c, size_t from) const;

  std::string_view s_;
  char a_, b_;
  size_t next_a_, next_b_;  // npos (the largest size_t) when none is left
};

// Per-unit work several analyzers share, taken from the engine's UnitCache
// (scratch->unit) when there is one and derived into the caller's own
// buffers otherwise (a direct call from a test).
class UnitView {
 public:
  UnitView(const TextUnit& unit, AnalyzerScratch* scratch)
      : unit_(unit), cache_(scratch != nullptr ? scratch->unit : nullptr) {}
  // The unit's text folded into word tokens.
  const FoldedText& Folded();
  // The unit's label normalised (labels.h NormalizeLabel).
  std::string_view NormalizedLabel();
  // False when the text has no letter, so no word of any vocabulary.
  bool HasLetter();
  // ask(), a function of the unit's label alone returning 0 to 32767,
  // asked once per distinct label when the engine's cache is there (the
  // cells of a column share their answer) and every time otherwise.
  template <typename Ask>
  int LabelAnswer(UnitCache::LabelQuestion question, Ask&& ask) {
    if (cache_ == nullptr) return ask();
    int16_t& answer = cache_->LabelAnswer(question);
    if (answer < 0) answer = static_cast<int16_t>(ask());
    return answer;
  }

 private:
  const TextUnit& unit_;
  UnitCache* cache_;
  FoldedText own_folded_;
  bool own_folded_ready_ = false;
  std::string own_label_;
  bool own_label_ready_ = false;
};

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_ANALYZER_UTIL_H_
