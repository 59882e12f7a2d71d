#include <gtest/gtest.h>

#include "common/categories.h"
#include "report/notice/report_model.h"

namespace breachscope {
namespace {

TEST(CategoryWords, EveryCategoryHasWordsInBothLanguages) {
  for (std::string_view id : kCategoryIds) {
    const std::string category(id);
    // An id missing from the table falls back to itself in both languages;
    // only "signature" is the same word in French.
    if (category == "signature") continue;
    EXPECT_NE(CategoryWords(category, true), CategoryWords(category, false)) << category;
  }
  EXPECT_EQ(CategoryWords("date_of_birth", true), "date de naissance");
}

}  // namespace
}  // namespace breachscope
