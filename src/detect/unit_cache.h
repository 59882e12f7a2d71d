// UnitCache: what several analyzers derive from the same unit, derived once.
//
// The condition, medication and lab analyzers each look words up in the
// unit's folded text, the name, address and location analyzers each read
// the unit's word tokens, and every medical analyzer checks the normalised
// label. With about nine bytes a table cell, that repeated per-unit work
// cost more than the look-ups themselves, so the engine keeps one UnitCache
// per thread (in its Scratch), resets it for each unit and hands it to the
// analyzers through AnalyzerScratch::unit.
//
// Values are computed lazily on first use and stay valid until the next
// Reset(). Normalised labels, and the analyzers' answers about a label, are
// also remembered across units (a table has few labels and many cells), in
// a table bounded at kMaxLabels entries.
// Not thread-safe: one per thread, like every scratch.
#ifndef BREACHSCOPE_DETECT_UNIT_CACHE_H_
#define BREACHSCOPE_DETECT_UNIT_CACHE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <functional>
#include <unordered_map>
#include <vector>

#include "common/text_unit.h"
#include "detect/medical/folded_text.h"
#include "detect/text/text_tokens.h"

namespace breachscope {

class UnitCache {
 public:
  // What an analyzer asks about a unit's label and answers from the label
  // alone (a diagnosis column, a notes field): one answer slot each.
  enum LabelQuestion : uint8_t {
    kConditionLabel,
    kMedicationLabel,
    kLabResultLabel,
    kNotesLabel,
    kLabelQuestions
  };

  // Starts a new unit. REQUIRES: `unit` outlives the use of this cache
  // until the next Reset().
  void Reset(const TextUnit& unit);

  // The unit text folded into word tokens (medical/folded_text.h).
  const medical::FoldedText& Folded();

  // The unit text as word tokens with their folded forms, for the free-text
  // analyzers (text/text_tokens.h). Its folding differs from Folded()'s
  // (that one splits at hyphens and apostrophes and folds "ß" to "s"), so
  // the two are kept apart.
  const text::TokenizedText& Tokens();

  // The unit label normalised as context.h Normalize does.
  std::string_view NormalizedLabel();

  // The answer slot of `question` for the unit's label: -1 until an
  // analyzer stores its answer (any value from 0 to 32767), which then
  // serves every later unit with the same label.
  int16_t& LabelAnswer(LabelQuestion question);

  // False when the text has no letter (ASCII or any non-ASCII byte): dates,
  // numbers and codes of digits only, which no vocabulary can name.
  bool HasLetter();

  // text::IsFreeTextUnit(unit): asked by every free-text analyzer.
  bool FreeText();

 private:
  static constexpr size_t kMaxLabels = 1024;
  struct LabelEntry {
    std::string normalized;
    std::array<int16_t, kLabelQuestions> answers;
  };
  // The entry of the unit's label, looked up once per unit: first in the
  // label's memo slot (context_index.h LabelMemoSlot: by table column, so
  // a row's cells skip the hash map), then in labels_.
  LabelEntry& Label();
  struct Memo {
    std::string label;
    LabelEntry* entry = nullptr;  // a node of labels_
  };
  std::string_view text_;
  std::string_view label_;
  medical::FoldedText folded_;
  bool folded_ready_ = false;
  text::TokenizedText tokens_;
  bool tokens_ready_ = false;
  int has_letter_ = -1;  // unknown until asked
  int free_text_ = -1;   // unknown until asked
  const TextUnit* unit_ = nullptr;
  LabelEntry* label_entry_ = nullptr;  // of the current unit, once asked
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  std::unordered_map<std::string, LabelEntry, Hash, std::equal_to<>>
      labels_;
  std::vector<Memo> memos_;  // by LabelMemoSlot; cleared with labels_
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_UNIT_CACHE_H_
