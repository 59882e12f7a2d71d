#include "resolve/nicknames.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(NicknamesTest, EmbeddedListRelatesCommonNicknames) {
  const Nicknames& n = Nicknames::Default();
  EXPECT_TRUE(n.Related("robert", "bob"));
  EXPECT_TRUE(n.Related("bob", "robert"));
  EXPECT_TRUE(n.Related("bob", "rob"));  // both nicknames of robert
  EXPECT_TRUE(n.Related("william", "bill"));
  EXPECT_FALSE(n.Related("robert", "william"));
  EXPECT_FALSE(n.Related("mark", "marsha"));
}

TEST(NicknamesTest, RootsStartWithTheNameItself) {
  const Nicknames& n = Nicknames::Default();
  std::vector<std::string> roots = n.Roots("bob");
  ASSERT_FALSE(roots.empty());
  EXPECT_EQ(roots[0], "bob");
  EXPECT_NE(std::find(roots.begin(), roots.end(), "robert"), roots.end());
  EXPECT_EQ(n.Roots("zzyzx"), std::vector<std::string>{"zzyzx"});
}

TEST(NicknamesTest, ParsesItsCsvAndSkipsOtherRelations) {
  Nicknames n("name1,relationship,name2\nalexander,has_nickname,sasha\nx,is_not,y\n");
  EXPECT_TRUE(n.Related("sasha", "alexander"));
  EXPECT_FALSE(n.Related("x", "y"));
}

}  // namespace
}  // namespace breachscope
