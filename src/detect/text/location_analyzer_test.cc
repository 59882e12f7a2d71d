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
      {"WASCANA FAMILY CLINIC\nTel 306", "WASCANA FAMILY CLINIC"},
      {"Wascana Family Clinic - East\nTel 306", "Wascana Family Clinic - East"},
      {"Clinique médicale Wascana\nTel 306", "Clinique médicale Wascana"},
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

// Only a capitalised facility word turns a name: each one, as a heading
// and after a place word, and not in lower case or as a word that merely
// shares its first letter.
TEST(LocationTextAnalyzerTest, OnlyFacilityWordsTurnAName) {
  for (const char* word : {"Clinic", "Centre", "Center", "Hospital", "Laboratory",
                           "Laboratories", "Lab", "Labs", "Pharmacy", "Infirmary"}) {
    const std::string heading = std::string("Regina ") + word + "\nTel 306";
    ASSERT_EQ(Analyze(heading).size(), 1u) << word;
    EXPECT_EQ(Analyze("Seen at Regina " + std::string(word) + " today.").size(), 1u)
        << word;
  }
  // ("Centre" first ends an English name, so it starts none.)
  for (const char* word : {"Clinique", "Hopital", "Laboratoire", "Pharmacie",
                           "CLSC", "CHU", "Polyclinique"}) {
    EXPECT_EQ(Analyze(std::string(word) + " Wascana\nTel 306").size(), 1u) << word;
  }
  EXPECT_EQ(Analyze("Regina Health Services\nTel 306").size(), 1u);
  EXPECT_TRUE(Analyze("Regina Kitchen\nTel 306").empty());
  EXPECT_TRUE(Analyze("Regina Clinical\nTel 306").empty());
  EXPECT_TRUE(Analyze("Regina Store Services\nTel 306").empty());
  EXPECT_TRUE(Analyze("Regina clinic\nTel 306").empty());
}

TEST(LocationTextAnalyzerTest, AddressUnderAHeading) {
  std::vector<ProposedFinding> found =
      Analyze("PRAIRIE LAB SERVICES\n1880 Albert St, Regina SK  S4P 2S9\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].normalized, "1880 Albert St, Regina SK");
  EXPECT_EQ(found[1].category, "service_location");
  // Not under a heading: an ordinary address is the address analyzer's.
  EXPECT_TRUE(Analyze("Lives at\n1880 Albert St, Regina SK").empty());
}

}  // namespace
}  // namespace breachscope
