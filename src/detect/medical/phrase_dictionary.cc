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
  size_t& longest = first_[key.substr(0, key.find(' '))];
  longest = std::max(longest, tokens);
  int id = static_cast<int>(keys_.size());
  keys_.push_back(key);
  index_.emplace(std::move(key), id);
  return id;
}

PhraseDictionary::Hit PhraseDictionary::LongestAt(const FoldedText& text,
                                                  size_t first) const {
  if (first >= text.size()) return {};
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
