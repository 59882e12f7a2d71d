#include "report/individuals_export.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

PersonRecord Record(std::string source, std::string name, std::string dob) {
  PersonRecord r;
  r.key = source + "#row 1";
  r.source = std::move(source);
  PersonName n;
  n.full = std::move(name);
  r.names.push_back(n);
  r.dates_of_birth = {std::move(dob)};
  return r;
}

TEST(IndividualsExportTest, MergesMembersInAStableOrder) {
  std::vector<PersonRecord> records = {
      Record("b.csv", "Jean Côté", "1968-07-10"),
      Record("a.hl7", "JEAN CÔTÉ", "1968-07-10"),
      Record("c.txt", "Johnny Cote", "1968-10-07"),
  };
  records[0].health_numbers = {{"", "886579759", false}};
  records[1].health_numbers = {{"SK", "886579759", true}};
  records[0].categories = {"name", "date_of_birth"};
  records[2].categories = {"diagnosis", "name"};
  records[2].phones = {"+13062474744"};
  records[0].addresses = {"1 Main St, Regina, SK S4P 1Y5"};
  StoredIndividual ind;
  ind.id = 7;
  ind.confidence = 0.876;
  ind.members = {0, 1, 2};
  IndividualRow row = MakeIndividualRow(ind, records);
  EXPECT_EQ(row.names, (std::vector<std::string>{"Jean Côté", "Johnny Cote"}));
  EXPECT_EQ(row.dates_of_birth, (std::vector<std::string>{"1968-07-10", "1968-10-07"}));
  ASSERT_EQ(row.health_numbers.size(), 1u);
  EXPECT_EQ(row.health_numbers[0].first, "SK");
  EXPECT_EQ(row.sources, (std::vector<std::string>{"a.hl7", "b.csv", "c.txt"}));
  EXPECT_EQ(row.categories,
            (std::vector<std::string>{"date_of_birth", "diagnosis", "name"}));
  EXPECT_EQ(IndividualToJsonLine(row),
            "{\"individual_id\":7,\"names\":[\"Jean Côté\",\"Johnny Cote\"],"
            "\"dates_of_birth\":[\"1968-07-10\",\"1968-10-07\"],"
            "\"health_numbers\":[{\"jurisdiction\":\"SK\",\"number\":\"886579759\"}],"
            "\"emails\":[],\"phones\":[\"+13062474744\"],"
            "\"addresses\":[\"1 Main St, Regina, SK S4P 1Y5\"],"
            "\"categories\":[\"date_of_birth\",\"diagnosis\",\"name\"],"
            "\"sources\":[\"a.hl7\",\"b.csv\",\"c.txt\"],\"confidence\":0.88}");
  EXPECT_EQ(IndividualToCsvRow(row),
            "7,Jean Côté; Johnny Cote,1968-07-10; 1968-10-07,SK:886579759,,+13062474744,"
            "\"1 Main St, Regina, SK S4P 1Y5\",date_of_birth; diagnosis; name,"
            "a.hl7; b.csv; c.txt,0.88");
}

TEST(IndividualsExportTest, MaskedRowHidesValues) {
  std::vector<PersonRecord> records = {Record("a.csv", "Jean Cote", "1968-07-10")};
  records[0].phones = {"+13062474744"};
  StoredIndividual ind;
  ind.id = 1;
  ind.members = {0};
  IndividualRow row = MaskIndividualRow(MakeIndividualRow(ind, records));
  const std::string line = IndividualToJsonLine(row);
  EXPECT_EQ(line.find("Jean"), std::string::npos);
  EXPECT_EQ(line.find("07-10"), std::string::npos);
  EXPECT_EQ(line.find("2474744"), std::string::npos);
  EXPECT_NE(line.find("a.csv"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
