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
  auto prefilter = Prefilter::Compile(std::move(mine), cache_dir);
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
                              std::vector<RawMatch>* out) {
  part.prefilter->Scan(text, scratch, out);
  for (RawMatch& m : *out) m.id = part.ids[m.id];
}

void GatedPrefilter::Scan(std::string_view text, bool with_gated,
                          GatedScratch& scratch,
                          std::vector<RawMatch>* out) const {
  out->clear();
  if (with_gated && text.size() <= short_max_) {
    // Sorted by (id, start) like the merged parts below.
    short_->Scan(text, *scratch.all, out);
    return;
  }
  if (open_.prefilter != nullptr) ScanPart(open_, text, *scratch.open, out);
  if (!with_gated || gated_.prefilter == nullptr) return;
  ScanPart(gated_, text, *scratch.gated, &scratch.gated_matches);
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
