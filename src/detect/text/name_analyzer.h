// NameTextAnalyzer: persons' names in free text (notes, letters, e-mail
// bodies, long cells).
//
// Runs on kText units and on any unit of at least 4 words; labelled name
// fields (a `last_name` column, PID-5) belong to the field analyzers.
// Candidates are runs of 1-4 capitalised words on one line, with particles
// (de, van, da...), initials ("J."), hyphens, apostrophes and accents, in
// Title Case or all capitals, and "SMITH, John" after a label. Each is
// scored from dictionaries (given name + surname is strong, one word alone
// weak), titles, nearby words and credentials (name_context.h), with
// penalties for common words, sentence starts, places and facility words.
// Role: staff (Dr., ", RN", "ordering physician:"), related ("her mother,"),
// patient ("Patient:", "Dear", DOB after) or unknown. The normalised value is
// "Given Surname" in Title Case without the title.
#ifndef BREACHSCOPE_DETECT_TEXT_NAME_ANALYZER_H_
#define BREACHSCOPE_DETECT_TEXT_NAME_ANALYZER_H_

#include "detect/text/free_text_analyzer.h"

namespace breachscope {

class NameTextAnalyzer final : public FreeTextAnalyzer {
 public:
  // Loads the dictionaries (once per process).
  NameTextAnalyzer();
  std::vector<DetectorInfo> Describe() const override;

 protected:
  void Run(const TextUnit& unit, std::span<const PriorFinding> prior,
           const std::vector<text::Token>& tokens,
           std::vector<ProposedFinding>* out) const override;
};

// The shared instance, for the analyzer registry.
const UnitAnalyzer& NameTextAnalyzerInstance();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_TEXT_NAME_ANALYZER_H_
