#include "resolve/text_fold.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(TextFoldTest, FoldsCaseAccentsAndPunctuation) {
  struct Case {
    const char* in;
    const char* folded;
    const char* compact;
  } cases[] = {
      {"Côté-Tremblay, JEAN", "cote tremblay jean", "cotetremblayjean"},
      {"O'Hare", "ohare", "ohare"},
      {"D’Esquire", "desquire", "desquire"},
      {"  Łukasz   Żółć ", "lukasz zolc", "lukaszzolc"},
      {"Müller-Straße", "muller strasse", "mullerstrasse"},
      {"王杰", "王杰", "王杰"},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FoldText(c.in), c.folded) << c.in;
    EXPECT_EQ(FoldCompact(c.in), c.compact) << c.in;
  }
}

TEST(TextFoldTest, InvalidUtf8BecomesASeparator) {
  EXPECT_EQ(FoldText("ab\xff\xfe" "cd"), "ab cd");
}

TEST(TextFoldTest, SplitWords) {
  EXPECT_EQ(SplitWords("maria luis"), (std::vector<std::string>{"maria", "luis"}));
  EXPECT_TRUE(SplitWords("").empty());
}

}  // namespace
}  // namespace breachscope
