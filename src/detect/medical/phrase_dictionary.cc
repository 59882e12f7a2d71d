#include "detect/medical/phrase_dictionary.h"

#include <algorithm>

namespace breachscope::medical {

int PhraseDictionary::Add(std::string_view phrase) {
  std::string key = FoldPhrase(phrase);
  if (key.empty()) return -1;
  auto it = index_.find(key);
  if (it != index_.end()) return it->second;
  size_t tokens = 1 + std::count(key.begin(), key.end(), ' ');
  max_tokens_ = std::max(max_tokens_, tokens);
  std::string_view head = std::string_view(key).substr(0, key.find(' '));
  auto [first, added] = first_.try_emplace(std::string(head), 0);
  first->second = std::max(first->second, tokens);
  if (added) {
    AddToFilter(HashToken(head));
    GrowFilter();
  }
  int id = static_cast<int>(keys_.size());
  keys_.push_back(key);
  index_.emplace(std::move(key), id);
  return id;
}

void PhraseDictionary::AddToFilter(uint32_t hash) {
  for (const size_t bit : {FirstBit(hash), SecondBit(hash)}) {
    first_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
}

void PhraseDictionary::GrowFilter() {
  const size_t bits = size_t{1} << filter_log_;
  if (filter_log_ >= kMaxFilterLog ||
      first_.size() * kBitsPerFirstWord <= bits) {
    return;
  }
  ++filter_log_;
  first_filter_.assign(2 * bits / 64, 0);
  for (const auto& [word, longest] : first_) AddToFilter(HashToken(word));
}

PhraseDictionary::Hit PhraseDictionary::LongestFrom(const FoldedText& text,
                                                    size_t first) const {
  auto start = first_.find(text.Phrase(first, first));
  if (start == first_.end()) return {};
  size_t longest = std::min(start->second, text.size() - first);
  for (size_t n = longest; n > 0; --n) {
    auto it = index_.find(text.Phrase(first, first + n - 1));
    if (it != index_.end()) return {n, it->second};
  }
  return {};
}

}  // namespace breachscope::medical
