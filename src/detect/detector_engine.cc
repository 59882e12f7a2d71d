#include "detect/detector_engine.h"

#include <algorithm>
#include <set>
#include <utility>

#include "common/categories.h"
#include "detect/context.h"
#include "detect/context_index.h"
#include "detect/detector_registry.h"
#include "detect/prefilter.h"
#include "detect/scoring.h"

namespace breachscope {
namespace {

// Which detector and trigger a prefilter pattern id stands for.
struct TriggerRef {
  uint32_t detector;
  uint32_t trigger;
};

// A scored candidate waiting for overlap resolution.
struct Pending {
  uint32_t start;
  uint32_t end;
  uint32_t detector;
  double confidence;
  std::string_view category;
  std::string normalized;
  std::string explanation;
};

// Longer wins, then higher confidence, then the detector registered first.
bool Better(const Pending& a, const Pending& b) {
  uint32_t la = a.end - a.start, lb = b.end - b.start;
  if (la != lb) return la > lb;
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.detector < b.detector;
}

// One span of text is one piece of information: of overlapping findings
// (same detector or not) only the best stays. Leaves them by position.
void ResolveOverlaps(std::vector<Pending>* pending) {
  std::sort(pending->begin(), pending->end(),
            [](const Pending& a, const Pending& b) {
              if (a.start != b.start) return a.start < b.start;
              return Better(a, b);
            });
  size_t kept = 0;
  for (size_t i = 0; i < pending->size(); ++i) {
    Pending& p = (*pending)[i];
    if (kept > 0 && p.start < (*pending)[kept - 1].end) {
      if (Better(p, (*pending)[kept - 1])) (*pending)[kept - 1] = std::move(p);
      continue;
    }
    if (kept != i) (*pending)[kept] = std::move(p);
    ++kept;
  }
  pending->resize(kept);
}

Status CheckSpec(const DetectorSpec& spec, std::set<std::string_view>* ids) {
  std::string id(spec.id);
  if (spec.id.empty() || !ids->insert(spec.id).second) {
    return Internal("detector id missing or repeated: " + id);
  }
  if (!IsCategoryId(spec.category) || spec.validate == nullptr ||
      spec.triggers.empty()) {
    return Internal("detector " + id + ": bad category, validator or triggers");
  }
  for (const ContextSet& set : spec.contexts) {
    if (!IsCategoryId(set.category)) {
      return Internal("detector " + id + ": unknown context category");
    }
  }
  return Status::Ok();
}

// The engine's per-thread state behind the opaque DetectorEngine::Scratch.
// Buffers keep their capacity between units, so the common no-match path
// allocates nothing.
class EngineScratch : public DetectorEngine::Scratch {
 public:
  std::unique_ptr<PrefilterScratch> prefilter;
  std::vector<RawMatch> matches;
  std::vector<Pending> pending;
  std::vector<SetEvidence> evidence;
  std::string window;
  LabelCache labels;
};

}  // namespace

struct DetectorEngine::Impl {
  DetectOptions options;
  std::span<const DetectorSpec* const> specs;
  std::vector<DetectorInfo> infos;
  std::vector<TriggerRef> triggers;  // by prefilter pattern id
  std::unique_ptr<Prefilter> prefilter;
  std::unique_ptr<ContextIndex> contexts;

  void Evaluate(const TextUnit& unit, const RawMatch& match,
                EngineScratch& scratch) const;
  ContextHit FindContext(const TextUnit& unit, uint32_t detector,
                         uint32_t start, EngineScratch& scratch) const;
};

ContextHit DetectorEngine::Impl::FindContext(const TextUnit& unit,
                                             uint32_t detector, uint32_t start,
                                             EngineScratch& scratch) const {
  if (!contexts->HasContext(detector)) return {};
  const LabelMatches& label = scratch.labels.Get(*contexts, unit.label,
                                                 unit.kind);
  NearbyWindow(unit.text, start, &scratch.window);
  contexts->Evidence(detector, label, scratch.window, &scratch.evidence);
  return ChooseContext(scratch.evidence);
}

void DetectorEngine::Impl::Evaluate(const TextUnit& unit,
                                    const RawMatch& match,
                                    EngineScratch& scratch) const {
  const TriggerRef& ref = triggers[match.id];
  const DetectorSpec& spec = *specs[ref.detector];
  std::string_view text =
      unit.text.substr(match.start, match.end - match.start);
  Validation validation = spec.validate(text);
  if (validation.verdict == Verdict::kReject) return;
  ScoreInput input{&spec, &spec.triggers[ref.trigger], &validation,
                   FindContext(unit, ref.detector, match.start, scratch),
                   options.min_confidence};
  Score score = ScoreCandidate(input);
  if (!score.keep) return;
  scratch.pending.push_back({match.start, match.end, ref.detector,
                             score.confidence, score.category,
                             std::move(validation.normalized),
                             std::move(score.explanation)});
}

Result<std::unique_ptr<const DetectorEngine>> DetectorEngine::Create(
    const DetectOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->specs = RegisteredDetectors();
  std::set<std::string_view> ids;
  std::vector<const Trigger*> triggers;
  for (uint32_t d = 0; d < impl->specs.size(); ++d) {
    const DetectorSpec& spec = *impl->specs[d];
    BS_RETURN_IF_ERROR(CheckSpec(spec, &ids));
    impl->infos.push_back({std::string(spec.id), std::string(spec.category),
                           std::string(spec.description)});
    for (uint32_t t = 0; t < spec.triggers.size(); ++t) {
      impl->triggers.push_back({d, t});
      triggers.push_back(&spec.triggers[t]);
    }
  }
  auto prefilter = Prefilter::Compile(std::move(triggers));
  if (!prefilter.ok()) return prefilter.status();
  impl->prefilter = std::move(prefilter).value();
  impl->contexts = std::make_unique<ContextIndex>(impl->specs);
  return std::unique_ptr<const DetectorEngine>(
      new DetectorEngine(std::move(impl)));
}

DetectorEngine::DetectorEngine(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

DetectorEngine::~DetectorEngine() = default;

std::unique_ptr<DetectorEngine::Scratch> DetectorEngine::NewScratch() const {
  auto scratch = std::make_unique<EngineScratch>();
  scratch->prefilter = impl_->prefilter->NewScratch();
  return scratch;
}

void DetectorEngine::ScanUnit(const TextUnit& unit, Scratch& base,
                              std::vector<Finding>* out) const {
  // NewScratch() is the only way to get a Scratch, so this is our type.
  auto& scratch = static_cast<EngineScratch&>(base);
  if (scratch.prefilter == nullptr) return;  // scratch allocation failed
  impl_->prefilter->Scan(unit.text, *scratch.prefilter, &scratch.matches);
  if (scratch.matches.empty()) return;
  scratch.pending.clear();
  for (const RawMatch& match : scratch.matches) {
    impl_->Evaluate(unit, match, scratch);
  }
  ResolveOverlaps(&scratch.pending);
  for (Pending& p : scratch.pending) {
    Finding& f = out->emplace_back();
    f.category = std::string(p.category);
    f.detector = std::string(impl_->specs[p.detector]->id);
    f.value = std::string(unit.text.substr(p.start, p.end - p.start));
    f.normalized = std::move(p.normalized);
    f.confidence = p.confidence;
    f.explanation = std::move(p.explanation);
    f.location = Location::FromUnit(unit, p.start);
  }
}

const std::vector<DetectorInfo>& DetectorEngine::detectors() const {
  return impl_->infos;
}

}  // namespace breachscope
