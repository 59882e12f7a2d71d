#include "detect/medical/labels.h"

#include "detect/context.h"

namespace breachscope::medical {

std::string NormalizeLabel(std::string_view label) { return Normalize(label); }

int LabelMatch(std::string_view raw_label, std::string_view normalized_label,
               Words fields, Words words) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (LabelIsHl7Field(raw_label, fields[i])) return static_cast<int>(1 + i);
  }
  for (size_t j = 0; j < words.size(); ++j) {
    if (normalized_label.find(words[j]) != std::string_view::npos) {
      return static_cast<int>(1 + fields.size() + j);
    }
  }
  return 0;
}

std::string LabelMatchReason(int match, Words fields, Words words) {
  const size_t at = static_cast<size_t>(match - 1);
  if (at < fields.size()) return "label " + std::string(fields[at]);
  return "label '" + std::string(words[at - fields.size()]) + "'";
}

bool LabelHasToken(std::string_view normalized_label, std::string_view word) {
  size_t at = 0;
  while ((at = normalized_label.find(word, at)) != std::string_view::npos) {
    size_t end = at + word.size();
    bool left = at == 0 || normalized_label[at - 1] == '_';
    bool right = end == normalized_label.size() || normalized_label[end] == '_';
    if (left && right) return true;
    at = end;
  }
  return false;
}

}  // namespace breachscope::medical
