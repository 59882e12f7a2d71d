#include "detect/medical/labels.h"

#include "detect/context.h"

namespace breachscope::medical {

std::string NormalizeLabel(std::string_view label) { return Normalize(label); }

std::string_view LabelWord(std::string_view normalized_label, Words words) {
  for (std::string_view word : words) {
    if (normalized_label.find(word) != std::string_view::npos) return word;
  }
  return {};
}

std::string_view LabelField(std::string_view raw_label, Words fields) {
  for (std::string_view field : fields) {
    if (LabelIsHl7Field(raw_label, field)) return field;
  }
  return {};
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
