// The ICD-10-CM code table: every listed code gives its own title, as a
// plain map of the data file does, and nothing else is a code.
#include "detect/medical/medical_data.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

#include "common/embedded_data.h"

namespace breachscope::medical {
namespace {

TEST(Icd10TableTest, EveryCodeGivesItsTitle) {
  std::unordered_map<std::string, std::string> plain;
  ForEachDataLine("medical/icd10cm_codes.tsv", [&](std::string_view line) {
    const size_t tab = line.find('\t');
    plain.emplace(std::string(line.substr(0, tab)),
                  std::string(tab == std::string_view::npos
                                  ? std::string_view()
                                  : line.substr(tab + 1)));
  });
  ASSERT_GT(plain.size(), 90000u);
  for (const auto& [code, title] : plain) {
    ASSERT_TRUE(IsIcd10Code(code)) << code;
    ASSERT_EQ(Icd10Title(code), title) << code;
  }
  EXPECT_EQ(Icd10Title("R51"), "Headache");
}

TEST(Icd10TableTest, OtherStringsAreNoCodes) {
  for (std::string_view not_code :
       {"", "E11.9", "e119", "E1190000", "R5", "ZZZ", "A00 ", " A00", "R51\t"}) {
    EXPECT_FALSE(IsIcd10Code(not_code)) << not_code;
    EXPECT_EQ(Icd10Title(not_code), "") << not_code;
  }
  // Codes one character longer than a listed one, and made-up ones.
  int found = 0;
  for (char letter = 'A'; letter <= 'Z'; ++letter) {
    for (int n = 0; n < 1000; ++n) {
      std::string code = std::string(1, letter) + std::to_string(n) + "QQ";
      found += IsIcd10Code(code);
    }
  }
  EXPECT_EQ(found, 0);
}

}  // namespace
}  // namespace breachscope::medical
