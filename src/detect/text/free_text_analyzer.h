// FreeTextAnalyzer: the part every free-text analyzer shares.
//
// Runs only on free-text units (text::IsFreeTextUnit), hands each run the
// unit's tokens (tokenised once per unit by the engine's UnitCache for all
// free-text analyzers, or here when there is no cache), and skips the
// cells of a column already classified as the analyzer's own category,
// which the field analyzers read whole.
// Subclasses implement Run(). Immutable; thread-safe like UnitAnalyzer.
#ifndef BREACHSCOPE_DETECT_TEXT_FREE_TEXT_ANALYZER_H_
#define BREACHSCOPE_DETECT_TEXT_FREE_TEXT_ANALYZER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "detect/text/text_tokens.h"
#include "detect/unit_analyzer.h"
#include "detect/unit_cache.h"

namespace breachscope {

class FreeTextAnalyzer : public UnitAnalyzer {
 public:
  // `category`: the category this analyzer finds ("name", "address").
  explicit FreeTextAnalyzer(std::string_view category) : category_(category) {}

  std::unique_ptr<AnalyzerScratch> NewScratch() const final {
    return std::make_unique<text::TokenScratch>();
  }
  void Analyze(const TextUnit& unit, std::span<const PriorFinding> prior,
               AnalyzerScratch* scratch,
               std::vector<ProposedFinding>* out) const final {
    // The engine's per-unit cache answers once for every analyzer.
    const bool free_text = scratch != nullptr && scratch->unit != nullptr
                               ? scratch->unit->FreeText()
                               : text::IsFreeTextUnit(unit);
    if (!free_text) return;
    if (scratch != nullptr && scratch->unit != nullptr) {
      Run(unit, prior, scratch->unit->Tokens().tokens, out);
      return;
    }
    text::TokenScratch local;
    auto* own = scratch != nullptr ? static_cast<text::TokenScratch*>(scratch)
                                   : &local;
    text::Tokenize(unit.text, &own->tokens);
    Run(unit, prior, own->tokens.tokens, out);
  }
  void AnalyzeCell(const TextUnit& unit, std::string_view column_category,
                   std::span<const PriorFinding> prior, AnalyzerScratch* scratch,
                   std::vector<ProposedFinding>* out) const final {
    if (column_category == category_) return;
    Analyze(unit, prior, scratch, out);
  }

 protected:
  // Finds the analyzer's spans in a free-text unit from its `tokens`
  // (text::Tokenize of unit.text).
  virtual void Run(const TextUnit& unit, std::span<const PriorFinding> prior,
                   const std::vector<text::Token>& tokens,
                   std::vector<ProposedFinding>* out) const = 0;

 private:
  std::string_view category_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_TEXT_FREE_TEXT_ANALYZER_H_
