// Table-driven cases for the free-text service location analyzer.
#include "detect/text/location_analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace breachscope {
namespace {

struct Case {
  const char* text;
  const char* normalized;  // expected location, or "" for none
};

std::vector<ProposedFinding> Analyze(std::string_view text) {
  TextUnit unit;
  unit.text = text;
  std::vector<ProposedFinding> out;
  LocationTextAnalyzerInstance().Analyze(unit, {}, nullptr, &out);
  return out;
}

TEST(LocationTextAnalyzerTest, Table) {
  const Case cases[] = {
      {"Patient was seen at Regina Wellness Clinic today.",
       "Regina Wellness Clinic"},
      {"Specimen collected at Prairie Lab Services on intake.",
       "Prairie Lab Services"},
      {"WASCANA FAMILY CLINIC\n2160 Broad St, Regina SK", "WASCANA FAMILY CLINIC"},
      {"Wascana Family Clinic - East\nTel 306", "Wascana Family Clinic - East"},
      {"Clinique médicale Wascana\n2160 Broad St", "Clinique médicale Wascana"},
      {"Elle a été vue à l'Hôpital Saint-Paul hier.", ""},
      {"Transférée à Hôpital Saint-Paul pour suivi.", "Hôpital Saint-Paul"},
      {"Referred to Riverside Medical Centre for imaging.",
       "Riverside Medical Centre"},
      // No place word and not a line of its own.
      {"The Regina Wellness Clinic newsletter is attached.", ""},
      // A facility word alone is no name.
      {"Seen at the clinic yesterday.", ""},
      {"She works at Clinic.", ""},
  };
  for (const Case& c : cases) {
    std::vector<ProposedFinding> found = Analyze(c.text);
    if (std::string(c.normalized).empty()) {
      EXPECT_TRUE(found.empty()) << c.text << " -> " << found[0].normalized;
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(found[0].normalized, c.normalized) << c.text;
    EXPECT_EQ(found[0].category, "service_location");
  }
}

}  // namespace
}  // namespace breachscope
