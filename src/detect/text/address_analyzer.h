// AddressTextAnalyzer: postal addresses in free text.
//
// Runs on kText units and on any unit of at least 4 words (a labelled
// address column is the field analyzers' job). Finds a street line — civic
// number (with an optional unit: "Apt 4, ", "4-123", "#4"), street name and
// street type in English order ("123 Main St N") or French/type-first order
// ("123, rue Principale", "456 chemin du Lac", "12 rang 5", "5 Range Road
// 2034") — or a rural line (RR 2, PO Box 123, C.P. 45, Site 5 Comp 12), then
// optionally the unit, city, province or state and postal code or ZIP on the
// same or the next line. A Canadian postal code whose first letter does not
// fit the province is left out of the address (and lowers its confidence).
// The normalised value is one line: "123 Main St, Apt 4, Regina, SK S4P 3Y2".
#ifndef BREACHSCOPE_DETECT_TEXT_ADDRESS_ANALYZER_H_
#define BREACHSCOPE_DETECT_TEXT_ADDRESS_ANALYZER_H_

#include "detect/text/free_text_analyzer.h"

namespace breachscope {

class AddressTextAnalyzer final : public FreeTextAnalyzer {
 public:
  // Loads the dictionaries (once per process).
  AddressTextAnalyzer();
  std::vector<DetectorInfo> Describe() const override;

 protected:
  void Run(const TextUnit& unit, std::span<const PriorFinding> prior,
           const std::vector<text::Token>& tokens,
           std::vector<ProposedFinding>* out) const override;
};

// The shared instance, for the analyzer registry.
const UnitAnalyzer& AddressTextAnalyzerInstance();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_TEXT_ADDRESS_ANALYZER_H_
