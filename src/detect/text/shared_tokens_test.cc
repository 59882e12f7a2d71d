// The free-text analyzers find the same spans whether they tokenise a unit
// themselves (called directly) or read the tokens the engine's UnitCache
// made once for all of them, and the cache tokenises anew for each unit.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "detect/text/address_analyzer.h"
#include "detect/text/location_analyzer.h"
#include "detect/text/name_analyzer.h"
#include "detect/unit_cache.h"

namespace breachscope {
namespace {

std::string Describe(const std::vector<ProposedFinding>& found) {
  std::string out;
  for (const ProposedFinding& f : found) {
    out += std::to_string(f.start) + "-" + std::to_string(f.end) + " " +
           std::string(f.category) + " " + f.normalized + " " +
           std::to_string(f.confidence) + " " + f.explanation + "\n";
  }
  return out;
}

TEST(SharedTokensTest, CacheGivesTheSameFindings) {
  const std::vector<std::string> texts = {
      "Patient: John Smith was seen at Regina Wellness Clinic today.",
      "Mme Côté-Tremblay\n123 rue Principale\nRegina SK  S4P 3Y2",
      "SMITH, John called from 4-123 Main St, Saskatoon SK S7K 1A1.",
      "Transférée à Hôpital Saint-Paul pour suivi par Dr. Anna Lee, MD.",
      "no names here at all, just words and 42 numbers",
  };
  const UnitAnalyzer* analyzers[] = {&NameTextAnalyzerInstance(),
                                     &AddressTextAnalyzerInstance(),
                                     &LocationTextAnalyzerInstance()};
  UnitCache cache;
  std::vector<std::unique_ptr<AnalyzerScratch>> scratches;
  for (const UnitAnalyzer* a : analyzers) {
    scratches.push_back(a->NewScratch());
    scratches.back()->unit = &cache;
  }
  int found = 0;
  for (const std::string& text : texts) {
    TextUnit unit;
    unit.text = text;
    cache.Reset(unit);
    for (size_t i = 0; i < std::size(analyzers); ++i) {
      std::vector<ProposedFinding> direct, shared;
      analyzers[i]->Analyze(unit, {}, nullptr, &direct);
      analyzers[i]->Analyze(unit, {}, scratches[i].get(), &shared);
      EXPECT_EQ(Describe(shared), Describe(direct)) << text;
      found += static_cast<int>(direct.size());
    }
    EXPECT_EQ(cache.Tokens().tokens.empty(), text.empty());
  }
  EXPECT_GE(found, 6);  // the comparison compared something
}

}  // namespace
}  // namespace breachscope
