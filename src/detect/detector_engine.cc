#include "detect/detector_engine.h"

#include <algorithm>
#include <set>
#include <utility>

#include "common/categories.h"
#include "detect/analyzer_registry.h"
#include "detect/context.h"
#include "detect/context_index.h"
#include "detect/context_words.h"
#include "detect/detector_registry.h"
#include "detect/gated_prefilter.h"
#include "detect/scoring.h"
#include "detect/unit_cache.h"

namespace breachscope {
namespace {

// Which detector and trigger a prefilter pattern id stands for.
struct TriggerRef {
  uint32_t detector;
  uint32_t trigger;
};

// A scored candidate waiting for overlap resolution. `detector` orders ties:
// pattern detectors by registry index, analyzers after them.
struct Pending {
  uint32_t start;
  uint32_t end;
  uint32_t detector;
  double confidence;
  std::string_view category;
  std::string normalized;
  std::string explanation;
  std::string_view detector_id;
  Role role = Role::kUnknown;
  // Overlaps are resolved within a family: all pattern findings form one;
  // analyzer findings form one per category, so two analyzers proposing the
  // same drug in a medication cell give one finding, while a full address
  // (analyzer) and its postal code (pattern) both stay.
  std::string_view family;
};

// Longer wins, then higher confidence, then the detector registered first.
bool Better(const Pending& a, const Pending& b) {
  uint32_t la = a.end - a.start, lb = b.end - b.start;
  if (la != lb) return la > lb;
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.detector < b.detector;
}

// Of overlapping findings in one family (see Pending::family) only the best
// stays. Leaves them grouped by family, each group by position.
void ResolveOverlaps(std::vector<Pending>* pending, size_t from) {
  auto first = pending->begin() + from;
  std::sort(first, pending->end(), [](const Pending& a, const Pending& b) {
    if (a.family != b.family) return a.family < b.family;
    if (a.start != b.start) return a.start < b.start;
    return Better(a, b);
  });
  size_t kept = from;
  for (size_t i = from; i < pending->size(); ++i) {
    Pending& p = (*pending)[i];
    if (kept > from && p.start < (*pending)[kept - 1].end &&
        p.family == (*pending)[kept - 1].family) {
      if (Better(p, (*pending)[kept - 1])) (*pending)[kept - 1] = std::move(p);
      continue;
    }
    if (kept != i) (*pending)[kept] = std::move(p);
    ++kept;
  }
  pending->resize(kept);
}

// std::stable_sort, without its heap buffer for the few findings of most
// units (it took one on every call): an insertion sort, stable as well, so
// the order is the same.
template <typename Less>
void StableSort(std::vector<Pending>* pending, Less less) {
  constexpr size_t kInsertionMax = 32;
  std::vector<Pending>& v = *pending;
  if (v.size() > kInsertionMax) {
    std::stable_sort(v.begin(), v.end(), less);
    return;
  }
  for (size_t i = 1; i < v.size(); ++i) {
    if (!less(v[i], v[i - 1])) continue;
    Pending moving = std::move(v[i]);
    size_t j = i;
    do {
      v[j] = std::move(v[j - 1]);
      --j;
    } while (j > 0 && less(moving, v[j - 1]));
    v[j] = std::move(moving);
  }
}

// Location::FromUnit(unit, offset), written in place.
void SetLocation(const TextUnit& unit, uint32_t offset, Location* loc) {
  loc->kind = unit.kind;
  loc->record = unit.record;
  loc->column = unit.column;
  loc->label.assign(unit.label);
  loc->path.assign(unit.path);
  loc->table.assign(unit.table);
  loc->offset = unit.offset + offset;
}

// Pattern findings form one family whatever their detector.
constexpr std::string_view kPatternFamily = {};

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
  std::unique_ptr<GatedScratch> prefilter;
  std::unique_ptr<ContextWordsScratch> words;  // nullptr: no word filter
  ContextWordHits hits;   // of the current unit, once hits_ready
  bool filter = false;    // the current unit uses the word filter
  bool hits_ready = false;
  // Only words near a gated match can give it context (WantsGated).
  bool gated_near = false;
  std::vector<RawMatch> matches;
  std::vector<Pending> pending;
  std::vector<SetEvidence> evidence;
  std::string window;
  // Candidate start `window` was made for in the current unit, or -1: the
  // counter-word check and the context search of one candidate share it.
  int64_t window_at = -1;
  LabelCache labels;
  std::vector<PriorFinding> prior;
  std::vector<ProposedFinding> proposals;
  std::vector<std::unique_ptr<AnalyzerScratch>> analyzers;  // per analyzer
  UnitCache unit;  // shared by the analyzers, reset per unit

  void ForgetRecord() override {
    for (auto& analyzer : analyzers) {
      if (analyzer != nullptr) analyzer->ForgetRecord();
    }
  }
};

Status CheckAnalyzerInfo(const DetectorInfo& info,
                         std::set<std::string>* ids) {
  if (info.id.empty() || !IsCategoryId(info.category) ||
      !ids->insert(info.id).second) {
    return Internal("analyzer entry missing, repeated or of unknown "
                    "category: " + info.id);
  }
  return Status::Ok();
}

}  // namespace

struct DetectorEngine::Impl {
  DetectOptions options;
  std::vector<const DetectorSpec*> specs;  // enabled pattern detectors
  // Enabled analyzer detector ids; empty when every one is enabled.
  std::set<std::string, std::less<>> analyzer_filter;
  std::vector<DetectorInfo> infos;
  std::vector<TriggerRef> triggers;  // by trigger id
  std::unique_ptr<GatedPrefilter> prefilter;
  // Per context set (flattened over specs, as ContextIndex numbers them):
  // true when a label matching it may let a gated trigger count.
  std::vector<bool> gated_sets;
  // The indexes of the true entries of gated_sets: a unit's label is
  // checked against just these.
  std::vector<uint32_t> gated_set_ids;
  std::unique_ptr<ContextIndex> contexts;
  // Where context and counter words may stand; nullptr when unusable.
  std::unique_ptr<ContextWords> words;
  std::vector<const UnitAnalyzer*> analyzers;  // enabled analyzers

  Status AddPatternDetectors(const std::set<std::string_view>& only,
                             std::set<std::string>* ids,
                             std::vector<const Trigger*>* all_triggers);
  Status AddAnalyzers(const std::set<std::string_view>& only,
                      std::set<std::string>* ids);
  void RunAnalyzers(const TextUnit& unit,
                    const std::string_view* column_category,
                    EngineScratch& scratch) const;
  void Evaluate(const TextUnit& unit, const RawMatch& match,
                EngineScratch& scratch) const;
  bool HasCounterWord(const TextUnit& unit, const DetectorSpec& spec,
                      uint32_t start, EngineScratch& scratch) const;
  ContextHit FindContext(const TextUnit& unit, uint32_t detector,
                         uint32_t start, EngineScratch& scratch) const;
  std::vector<bool> GateTriggers();
  Status CompileWords();
  bool LabelWantsGated(const TextUnit& unit, EngineScratch& scratch) const;
  bool WantsGated(const TextUnit& unit, EngineScratch& scratch) const;
  // False when no context or counter word can stand in the window before
  // `start`, so the exact word search there would find nothing.
  bool MayHaveWordBefore(const TextUnit& unit, uint32_t start,
                         EngineScratch& scratch) const;
};

namespace {

// NearbyWindow(unit.text, start) in scratch.window, made once per start.
const std::string& WindowBefore(const TextUnit& unit, uint32_t start,
                                EngineScratch& scratch) {
  if (scratch.window_at != start) {
    NearbyWindow(unit.text, start, &scratch.window);
    scratch.window_at = start;
  }
  return scratch.window;
}

bool HasLetter(std::string_view text) {
  for (unsigned char c : text) {
    if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80) return true;
  }
  return false;
}

// True when every context word of `spec` has a letter once normalised, so
// none can stand in a text without letters.
bool WordsHaveLetters(const DetectorSpec& spec) {
  for (const ContextSet& set : spec.contexts) {
    for (std::string_view word : set.words) {
      if (!HasLetter(Normalize(word))) return false;
    }
  }
  return true;
}

// True when a match of `t` can be kept only with context: scoring.cc drops
// it without (NeedsContext), or its base confidence, even with the
// validator's confirmed boost, stays under `min_confidence` (a bare record
// number scores 0.42). ScoreCandidate's own arithmetic, so the two agree to
// the bit.
bool CountsOnlyWithContext(const DetectorSpec& spec, const Trigger& t,
                           double min_confidence) {
  if (spec.requires_context || t.needs != TriggerNeeds::kDefault) return true;
  double best = t.confidence;
  best += kConfirmedBoost;
  return std::clamp(best, 0.0, kMaxConfidence) < min_confidence;
}

}  // namespace

// Per trigger id: true for triggers that count only with context
// (CountsOnlyWithContext) of detectors whose context words all have
// letters. Fills gated_sets for the context sets of those detectors.
std::vector<bool> DetectorEngine::Impl::GateTriggers() {
  std::vector<bool> gated;
  gated_sets.clear();
  for (const DetectorSpec* spec : specs) {
    const bool words_ok = WordsHaveLetters(*spec);
    bool any = false;
    for (const Trigger& t : spec->triggers) {
      bool needs = CountsOnlyWithContext(*spec, t, options.min_confidence);
      gated.push_back(words_ok && needs);
      any = any || gated.back();
    }
    gated_sets.insert(gated_sets.end(), spec->contexts.size(), any);
  }
  gated_set_ids.clear();
  for (uint32_t i = 0; i < gated_sets.size(); ++i) {
    if (gated_sets[i]) gated_set_ids.push_back(i);
  }
  return gated;
}

// Units this long are worth a pass of the context-word database: in
// shorter ones (table cells, most fields) the window is the whole unit and
// the word search is cheaper than another Vectorscan call.
constexpr size_t kWordFilterMinBytes = 128;

// Every context word (of gated detectors: gating) and counter word, for the
// ContextWords filter.
Status DetectorEngine::Impl::CompileWords() {
  std::vector<ContextWords::Word> all;
  size_t set = 0;
  for (const DetectorSpec* spec : specs) {
    for (const ContextSet& context : spec->contexts) {
      for (std::string_view word : context.words) {
        all.push_back({word, gated_sets[set]});
      }
      ++set;
    }
    for (std::string_view word : spec->counter_words) {
      all.push_back({word, false});
    }
  }
  if (all.empty()) return Status::Ok();
  auto compiled = ContextWords::Compile(all, options.cache_dir);
  if (!compiled.ok()) return compiled.status();
  words = std::move(compiled).value();
  return Status::Ok();
}

bool DetectorEngine::Impl::LabelWantsGated(const TextUnit& unit,
                                           EngineScratch& scratch) const {
  if (unit.label.empty()) return false;
  const LabelMatches& label =
      scratch.labels.Get(*contexts, unit.label, unit.kind, unit.column);
  for (uint32_t i : gated_set_ids) {
    if (i < label.size() && !label[i].empty()) return true;
  }
  return false;
}

// A gated trigger can count only if its label matches a context set of a
// gated detector, or a context word of one may stand near it: the unit has
// letters and, when the word filter is on, such a word occurs in the unit.
// In that last case only the words can give a gated match context, so
// scratch.gated_near is set: matches whose start has no word before it
// need not be located at all.
bool DetectorEngine::Impl::WantsGated(const TextUnit& unit,
                                      EngineScratch& scratch) const {
  scratch.gated_near = false;
  if (LabelWantsGated(unit, scratch)) return true;
  if (!HasLetter(unit.text)) return false;
  if (!scratch.filter) return true;
  words->Scan(unit.text, *scratch.words, &scratch.hits);
  scratch.hits_ready = true;
  scratch.gated_near = scratch.hits.gating;
  return scratch.hits.gating;
}

bool DetectorEngine::Impl::MayHaveWordBefore(const TextUnit& unit,
                                             uint32_t start,
                                             EngineScratch& scratch) const {
  if (!scratch.filter) return true;
  if (!scratch.hits_ready) {
    words->Scan(unit.text, *scratch.words, &scratch.hits);
    scratch.hits_ready = true;
  }
  return scratch.hits.AnyBefore(start, kNearbyWindow);
}

ContextHit DetectorEngine::Impl::FindContext(const TextUnit& unit,
                                             uint32_t detector, uint32_t start,
                                             EngineScratch& scratch) const {
  if (!contexts->HasContext(detector)) return {};
  const LabelMatches& label =
      scratch.labels.Get(*contexts, unit.label, unit.kind, unit.column);
  if (MayHaveWordBefore(unit, start, scratch)) {
    contexts->Evidence(detector, label, WindowBefore(unit, start, scratch),
                       &scratch.evidence);
  } else {
    contexts->Evidence(detector, label, {}, &scratch.evidence);  // label only
  }
  return ChooseContext(scratch.evidence);
}

// True when a counter word of `spec` stands in the window before `start`.
bool DetectorEngine::Impl::HasCounterWord(const TextUnit& unit,
                                          const DetectorSpec& spec,
                                          uint32_t start,
                                          EngineScratch& scratch) const {
  if (spec.counter_words.empty()) return false;
  if (!MayHaveWordBefore(unit, start, scratch)) return false;
  const std::string& window = WindowBefore(unit, start, scratch);
  for (std::string_view word : spec.counter_words) {
    if (FindLastWord(window, word) >= 0) return true;
  }
  return false;
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
  if (HasCounterWord(unit, spec, match.start, scratch)) return;
  ScoreInput input{&spec, &spec.triggers[ref.trigger], &validation,
                   FindContext(unit, ref.detector, match.start, scratch),
                   options.min_confidence};
  Score score = ScoreCandidate(input);
  if (!score.keep) return;
  scratch.pending.push_back({match.start, match.end, ref.detector,
                             score.confidence, score.category,
                             std::move(validation.normalized),
                             std::move(score.explanation), {}, Role::kUnknown,
                             kPatternFamily});
}

// Hands the resolved pattern findings to each analyzer and queues its
// proposals. Analyzers run on every unit, so their no-proposal path must be
// cheap; nothing here allocates once the scratch buffers have grown.
void DetectorEngine::Impl::RunAnalyzers(
    const TextUnit& unit, const std::string_view* column_category,
    EngineScratch& scratch) const {
  scratch.prior.clear();
  for (const Pending& p : scratch.pending) {
    scratch.prior.push_back({p.start, p.end, p.category});
  }
  scratch.unit.Reset(unit);
  const uint32_t first_id = static_cast<uint32_t>(specs.size());
  for (uint32_t a = 0; a < analyzers.size(); ++a) {
    scratch.proposals.clear();
    AnalyzerScratch* own = scratch.analyzers[a].get();
    if (column_category != nullptr) {
      analyzers[a]->AnalyzeCell(unit, *column_category, scratch.prior, own,
                                &scratch.proposals);
    } else {
      analyzers[a]->Analyze(unit, scratch.prior, own, &scratch.proposals);
    }
    for (ProposedFinding& f : scratch.proposals) {
      if (f.start >= f.end || f.end > unit.text.size() ||
          f.confidence < options.min_confidence) {
        continue;
      }
      if (!analyzer_filter.empty() && !analyzer_filter.contains(f.detector)) {
        continue;
      }
      scratch.pending.push_back({f.start, f.end, first_id + a, f.confidence,
                                 f.category, std::move(f.normalized),
                                 std::move(f.explanation), f.detector,
                                 f.role, f.category});
    }
  }
}

namespace {

// True when detector `id` is to run: no selection, or selected.
bool Wanted(const std::set<std::string_view>& only, std::string_view id) {
  return only.empty() || only.contains(id);
}

}  // namespace

Status DetectorEngine::Impl::AddPatternDetectors(
    const std::set<std::string_view>& only, std::set<std::string>* ids,
    std::vector<const Trigger*>* all_triggers) {
  std::set<std::string_view> seen;
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    BS_RETURN_IF_ERROR(CheckSpec(*spec, &seen));
    ids->insert(std::string(spec->id));
    if (!Wanted(only, spec->id)) continue;
    const uint32_t d = static_cast<uint32_t>(specs.size());
    specs.push_back(spec);
    infos.push_back({std::string(spec->id), std::string(spec->category),
                     std::string(spec->description)});
    for (uint32_t t = 0; t < spec->triggers.size(); ++t) {
      triggers.push_back({d, t});
      all_triggers->push_back(&spec->triggers[t]);
    }
  }
  return Status::Ok();
}

Status DetectorEngine::Impl::AddAnalyzers(
    const std::set<std::string_view>& only, std::set<std::string>* ids) {
  for (const UnitAnalyzer* analyzer : RegisteredAnalyzers()) {
    bool enabled = false;
    for (DetectorInfo& info : analyzer->Describe()) {
      BS_RETURN_IF_ERROR(CheckAnalyzerInfo(info, ids));
      if (!Wanted(only, info.id)) continue;
      enabled = true;
      if (!only.empty()) analyzer_filter.insert(info.id);
      info.analyzer = true;
      infos.push_back(std::move(info));
    }
    if (enabled) analyzers.push_back(analyzer);
  }
  return Status::Ok();
}

Result<std::unique_ptr<const DetectorEngine>> DetectorEngine::Create(
    const DetectOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::set<std::string_view> only(options.only_detectors.begin(),
                                  options.only_detectors.end());
  std::set<std::string> ids;
  std::vector<const Trigger*> triggers;
  BS_RETURN_IF_ERROR(impl->AddPatternDetectors(only, &ids, &triggers));
  BS_RETURN_IF_ERROR(impl->AddAnalyzers(only, &ids));
  for (std::string_view id : only) {
    if (!ids.contains(std::string(id))) {
      return InvalidArgument("unknown detector '" + std::string(id) +
                             "' (see `breachscope detectors list`)");
    }
  }
  // A selection of analyzers only has no triggers, and Vectorscan cannot
  // compile an empty database: then there is no prefilter at all.
  if (!triggers.empty()) {
    auto prefilter =
        GatedPrefilter::Compile(triggers, impl->GateTriggers(),
                                options.cache_dir);
    if (!prefilter.ok()) return prefilter.status();
    impl->prefilter = std::move(prefilter).value();
    BS_RETURN_IF_ERROR(impl->CompileWords());  // needs gated_sets
  }
  impl->contexts = std::make_unique<ContextIndex>(impl->specs);
  return std::unique_ptr<const DetectorEngine>(
      new DetectorEngine(std::move(impl)));
}

DetectorEngine::DetectorEngine(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

DetectorEngine::~DetectorEngine() = default;

std::unique_ptr<DetectorEngine::Scratch> DetectorEngine::NewScratch() const {
  auto scratch = std::make_unique<EngineScratch>();
  if (impl_->prefilter != nullptr) {
    scratch->prefilter = impl_->prefilter->NewScratch();
  }
  if (impl_->words != nullptr) scratch->words = impl_->words->NewScratch();
  for (const UnitAnalyzer* analyzer : impl_->analyzers) {
    scratch->analyzers.push_back(analyzer->NewScratch());
    if (scratch->analyzers.back() != nullptr) {
      scratch->analyzers.back()->unit = &scratch->unit;
    }
  }
  return scratch;
}

void DetectorEngine::ScanUnit(const TextUnit& unit, Scratch& scratch,
                              std::vector<Finding>* out) const {
  Scan(unit, nullptr, true, scratch, out);
}

void DetectorEngine::ScanPatterns(const TextUnit& unit, Scratch& scratch,
                                  std::vector<Finding>* out) const {
  Scan(unit, nullptr, false, scratch, out);
}

void DetectorEngine::ScanCell(const TextUnit& unit,
                              std::string_view column_category,
                              Scratch& scratch,
                              std::vector<Finding>* out) const {
  Scan(unit, &column_category, true, scratch, out);
}

// `analyzers` false stops after the pattern findings: analyzers never
// suppress them (another family), so those come out as with analyzers.
void DetectorEngine::Scan(const TextUnit& unit,
                          const std::string_view* column_category,
                          bool analyzers, Scratch& base,
                          std::vector<Finding>* out) const {
  // NewScratch() is the only way to get a Scratch, so this is our type.
  auto& scratch = static_cast<EngineScratch&>(base);
  scratch.pending.clear();
  scratch.filter = scratch.words != nullptr &&
                   unit.text.size() >= kWordFilterMinBytes;
  scratch.hits_ready = false;
  scratch.window_at = -1;
  if (impl_->prefilter != nullptr) {
    if (scratch.prefilter == nullptr) return;  // scratch allocation failed
    const bool with_gated = impl_->WantsGated(unit, scratch);
    // The words' window before a start is the one FindContext searches.
    const NearWords near{scratch.hits.ends, kNearbyWindow};
    impl_->prefilter->Scan(unit.text, with_gated, *scratch.prefilter,
                           &scratch.matches,
                           scratch.gated_near ? &near : nullptr);
    for (const RawMatch& match : scratch.matches) {
      impl_->Evaluate(unit, match, scratch);
    }
  }
  ResolveOverlaps(&scratch.pending, 0);
  const size_t patterns = scratch.pending.size();
  if (analyzers) impl_->RunAnalyzers(unit, column_category, scratch);
  if (scratch.pending.empty()) return;
  ResolveOverlaps(&scratch.pending, patterns);
  // By position; at equal positions pattern findings, then analyzers in
  // registry order.
  StableSort(&scratch.pending, [](const Pending& a, const Pending& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.detector < b.detector;
  });
  // Each string is written once into the new finding, without temporaries
  // (this runs for every finding of the scan).
  for (Pending& p : scratch.pending) {
    Finding& f = out->emplace_back();
    f.category.assign(p.category);
    f.detector.assign(p.detector < impl_->specs.size()
                          ? impl_->specs[p.detector]->id
                          : p.detector_id);
    f.role = p.role;
    f.value.assign(unit.text.substr(p.start, p.end - p.start));
    f.normalized = std::move(p.normalized);
    f.confidence = p.confidence;
    f.explanation = std::move(p.explanation);
    SetLocation(unit, p.start, &f.location);
  }
}

const std::vector<DetectorInfo>& DetectorEngine::detectors() const {
  return impl_->infos;
}

}  // namespace breachscope
