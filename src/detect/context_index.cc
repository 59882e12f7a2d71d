#include "detect/context_index.h"

#include "detect/context.h"

namespace breachscope {

ContextIndex::ContextIndex(std::span<const DetectorSpec* const> specs) {
  first_set_.push_back(0);
  for (const DetectorSpec* spec : specs) {
    for (const ContextSet& context : spec->contexts) {
      Set set;
      for (std::string_view word : context.words) {
        set.words.push_back({Normalize(word), word});
      }
      set.fields = context.label_fields;
      sets_.push_back(std::move(set));
    }
    first_set_.push_back(sets_.size());
  }
}

LabelMatches ContextIndex::MatchLabel(std::string_view label,
                                      UnitKind kind) const {
  LabelMatches matches(sets_.size());
  if (label.empty()) return matches;
  std::string normalized = Normalize(LabelSubject(label, kind));
  for (size_t i = 0; i < sets_.size(); ++i) {
    for (std::string_view field : sets_[i].fields) {
      if (LabelIsHl7Field(label, field)) matches[i] = field;
    }
    for (const Word& word : sets_[i].words) {
      if (!matches[i].empty()) break;
      if (normalized.find(word.normalized) != std::string::npos) {
        matches[i] = word.shown;
      }
    }
  }
  return matches;
}

void ContextIndex::Evidence(size_t detector, const LabelMatches& label,
                            std::string_view window,
                            std::vector<SetEvidence>* out) const {
  out->clear();
  for (size_t i = first_set_[detector]; i < first_set_[detector + 1]; ++i) {
    SetEvidence evidence;
    evidence.label_word = label[i];
    // A framed window of two bytes or fewer ("__": a cell's value starts
    // the cell) holds no word, which is what FindLastWord would find.
    if (window.size() < 3) {
      out->push_back(evidence);
      continue;
    }
    for (const Word& word : sets_[i].words) {
      int end = FindLastWord(window, word.normalized);
      if (end > evidence.nearby_end) {
        evidence.nearby_end = end;
        evidence.nearby_word = word.shown;
      }
    }
    out->push_back(evidence);
  }
}

const LabelMatches& LabelCache::Get(const ContextIndex& index,
                                    std::string_view label, UnitKind kind,
                                    int32_t column) {
  if (last_ != nullptr && key_.size() == label.size() + 1 &&
      key_[0] == static_cast<char>(kind) &&
      std::string_view(key_).substr(1) == label) {
    return *last_;
  }
  const size_t slot = LabelMemoSlot(label, column);
  if (memos_.size() <= slot) memos_.resize(slot + 1);
  Memo* memo = &memos_[slot];
  if (memo->matches != nullptr && memo->kind == kind && memo->label == label) {
    key_.assign(1, static_cast<char>(kind));
    key_.append(label);
    last_ = memo->matches;
    return *last_;
  }
  key_.assign(1, static_cast<char>(kind));
  key_.append(label);
  auto it = entries_.find(key_);
  if (it == entries_.end()) {
    if (entries_.size() >= kMaxEntries) {
      entries_.clear();
      memos_.clear();  // their answers pointed into entries_
      memo = nullptr;
    }
    it = entries_.emplace(key_, index.MatchLabel(label, kind)).first;
  }
  last_ = &it->second;  // map nodes stay put until clear(), done above
  if (memo != nullptr) {
    memo->kind = kind;
    memo->label.assign(label);
    memo->matches = last_;
  }
  return *last_;
}

}  // namespace breachscope
