// Table-driven cases for local foreign phone numbers with a country hint.
#include "detect/text/local_phone_analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace breachscope {
namespace {

struct Case {
  const char* text;
  const char* normalized;  // expected E.164, or "" for none
};

std::vector<ProposedFinding> Analyze(std::string_view text,
                                     std::vector<PriorFinding> prior = {}) {
  TextUnit unit;
  unit.text = text;
  std::vector<ProposedFinding> out;
  LocalPhoneAnalyzerInstance().Analyze(unit, prior, nullptr, &out);
  return out;
}

TEST(LocalPhoneAnalyzerTest, Table) {
  const Case cases[] = {
      {"Daughter lives in Paris, France. Tél. 01 42 68 53 00", "+33142685300"},
      {"Sister: 12 rue de Rivoli, 75001 Paris\nTelephone 01.42.68.53.00",
       "+33142685300"},
      {"Son in London, UK, phone 020 7946 0958 evenings.", "+442079460958"},
      {"Contact in England: mobile 07400 123456 (son).", "+447400123456"},
      {"Next of kin in Berlin, Germany, tel 030 901820 weekdays",
       "+4930901820"},
      // A phone word but no country named.
      {"Tel 01 42 68 53 00 after 5 pm.", ""},
      // A country but no phone word: an order or account number.
      {"Order 01 42 68 53 00 shipped from Paris, France.", ""},
      {"Reference 020 7946 0958 for the London office, UK.", ""},
      // Not valid for the named country.
      {"In France, tel 00 00 00 00 00.", ""},
      // Too few or too many digits.
      {"Paris, France. Tel 01 42 68", ""},
      {"Paris, France. Tel 01 42 68 53 00 11 22", ""},
      // Part of a longer token or an international form.
      {"Paris, France. Tel +33 01 42 68 53 00", ""},
      {"London UK. Tel +44 (0)20 7946 0958", ""},
      {"Paris, France. Tel A01 42 68 53 00", ""},
      // "nice" is an English word, not the city.
      {"Nice to meet you; tel 01 42 68 53 00.", ""},
  };
  for (const Case& c : cases) {
    std::vector<ProposedFinding> out = Analyze(c.text);
    if (*c.normalized == '\0') {
      EXPECT_TRUE(out.empty()) << c.text << " -> " << out[0].normalized;
      continue;
    }
    ASSERT_EQ(out.size(), 1u) << c.text;
    EXPECT_EQ(out[0].normalized, c.normalized) << c.text;
    EXPECT_EQ(out[0].category, "phone");
    EXPECT_EQ(out[0].detector, "phone_local");
  }
}

TEST(LocalPhoneAnalyzerTest, SpanIsTheNumber) {
  std::string_view text = "Paris, France. Tél : 01 42 68 53 00.";
  std::vector<ProposedFinding> out = Analyze(text);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(text.substr(out[0].start, out[0].end - out[0].start),
            "01 42 68 53 00");
}

TEST(LocalPhoneAnalyzerTest, LeavesPriorFindingsAlone) {
  std::string_view text = "Paris, France. Tel 01 42 68 53 00";
  EXPECT_TRUE(Analyze(text, {{19, 33, "phone"}}).empty());
}

TEST(LocalPhoneAnalyzerTest, CountryHintsInOrderNamed) {
  EXPECT_EQ(text::CountryHints("from London to Paris"), "GBFR");
  EXPECT_EQ(text::CountryHints("Royaume-Uni puis la France"), "GBFR");
  EXPECT_EQ(text::CountryHints("Regina, Saskatchewan"), "");
  EXPECT_EQ(text::CountryHints("Unlucky"), "");  // "uk" only as a word
}

}  // namespace
}  // namespace breachscope
