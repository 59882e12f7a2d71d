// DistinctSample: the distinct values of a set that may be too big to hold,
// kept as a threshold sample of their 64-bit hashes.
//
// It holds every distinct hash <= threshold(), with a payload each, and never
// more than `capacity` of them: when one more would not fit, the largest go
// and the threshold drops below them. While nothing was dropped (exact()) it
// is the whole set and count() is exact; after, the kept hashes are a uniform
// sample of the set (hashes are as good as random), count() is the usual
// k-minimum-values estimate and shares measured on the sample estimate the
// set's. What it holds depends only on the set, never on insertion order, so
// a learner built on it gives the same answer for any file or thread order.
//
// Shape learning (learned_shapes.h) counts labelled record numbers with it:
// a case may hold tens of millions of distinct ones, and the scan's memory
// must not grow with them.
#ifndef BREACHSCOPE_DETECT_DISTINCT_SAMPLE_H_
#define BREACHSCOPE_DETECT_DISTINCT_SAMPLE_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <utility>

namespace breachscope {

inline constexpr size_t kDistinctSampleCapacity = 8192;

struct NoPayload {
  bool operator==(const NoPayload&) const = default;
};

template <typename Payload = NoPayload>
class DistinctSample {
 public:
  explicit DistinctSample(size_t capacity = kDistinctSampleCapacity)
      : capacity_(capacity < 2 ? 2 : capacity) {}

  // Adds a value by its hash; a hash already held keeps its first payload.
  void Insert(uint64_t hash, Payload payload = {}) {
    if (hash > threshold_) return;
    if (!entries_.emplace(hash, std::move(payload)).second) return;
    Trim();
  }

  // Adds every value of `other` (the union of the two sets).
  void Merge(const DistinctSample& other) {
    if (other.threshold_ < threshold_) {
      threshold_ = other.threshold_;
      entries_.erase(entries_.upper_bound(threshold_), entries_.end());
    }
    for (auto it = other.entries_.begin();
         it != other.entries_.end() && it->first <= threshold_; ++it) {
      entries_.emplace(it->first, it->second);
    }
    Trim();
  }

  // The sample of the values for which keep(payload) holds: a subset
  // sampled at the same threshold.
  template <typename Keep>
  DistinctSample Filter(Keep keep) const {
    DistinctSample out(capacity_);
    out.threshold_ = threshold_;
    for (const auto& [hash, payload] : entries_) {
      if (keep(payload)) out.entries_.emplace_hint(out.entries_.end(), hash, payload);
    }
    return out;
  }

  // The same sample without its payloads.
  DistinctSample<NoPayload> Hashes() const {
    DistinctSample<NoPayload> out(capacity_);
    out.threshold_ = threshold_;
    for (const auto& entry : entries_) {
      out.entries_.emplace_hint(out.entries_.end(), entry.first, NoPayload{});
    }
    return out;
  }

  bool exact() const { return threshold_ == kAll; }
  size_t kept() const { return entries_.size(); }
  const std::map<uint64_t, Payload>& entries() const { return entries_; }

  // How many distinct values the set holds: exact while exact(), else
  // estimated from the threshold as (k - 1) / (threshold / 2^64).
  uint64_t count() const {
    if (exact()) return entries_.size();
    if (entries_.size() < 2) return entries_.size();
    const long double fraction =
        (static_cast<long double>(threshold_) + 1.0L) / 18446744073709551616.0L;
    return static_cast<uint64_t>(
        static_cast<long double>(entries_.size() - 1) / fraction + 0.5L);
  }

 private:
  template <typename>
  friend class DistinctSample;

  static constexpr uint64_t kAll = std::numeric_limits<uint64_t>::max();

  // Past capacity the largest hashes go, and the threshold falls to the
  // largest one left so that everything at or under it is still held.
  void Trim() {
    if (entries_.size() <= capacity_) return;
    while (entries_.size() > capacity_) entries_.erase(std::prev(entries_.end()));
    threshold_ = std::prev(entries_.end())->first;
  }

  size_t capacity_;
  uint64_t threshold_ = kAll;
  std::map<uint64_t, Payload> entries_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DISTINCT_SAMPLE_H_
