#include "detect/medical/analyzer_util.h"

#include <array>
#include <cstring>

#include "detect/medical/labels.h"
#include "detect/unit_cache.h"

namespace breachscope::medical {

const FoldedText& UnitView::Folded() {
  if (cache_ != nullptr) return cache_->Folded();
  if (!own_folded_ready_) {
    own_folded_.Reset(unit_.text);
    own_folded_ready_ = true;
  }
  return own_folded_;
}

std::string_view UnitView::NormalizedLabel() {
  if (cache_ != nullptr) return cache_->NormalizedLabel();
  if (!own_label_ready_) {
    own_label_ = NormalizeLabel(unit_.label);
    own_label_ready_ = true;
  }
  return own_label_;
}

bool UnitView::HasLetter() {
  if (cache_ != nullptr) return cache_->HasLetter();
  for (unsigned char c : unit_.text) {
    if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80) return true;
  }
  return false;
}
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) {
  return IsDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
         static_cast<unsigned char>(c) >= 0x80;
}

size_t SkipSpaces(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos;
}

// Length of `word` at text[pos] (ASCII case-insensitive, whole word), or 0.
size_t WordAt(std::string_view text, size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return 0;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    if (c != word[i]) return 0;
  }
  size_t end = pos + word.size();
  if (end < text.size() && IsAlnum(text[end]) && IsAlnum(word.back())) return 0;
  return word.size();
}

// Longest of `words` at text[pos], or 0.
template <size_t N>
size_t LongestWordAt(std::string_view text, size_t pos,
                     const std::array<std::string_view, N>& words) {
  size_t best = 0;
  for (std::string_view w : words) best = std::max(best, WordAt(text, pos, w));
  return best;
}

constexpr std::array<std::string_view, 33> kFrequencies = {
    "once daily", "twice daily", "three times daily", "four times daily",
    "once a day", "twice a day", "daily", "bid", "b.i.d.", "tid", "t.i.d.",
    "qid", "q.i.d.", "qd", "qhs", "hs", "prn", "od", "die", "qam", "qpm",
    "weekly", "q4h", "q6h", "q8h", "q12h", "po", "iv", "im", "sc", "sl",
    "at bedtime", "as needed"};

constexpr std::array<std::string_view, 24> kDoseUnits = {
    "mg/ml", "mg", "mcg", "ug", "\xC2\xB5g", "g", "ml", "units", "unit",
    "iu", "meq", "mmol", "%", "puffs", "puff", "tablets", "tablet", "tabs",
    "tab", "capsules", "capsule", "caps", "drops", "gtt"};

}  // namespace

Span Trimmed(std::string_view text) {
  size_t start = 0, end = text.size();
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  return {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
}

size_t NextOfEither::Find(char c, size_t from) const {
  if (from >= s_.size()) return std::string_view::npos;
  const void* at = std::memchr(s_.data() + from, c, s_.size() - from);
  return at == nullptr
             ? std::string_view::npos
             : static_cast<size_t>(static_cast<const char*>(at) - s_.data());
}

bool IsWholeValue(std::string_view text, uint32_t start, uint32_t end) {
  Span whole = Trimmed(text);
  return whole.start == start && whole.end == end;
}

size_t FrequencyEnd(std::string_view text, size_t pos) {
  size_t at = SkipSpaces(text, pos);
  size_t n = LongestWordAt(text, at, kFrequencies);
  if (n == 0) return pos;
  // "po daily": a route may come before the frequency.
  size_t more = FrequencyEnd(text, at + n);
  return more;
}

size_t DoseEnd(std::string_view text, size_t pos) {
  size_t at = SkipSpaces(text, pos);
  size_t digits = at;
  while (digits < text.size() &&
         (IsDigit(text[digits]) || text[digits] == '.' || text[digits] == '/' ||
          text[digits] == ',')) {
    ++digits;
  }
  if (digits == at || !IsDigit(text[at]) || !IsDigit(text[digits - 1])) {
    return FrequencyEnd(text, pos);
  }
  size_t unit_at = SkipSpaces(text, digits);
  size_t n = LongestWordAt(text, unit_at, kDoseUnits);
  if (n == 0) return FrequencyEnd(text, pos);
  return FrequencyEnd(text, unit_at + n);
}

}  // namespace breachscope::medical
