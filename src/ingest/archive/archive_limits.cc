#include "ingest/archive/archive_limits.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace breachscope {

Status ExpansionMeter::Charge(uint64_t n) {
  total_ += n;
  if (budget_ != nullptr) {
    if (n > *budget_) {
      *budget_ = 0;
      return LimitExceeded(
          "decompressed-bytes budget for this source exhausted; remaining "
          "members not read");
    }
    *budget_ -= n;
  }
  if (total_ <= options_.ratio_check_min_bytes) return Status::Ok();
  const double ratio =
      static_cast<double>(total_) /
      static_cast<double>(std::max<uint64_t>(archive_size_, 1));
  if (ratio > options_.max_expansion_ratio) {
    return LimitExceeded(
        "expansion ratio " + std::to_string(static_cast<uint64_t>(ratio)) +
        ":1 exceeds limit " +
        std::to_string(static_cast<uint64_t>(options_.max_expansion_ratio)) +
        ":1 (possible zip bomb)");
  }
  return Status::Ok();
}

uint64_t ExpansionMeter::BudgetLeft() const {
  if (budget_ == nullptr) return std::numeric_limits<uint64_t>::max();
  return *budget_ == std::numeric_limits<uint64_t>::max() ? *budget_
                                                          : *budget_ + 1;
}

Status MemberTooLarge(uint64_t limit, uint64_t declared) {
  std::string message = "member larger than the limit of " +
                        std::to_string(limit) + " bytes per member";
  if (declared > 0) message += " (declares " + std::to_string(declared) + ")";
  return LimitExceeded(std::move(message));
}

}  // namespace breachscope
