#include "store/case_store.h"

namespace breachscope {

std::string_view ItemStatusName(ItemStatus status) {
  switch (status) {
    case ItemStatus::kError: return "error";
    case ItemStatus::kSkipped: return "skipped";
    case ItemStatus::kScanned: break;
  }
  return "scanned";
}

}  // namespace breachscope
