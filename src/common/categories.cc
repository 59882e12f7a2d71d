#include "common/categories.h"

#include <algorithm>

namespace breachscope {

bool IsCategoryId(std::string_view id) {
  return std::find(kCategoryIds.begin(), kCategoryIds.end(), id) !=
         kCategoryIds.end();
}

}  // namespace breachscope
