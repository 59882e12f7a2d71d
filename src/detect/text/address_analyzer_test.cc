// Table-driven cases for the free-text address analyzer.
#include "detect/text/address_analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace breachscope {
namespace {

struct Case {
  const char* text;
  const char* normalized;  // expected address, or "" for no finding at all
};

std::vector<ProposedFinding> Analyze(std::string_view text) {
  TextUnit unit;
  unit.text = text;
  std::vector<ProposedFinding> out;
  AddressTextAnalyzerInstance().Analyze(unit, {}, nullptr, &out);
  return out;
}

class AddressCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(AddressCaseTest, FindsExpectedAddress) {
  const Case& c = GetParam();
  std::vector<ProposedFinding> found = Analyze(c.text);
  if (std::string(c.normalized).empty()) {
    for (const ProposedFinding& f : found) ADD_FAILURE() << "unexpected " << f.normalized;
    return;
  }
  ASSERT_EQ(found.size(), 1u) << c.text;
  EXPECT_EQ(found[0].normalized, c.normalized);
  EXPECT_EQ(found[0].category, "address");
  EXPECT_GE(found[0].confidence, 0.5);
}

const Case kPositive[] = {
    {"Lives at 123 Main St, Regina, SK S4P 3Y2 with her son.", "123 Main St, Regina, SK S4P 3Y2"},
    {"Address: 123 Main Street\nRegina SK S4P3Y2", "123 Main Street, Regina, SK S4P 3Y2"},
    {"Moved to 4-123 Albert St. N last year.", "4-123 Albert St. N"},
    {"Home: Apt 4, 55 Victoria Avenue East, Saskatoon, SK", "Apt 4 55 Victoria Avenue East, Saskatoon, SK"},
    {"Mailing address 88 College Ave, Unit 12, Moose Jaw", "88 College Ave, Unit 12, Moose Jaw"},
    {"Elle habite au 123, rue Principale, Montréal (Québec) H2X 1Y4", "123 rue Principale, Montréal"},
    {"Domicile : 456 chemin du Lac, Lévis, QC G6V 1A1", "456 chemin du Lac, Lévis, QC G6V 1A1"},
    {"Ferme au 1200 rang 5, Saint-Hyacinthe", "1200 rang 5, Saint-Hyacinthe"},
    {"Farm at 20345 Range Road 234, Strathcona County, AB T8A 0A1", "20345 Range Road 234, Strathcona County, AB T8A 0A1"},
    {"Sent to 1500 Hamilton St N, Regina, Saskatchewan S4P 3Y2", "1500 Hamilton St N, Regina, SK S4P 3Y2"},
    {"Please mail results to PO Box 123, Kindersley, SK S0L 1S0", "PO Box 123, Kindersley, SK S0L 1S0"},
    {"Lives on the farm: RR 2, Site 5, Comp 12, Prince Albert SK", "RR 2 Site 5 Comp 12, Prince Albert, SK"},
    {"Adresse postale : C.P. 45, Rimouski QC G5L 1A1", "C.P. 45, Rimouski, QC G5L 1A1"},
    {"Box 45, Maple Creek, SK S0N 1N0", "Box 45, Maple Creek, SK S0N 1N0"},
    {"Shipping to 221 Baker Street, Springfield, IL 62704-1234 today.", "221 Baker Street, Springfield, IL 62704-1234"},
    {"billing address: 8 wressle road suite 771 polapit tamar", "8 wressle road, suite 771"},
    {"Her new place is 742 Evergreen Terrace in town.", "742 Evergreen Terrace"},
    {"Lives at 12 3rd Ave NE, Calgary AB", "12 3rd Ave NE, Calgary, AB"},
    {"Patient resides at 77 Côte-des-Neiges Blvd., Montreal, QC", "77 Côte-des-Neiges Blvd., Montreal, QC"},
    {"Wrong code: 10 Main St, Regina, SK T2P 1J9", "10 Main St, Regina, SK"},
    // Lines start only at numbers and capitalised words; a unit before the
    // civic number still belongs to the line.
    {"Mail to #4 123 Main St, Regina SK", "#4 123 Main St, Regina, SK"},
};

const Case kNegative[] = {
    {"Take 2 tablets by mouth twice daily.", ""},
    {"Transferred to Room 12 on the ward.", ""},
    {"Stopped at the Route 66 diner on the way.", ""},
    {"Returned 5 days in a row for dressing changes.", ""},
    {"BP 120 over 80, HR 72, weight 80 kg.", ""},
    {"Seen in 2019 at Regina General Hospital.", ""},
    {"Box 3 of gloves was empty.", ""},
    {"Give 3 puffs and walk 10 minutes.", ""},
    {"mail it to po box 12 or rr 2, regina", ""},
};

INSTANTIATE_TEST_SUITE_P(Positive, AddressCaseTest, ::testing::ValuesIn(kPositive));
INSTANTIATE_TEST_SUITE_P(Negative, AddressCaseTest, ::testing::ValuesIn(kNegative));

TEST(AddressTextAnalyzerTest, SpanCoversWholeAddress) {
  std::string text = "Lives at 123 Main St, Regina, SK S4P 3Y2 with her son.";
  std::vector<ProposedFinding> found = Analyze(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].start, found[0].end - found[0].start),
            "123 Main St, Regina, SK S4P 3Y2");
  EXPECT_EQ(found[0].detector, "address_text");
}

}  // namespace
}  // namespace breachscope
