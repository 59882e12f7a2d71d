#include "detect/gated_prefilter.h"

#include <algorithm>

namespace breachscope {

Status GatedPrefilter::CompilePart(const std::vector<const Trigger*>& triggers,
                                   const std::vector<bool>& gated, bool which,
                                   const std::string& cache_dir, Part* part) {
  std::vector<const Trigger*> mine;
  for (uint32_t i = 0; i < triggers.size(); ++i) {
    if (gated[i] != which) continue;
    mine.push_back(triggers[i]);
    part->ids.push_back(i);
  }
  if (mine.empty()) return Status::Ok();
  // Only the gated part is scanned with NearWords (Scan's gated_near).
  auto prefilter = Prefilter::Compile(
      std::move(mine), cache_dir,
      which ? Prefilter::Mode::kNear : Prefilter::Mode::kFull);
  if (!prefilter.ok()) return prefilter.status();
  part->prefilter = std::move(prefilter).value();
  return Status::Ok();
}

Result<std::unique_ptr<GatedPrefilter>> GatedPrefilter::Compile(
    const std::vector<const Trigger*>& triggers,
    const std::vector<bool>& gated, const std::string& cache_dir) {
  std::unique_ptr<GatedPrefilter> out(new GatedPrefilter());
  BS_RETURN_IF_ERROR(CompilePart(triggers, gated, false, cache_dir, &out->open_));
  BS_RETURN_IF_ERROR(CompilePart(triggers, gated, true, cache_dir, &out->gated_));
  auto all = Prefilter::Compile(triggers, cache_dir, Prefilter::Mode::kShort);
  if (!all.ok()) return all.status();
  out->short_ = std::move(all).value();
  out->short_max_ = out->short_->short_max();
  return out;
}

std::unique_ptr<GatedScratch> GatedPrefilter::NewScratch() const {
  auto scratch = std::make_unique<GatedScratch>();
  if (open_.prefilter != nullptr) {
    scratch->open = open_.prefilter->NewScratch();
    if (scratch->open == nullptr) return nullptr;
  }
  if (gated_.prefilter != nullptr) {
    scratch->gated = gated_.prefilter->NewScratch();
    if (scratch->gated == nullptr) return nullptr;
  }
  if (short_max_ > 0) {
    scratch->all = short_->NewScratch();
    if (scratch->all == nullptr) return nullptr;
  }
  return scratch;
}

void GatedPrefilter::ScanPart(const Part& part, std::string_view text,
                              PrefilterScratch& scratch,
                              std::vector<RawMatch>* out,
                              const NearWords* near) {
  part.prefilter->Scan(text, scratch, out, near);
  for (RawMatch& m : *out) m.id = part.ids[m.id];
}

size_t ShortMatchMemo::SlotOf(std::string_view text, bool with_gated) {
  uint32_t hash = with_gated ? 2166136261u : 84696351u;  // FNV-1a
  for (char c : text) hash = (hash ^ static_cast<uint8_t>(c)) * 16777619u;
  return (hash ^ (hash >> 15)) & (kSlots - 1);
}

bool ShortMatchMemo::Find(std::string_view text, bool with_gated,
                          std::vector<RawMatch>* out) const {
  if (text.size() > kMaxText) return false;
  const Entry& e = entries_[SlotOf(text, with_gated)];
  if (!e.used || e.size != text.size() || e.with_gated != with_gated ||
      std::string_view(e.text, e.size) != text) {
    return false;
  }
  out->assign(e.matches, e.matches + e.count);
  return true;
}

void ShortMatchMemo::Keep(std::string_view text, bool with_gated,
                          const std::vector<RawMatch>& matches) {
  if (text.size() > kMaxText || matches.size() > kMaxMatches) return;
  Entry& e = entries_[SlotOf(text, with_gated)];
  e.used = true;
  e.with_gated = with_gated;
  e.size = static_cast<uint8_t>(text.size());
  e.count = static_cast<uint8_t>(matches.size());
  std::copy(text.begin(), text.end(), e.text);
  std::copy(matches.begin(), matches.end(), e.matches);
}

void GatedPrefilter::Scan(std::string_view text, bool with_gated,
                          GatedScratch& scratch, std::vector<RawMatch>* out,
                          const NearWords* gated_near) const {
  // The memo keeps unfiltered matches only.
  if (text.size() > ShortMatchMemo::kMaxText || gated_near != nullptr) {
    ScanUnmemoized(text, with_gated, scratch, out, gated_near);
    return;
  }
  if (scratch.memo.Find(text, with_gated, out)) return;
  ScanUnmemoized(text, with_gated, scratch, out, nullptr);
  scratch.memo.Keep(text, with_gated, *out);
}

void GatedPrefilter::ScanUnmemoized(std::string_view text, bool with_gated,
                                    GatedScratch& scratch,
                                    std::vector<RawMatch>* out,
                                    const NearWords* gated_near) const {
  out->clear();
  if (with_gated && text.size() <= short_max_) {
    // Sorted by (id, start) like the merged parts below.
    short_->Scan(text, *scratch.all, out);
    return;
  }
  if (open_.prefilter != nullptr) {
    ScanPart(open_, text, *scratch.open, out, nullptr);
  }
  if (!with_gated || gated_.prefilter == nullptr) return;
  ScanPart(gated_, text, *scratch.gated, &scratch.gated_matches, gated_near);
  if (scratch.gated_matches.empty()) return;
  out->insert(out->end(), scratch.gated_matches.begin(),
              scratch.gated_matches.end());
  // Both parts are sorted by (id, start) and their ids are disjoint; one
  // order for the merged list keeps the engine's evaluation order that of
  // a single prefilter.
  std::sort(out->begin(), out->end(), [](const RawMatch& a, const RawMatch& b) {
    if (a.id != b.id) return a.id < b.id;
    return a.start < b.start;
  });
}

}  // namespace breachscope
