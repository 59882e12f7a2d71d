#include "detect/unit_cache.h"

#include "detect/context.h"
#include "detect/context_index.h"
#include "detect/text/text_tokens.h"

namespace breachscope {

void UnitCache::Reset(const TextUnit& unit) {
  text_ = unit.text;
  label_ = unit.label;
  folded_ready_ = false;
  tokens_ready_ = false;
  has_letter_ = -1;
  free_text_ = -1;
  unit_ = &unit;
  label_entry_ = nullptr;
}

bool UnitCache::FreeText() {
  if (free_text_ < 0) free_text_ = text::IsFreeTextUnit(*unit_) ? 1 : 0;
  return free_text_ == 1;
}

const medical::FoldedText& UnitCache::Folded() {
  if (!folded_ready_) {
    folded_.Reset(text_);
    folded_ready_ = true;
  }
  return folded_;
}

const text::TokenizedText& UnitCache::Tokens() {
  if (!tokens_ready_) {
    text::Tokenize(text_, &tokens_);
    tokens_ready_ = true;
  }
  return tokens_;
}

UnitCache::LabelEntry& UnitCache::Label() {
  if (label_entry_ != nullptr) return *label_entry_;
  const size_t slot = LabelMemoSlot(label_, unit_->column);
  if (memos_.size() <= slot) memos_.resize(slot + 1);
  Memo* memo = &memos_[slot];
  if (memo->entry != nullptr && memo->label == label_) {
    label_entry_ = memo->entry;
    return *label_entry_;
  }
  auto it = labels_.find(label_);
  if (it == labels_.end()) {
    // Odd input with endless distinct labels must not grow memory.
    if (labels_.size() >= kMaxLabels) {
      labels_.clear();
      memos_.clear();  // their entries pointed into labels_
      memo = nullptr;
    }
    LabelEntry entry{Normalize(label_), {}};
    entry.answers.fill(-1);
    it = labels_.emplace(std::string(label_), std::move(entry)).first;
  }
  label_entry_ = &it->second;  // nodes stay put until clear(), done above
  if (memo != nullptr) {
    memo->label.assign(label_);
    memo->entry = label_entry_;
  }
  return *label_entry_;
}

std::string_view UnitCache::NormalizedLabel() { return Label().normalized; }

int16_t& UnitCache::LabelAnswer(LabelQuestion question) {
  return Label().answers[question];
}

bool UnitCache::HasLetter() {
  if (has_letter_ < 0) {
    has_letter_ = 0;
    for (unsigned char c : text_) {
      if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80) {
        has_letter_ = 1;
        break;
      }
    }
  }
  return has_letter_ == 1;
}

}  // namespace breachscope
