#include "app/finding_chunker.h"

#include <utility>

namespace breachscope {

void FindingChunker::Drain(std::vector<Finding>* out,
                           std::vector<int64_t>* seqs) {
  out->reserve(findings_->size());
  seqs->reserve(findings_->size());
  for (Finding& f : *findings_) {
    const int64_t seq = next_seq_++;
    if (votes_.Count(f)) {
      held_.push_back(std::move(f));
      held_seqs_.push_back(seq);
    } else {
      out->push_back(std::move(f));
      seqs->push_back(seq);
    }
  }
  findings_->clear();
}

void FindingChunker::EmitChunk() {
  chunked_ = true;
  ItemResult part;
  part.record = record_;
  part.partial = true;
  Drain(&part.findings, &part.seqs);
  if (!part.findings.empty()) emit_(std::move(part));
  if (held_.size() >= held_cap_) EmitHeld();
}

void FindingChunker::EmitHeld() {
  ItemResult part;
  part.record = record_;
  part.partial = true;
  for (Finding& f : held_) votes_.Resolve(&f);
  part.findings = std::move(held_);
  part.seqs = std::move(held_seqs_);
  held_.clear();
  held_seqs_.clear();
  emit_(std::move(part));
}

void FindingChunker::Finish(ItemResult* result) {
  if (!chunked_) {
    ResolveDateOrder(findings_);
    return;
  }
  std::vector<Finding> tail;
  std::vector<int64_t> tail_seqs;
  Drain(&tail, &tail_seqs);
  for (Finding& f : held_) votes_.Resolve(&f);
  // Both runs are in seq order; merge them so the store writes in order.
  result->findings.clear();
  result->seqs.clear();
  size_t a = 0, b = 0;
  while (a < tail.size() || b < held_.size()) {
    const bool from_tail =
        b == held_.size() || (a < tail.size() && tail_seqs[a] < held_seqs_[b]);
    if (from_tail) {
      result->findings.push_back(std::move(tail[a]));
      result->seqs.push_back(tail_seqs[a++]);
    } else {
      result->findings.push_back(std::move(held_[b]));
      result->seqs.push_back(held_seqs_[b++]);
    }
  }
  result->chunked = true;
  held_.clear();
  held_seqs_.clear();
}

}  // namespace breachscope
