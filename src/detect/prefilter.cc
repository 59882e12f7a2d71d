#include "detect/prefilter.h"

#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>
#include <string>
#include <tuple>

#include "detect/context.h"
#include "detect/prefilter_cache.h"

namespace breachscope {
namespace {

// What the match callbacks need.
struct ScanContext {
  std::string_view text;  // the whole unit
  uint32_t base;          // offset of the scanned region in text
  const std::vector<const Trigger*>* triggers;
  const std::vector<std::vector<uint32_t>>* members;  // per pattern
  std::vector<RawMatch>* out;
  // First pass with a NearWords filter: per pattern, how far back from an
  // end its start may lie (0: the pattern keeps every end).
  const NearWords* near = nullptr;
  const std::vector<uint32_t>* near_widths = nullptr;
};

// True when a word of `near` ends in [end - reach, end]: some start of a
// match ending at `end` may then have a word in its window.
bool WordNear(const NearWords& near, uint64_t reach, uint64_t end) {
  const uint64_t from = end > reach ? end - reach : 0;
  auto it = std::lower_bound(near.ends.begin(), near.ends.end(), from);
  return it != near.ends.end() && *it <= end;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool CleanBefore(std::string_view text, const Trigger& t, size_t start) {
  if (start == 0) return true;
  char before = text[start - 1];
  return !IsWordByte(static_cast<unsigned char>(before)) &&
         t.not_after.find(before) == std::string_view::npos;
}

bool CleanAfter(std::string_view text, const Trigger& t, size_t end) {
  if (end >= text.size()) return true;
  char after = text[end];
  if (!IsWordByte(static_cast<unsigned char>(after))) return true;
  return t.time_may_follow && after == 'T' && end + 1 < text.size() &&
         IsDigit(text[end + 1]);
}

// Appends [start, end) for every trigger of a pattern whose boundaries it
// satisfies.
void Emit(const ScanContext& ctx, unsigned int pattern, size_t start,
          size_t end) {
  for (uint32_t id : (*ctx.members)[pattern]) {
    const Trigger& t = *(*ctx.triggers)[id];
    if (CleanBefore(ctx.text, t, start) && CleanAfter(ctx.text, t, end)) {
      ctx.out->push_back(
          {id, static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    }
  }
}

// First pass: ends only; a match that cannot end cleanly is of no use. The
// triggers of one pattern share time_may_follow, so the first one decides.
int OnEnd(unsigned int id, unsigned long long /*from*/, unsigned long long to,
          unsigned int /*flags*/, void* user) {
  auto* ctx = static_cast<ScanContext*>(user);
  const Trigger& t = *(*ctx->triggers)[(*ctx->members)[id][0]];
  const uint64_t end = ctx->base + to;  // in the whole unit
  if (ctx->near != nullptr) {
    const uint64_t width = (*ctx->near_widths)[id];
    if (width > 0 && !WordNear(*ctx->near, width + ctx->near->window, end)) {
      return 0;  // no start of this end can have a word before it
    }
  }
  if (CleanAfter(ctx->text, t, end)) {
    ctx->out->push_back({id, 0, static_cast<uint32_t>(end)});
  }
  return 0;
}

// Second pass: leftmost starts inside one region.
int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
            unsigned int /*flags*/, void* user) {
  auto* ctx = static_cast<ScanContext*>(user);
  Emit(*ctx, id, ctx->base + from, ctx->base + to);
  return 0;
}

// Keeps, per (id, start), the longest end.
void KeepLongest(std::vector<RawMatch>* matches) {
  std::sort(matches->begin(), matches->end(),
            [](const RawMatch& a, const RawMatch& b) {
              if (a.id != b.id) return a.id < b.id;
              if (a.start != b.start) return a.start < b.start;
              return a.end > b.end;
            });
  auto last = std::unique(matches->begin(), matches->end(),
                          [](const RawMatch& a, const RawMatch& b) {
                            return a.id == b.id && a.start == b.start;
                          });
  matches->erase(last, matches->end());
}

unsigned int CaseFlag(const Trigger& t) {
  return t.caseless ? HS_FLAG_CASELESS : 0u;
}


// True for "^X" and "^X$" where X has no anchor, assertion or alternation:
// every match then starts at 0.
bool AnchoredAtStart(std::string_view pattern) {
  if (!pattern.starts_with('^')) return false;
  pattern.remove_prefix(1);
  if (pattern.ends_with('$') && !pattern.ends_with("\\$")) {
    pattern.remove_suffix(1);
  }
  return !MayAssert(pattern) && pattern.find('|') == std::string_view::npos;
}

// A match is kept only when no letter, digit or byte of a non-ASCII
// character stands right before it (CleanBefore), so the first pass of a
// pattern whose start follows from its end (fixed width, or the leftmost
// start of a shared region that reaches back its full width) may leave out
// every end that no such start can have: the pattern behind a byte that is
// none of those, or at the text's start. That pass then drops the ends
// inside hexadecimal ids, words and long numbers, and Vectorscan runs it
// faster on logs and source code (the ungated patterns alone over a 29 MB
// log, 104 -> 81 ms; over 19 MB of source, 49 -> 32 ms).
// What remains is found as before: a kept end's region and start are
// those of the plain pattern, and a dropped end's leftmost start, the only
// one the second pass reports, is not clean. In a stretch of text `^` is
// the stretch's start, which only keeps more ends. Patterns with their own
// database are left as they are: their regions, and so their starts,
// depend on which ends there are.
constexpr std::string_view kCleanStart = "(?:^|[^A-Za-z0-9\\x80-\\xFF])(?:";

Status CompileError(hs_compile_error_t* error, std::string_view name) {
  std::string message = "prefilter: " + std::string(error->message);
  if (!name.empty()) message += " (trigger " + std::string(name) + ")";
  hs_free_compile_error(error);
  return Internal(message);
}

// Some of a prefilter's patterns, as Vectorscan compiles them: expression,
// flags and id, side by side.
struct PatternSubset {
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags, ids;

  void Add(const char* expression, unsigned int flag, unsigned int id) {
    expressions.push_back(expression);
    flags.push_back(flag);
    ids.push_back(id);
  }
  bool empty() const { return expressions.empty(); }
  Status Compile(const std::string& cache_dir, hs_database** out) const {
    return CompileCached(expressions, flags, ids, cache_dir, {}, out);
  }
};

}  // namespace

bool MayAssert(std::string_view pattern) {
  if (pattern.find_first_of("^$") != std::string_view::npos) return true;
  if (pattern.find("(?") != std::string_view::npos) return true;
  for (size_t i = pattern.find('\\'); i != std::string_view::npos;
       i = pattern.find('\\', i + 2)) {
    if (i + 1 < pattern.size() &&
        std::string_view("bBAzZG").find(pattern[i + 1]) !=
            std::string_view::npos) {
      return true;
    }
  }
  return false;
}

PrefilterScratch::~PrefilterScratch() {
  if (scratch_ != nullptr) hs_free_scratch(scratch_);
}

Prefilter::~Prefilter() {
  if (end_database_ != nullptr) hs_free_database(end_database_);
  if (shared_database_ != nullptr) hs_free_database(shared_database_);
  if (small_database_ != nullptr) hs_free_database(small_database_);
  if (near_database_ != nullptr) hs_free_database(near_database_);
  if (rest_database_ != nullptr) hs_free_database(rest_database_);
  if (unlabelled_database_ != nullptr) hs_free_database(unlabelled_database_);
  for (const Pattern& p : patterns_) {
    if (p.own != nullptr) hs_free_database(p.own);
  }
}

Result<std::unique_ptr<Prefilter>> Prefilter::Compile(
    std::vector<const Trigger*> triggers, const std::string& cache_dir,
    Mode mode) {
  std::unique_ptr<Prefilter> prefilter(new Prefilter());
  prefilter->triggers_ = std::move(triggers);
  prefilter->cache_dir_ = cache_dir;
  Status status = prefilter->Build(mode);
  if (!status.ok()) return status;
  return prefilter;
}

// Measures the trigger's pattern and decides how its starts are found.
Status Prefilter::Classify(const Trigger& t, Pattern* pattern) {
  std::string expression(t.pattern);
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_expression_info(expression.c_str(), CaseFlag(t), &info, &error) !=
      HS_SUCCESS) {
    return CompileError(error, t.name);
  }
  min_length_ = std::min<size_t>(min_length_, info->min_width);
  const uint32_t min_width = info->min_width, max_width = info->max_width;
  std::free(info);  // allocated by Vectorscan's default allocator
  const bool bounded = max_width != UINT_MAX &&
                       (t.max_length == 0 || t.max_length >= max_width);
  pattern->width = t.max_length > 0 ? t.max_length : max_width;
  if (pattern->width == UINT_MAX) {
    return Internal("trigger " + std::string(t.name) +
                    " is unbounded and sets no max_length");
  }
  if (!bounded) {
    pattern->start_by = StartBy::kOwn;  // starts depend on region edges
  } else if (AnchoredAtStart(t.pattern)) {
    pattern->start_by = StartBy::kZero;
  } else if (MayAssert(t.pattern)) {
    pattern->start_by = StartBy::kOwn;
  } else if (min_width == max_width) {
    pattern->start_by = StartBy::kWidth;
    pattern->width = max_width;
  } else {
    pattern->start_by = StartBy::kShared;
    pattern->width = max_width;
  }
  return Status::Ok();
}

Status Prefilter::Build(Mode mode) {
  if (triggers_.empty()) return InvalidArgument("no detector triggers");
  min_length_ = SIZE_MAX;
  // Triggers with one expression share one pattern (several provinces use
  // the same digit shape), so each shape is matched and located once.
  using Key = std::tuple<std::string_view, bool, uint32_t, bool>;
  std::map<Key, uint32_t> by_key;
  std::vector<std::string> expressions;  // NUL-terminated, per pattern
  std::vector<unsigned int> flags, ids;
  for (uint32_t i = 0; i < triggers_.size(); ++i) {
    const Trigger& t = *triggers_[i];
    Key key{t.pattern, t.caseless, t.max_length, t.time_may_follow};
    auto [it, added] = by_key.emplace(key, patterns_.size());
    if (added) {
      patterns_.emplace_back();
      BS_RETURN_IF_ERROR(Classify(t, &patterns_.back()));
      members_.emplace_back();
      expressions.emplace_back(t.pattern);
      flags.push_back(CaseFlag(t));
      ids.push_back(static_cast<unsigned int>(ids.size()));
    }
    members_[it->second].push_back(i);
  }
  // How far back a start may lie, for the NearWords filter; kOwn patterns
  // keep every end (0).
  for (const Pattern& p : patterns_) {
    near_widths_.push_back(p.start_by == StartBy::kOwn ? 0u : p.width);
  }
  std::vector<const char*> all;
  for (const std::string& e : expressions) all.push_back(e.c_str());
  if (mode == Mode::kShort) return BuildSmall(all, flags, ids);
  // The first pass looks for ends only; see EndExpression.
  std::vector<std::string> end_expressions;
  for (size_t i = 0; i < patterns_.size(); ++i) {
    end_expressions.push_back(EndExpression(all[i], patterns_[i].start_by));
  }
  std::vector<const char*> ends;
  for (const std::string& e : end_expressions) ends.push_back(e.c_str());
  BS_RETURN_IF_ERROR(
      CompileCached(ends, flags, ids, cache_dir_, {}, &end_database_));
  PatternSubset shared;
  for (size_t i = 0; i < patterns_.size(); ++i) {
    unsigned int som_flags = flags[i] | HS_FLAG_SOM_LEFTMOST;
    if (patterns_[i].start_by == StartBy::kShared) {
      shared.Add(all[i], som_flags, ids[i]);
    } else if (patterns_[i].start_by == StartBy::kOwn) {
      BS_RETURN_IF_ERROR(CompileCached(
          {all[i]}, {som_flags}, {ids[i]}, cache_dir_,
          std::string(triggers_[members_[i][0]]->name), &patterns_[i].own));
    }
  }
  if (!shared.empty()) {
    BS_RETURN_IF_ERROR(shared.Compile(cache_dir_, &shared_database_));
  }
  if (mode == Mode::kNear) return BuildNear(ends, flags, ids);
  return Status::Ok();
}

std::string Prefilter::EndExpression(std::string_view pattern, StartBy by) {
  if (by != StartBy::kWidth && by != StartBy::kShared) {
    return std::string(pattern);
  }
  std::string out(kCleanStart);
  out.append(pattern).push_back(')');
  return out;
}

bool Prefilter::LabelOnly(size_t pattern) const {
  for (uint32_t id : members_[pattern]) {
    if (triggers_[id]->needs != TriggerNeeds::kLabel) return false;
  }
  return true;
}

// The first-pass databases of Mode::kNear: patterns whose starts follow
// from their width or the shared SOM database have no assertion or anchor,
// so a stretch of text holding a match finds its end as the whole text
// does; the others keep a database of their own for the whole text.
Status Prefilter::BuildNear(const std::vector<const char*>& expressions,
                            const std::vector<unsigned int>& flags,
                            const std::vector<unsigned int>& ids) {
  near_mode_ = true;
  PatternSubset near, rest, unlabelled;
  bool label_only = false;
  for (size_t i = 0; i < patterns_.size(); ++i) {
    if (LabelOnly(i)) {
      label_only = true;
      continue;
    }
    unlabelled.Add(expressions[i], flags[i], ids[i]);
    const StartBy by = patterns_[i].start_by;
    if (by == StartBy::kWidth || by == StartBy::kShared) {
      near.Add(expressions[i], flags[i], ids[i]);
      near_width_ = std::max(near_width_, patterns_[i].width);
    } else {
      rest.Add(expressions[i], flags[i], ids[i]);
    }
  }
  if (label_only && !unlabelled.empty()) {
    BS_RETURN_IF_ERROR(unlabelled.Compile(cache_dir_, &unlabelled_database_));
  }
  // nullptr when every pattern is label-only: nothing to look for.
  whole_near_ = label_only ? unlabelled_database_ : end_database_;
  if (near.empty()) return Status::Ok();  // Scan reads the whole text
  BS_RETURN_IF_ERROR(near.Compile(cache_dir_, &near_database_));
  if (rest.empty()) return Status::Ok();
  return rest.Compile(cache_dir_, &rest_database_);
}

// The one-pass database for short units. A unit no longer than an
// own-database pattern's width has all that pattern's regions starting at
// 0, so a SOM scan of the whole unit finds what the regions would. Own
// patterns narrower than kSmallUnitBytes (phone numbers cut at 28 bytes)
// keep their two passes instead, over a database of just them, which is
// cheap to call. If Vectorscan cannot build it, short_max() is 0 and
// callers use a Mode::kFull prefilter.
Status Prefilter::BuildSmall(const std::vector<const char*>& expressions,
                             const std::vector<unsigned int>& flags,
                             const std::vector<unsigned int>& ids) {
  PatternSubset wide, narrow;
  for (size_t i = 0; i < patterns_.size(); ++i) {
    if (patterns_[i].start_by == StartBy::kOwn &&
        patterns_[i].width < kSmallUnitBytes) {
      narrow.Add(expressions[i], flags[i], ids[i]);
    } else {
      wide.Add(expressions[i], flags[i] | HS_FLAG_SOM_LEFTMOST, ids[i]);
    }
  }
  bool ok = !wide.empty() && wide.Compile(cache_dir_, &small_database_).ok();
  if (ok && !narrow.empty()) {
    ok = narrow.Compile(cache_dir_, &end_database_).ok();
    for (size_t i = 0; ok && i < patterns_.size(); ++i) {
      if (patterns_[i].start_by != StartBy::kOwn ||
          patterns_[i].width >= kSmallUnitBytes) {
        continue;
      }
      ok = CompileCached({expressions[i]}, {flags[i] | HS_FLAG_SOM_LEFTMOST},
                         {ids[i]}, cache_dir_,
                         std::string(triggers_[members_[i][0]]->name),
                         &patterns_[i].own)
               .ok();
    }
  }
  if (ok) small_max_ = kSmallUnitBytes;
  return Status::Ok();  // !ok: short_max() stays 0, callers go the long way
}

std::unique_ptr<PrefilterScratch> Prefilter::NewScratch() const {
  auto scratch = std::unique_ptr<PrefilterScratch>(new PrefilterScratch());
  if (end_database_ != nullptr &&
      hs_alloc_scratch(end_database_, &scratch->scratch_) != HS_SUCCESS) {
    return nullptr;
  }
  if (shared_database_ != nullptr &&
      hs_alloc_scratch(shared_database_, &scratch->scratch_) != HS_SUCCESS) {
    return nullptr;
  }
  if (small_database_ != nullptr &&
      hs_alloc_scratch(small_database_, &scratch->scratch_) != HS_SUCCESS) {
    return nullptr;
  }
  for (hs_database* db :
       {near_database_, rest_database_, unlabelled_database_}) {
    if (db != nullptr &&
        hs_alloc_scratch(db, &scratch->scratch_) != HS_SUCCESS) {
      return nullptr;
    }
  }
  for (const Pattern& p : patterns_) {
    if (p.own != nullptr &&
        hs_alloc_scratch(p.own, &scratch->scratch_) != HS_SUCCESS) {
      return nullptr;
    }
  }
  return scratch;
}

// Emits the matches whose start follows from their end, and gathers the
// regions of the others: [end - width, end] merged per own-database pattern,
// and merged across all shared-database patterns.
void Prefilter::FindRegions(std::string_view text, PrefilterScratch& scratch,
                            std::vector<RawMatch>* out) const {
  std::vector<RawMatch>& ends = scratch.ends;
  std::sort(ends.begin(), ends.end(), [](const RawMatch& a, const RawMatch& b) {
    return a.id != b.id ? a.id < b.id : a.end < b.end;
  });
  scratch.regions.clear();
  scratch.shared.clear();
  ScanContext ctx{text, 0, &triggers_, &members_, out};
  for (const RawMatch& m : ends) {
    const Pattern& p = patterns_[m.id];
    uint32_t begin = m.end > p.width ? m.end - p.width : 0;
    switch (p.start_by) {
      case StartBy::kWidth:
        Emit(ctx, m.id, begin, m.end);
        continue;
      case StartBy::kZero:
        Emit(ctx, m.id, 0, m.end);
        continue;
      case StartBy::kShared:
        scratch.shared.push_back({m.id, begin, m.end});
        continue;
      case StartBy::kOwn:
        break;
    }
    PrefilterScratch::Region* last =
        scratch.regions.empty() ? nullptr : &scratch.regions.back();
    if (last != nullptr && last->id == m.id && begin <= last->end) {
      last->end = std::max(last->end, m.end);
    } else {
      scratch.regions.push_back({m.id, begin, m.end});
    }
  }
  std::vector<PrefilterScratch::Region>& shared = scratch.shared;
  std::sort(shared.begin(), shared.end(),
            [](const PrefilterScratch::Region& a,
               const PrefilterScratch::Region& b) { return a.begin < b.begin; });
  size_t kept = 0;
  for (const PrefilterScratch::Region& r : shared) {
    if (kept > 0 && r.begin <= shared[kept - 1].end) {
      shared[kept - 1].end = std::max(shared[kept - 1].end, r.end);
    } else {
      shared[kept++] = r;
    }
  }
  shared.resize(kept);
}

// A match whose start has a word end e at most near.window before it lies
// in [e, e + window + near_width_]; those stretches, merged when they
// touch or nearly do (one call per stretch costs more than a few bytes),
// are all the near database reads.
bool Prefilter::FindEndsNear(std::string_view text, const NearWords& near,
                             PrefilterScratch& scratch) const {
  constexpr uint64_t kJoinGap = 64;
  std::vector<PrefilterScratch::Region>& stretches = scratch.stretches;
  stretches.clear();
  const uint64_t reach = uint64_t{near.window} + near_width_;
  for (uint32_t e : near.ends) {
    if (e >= text.size()) break;  // ascending; no match starts at the end
    const uint32_t end =
        static_cast<uint32_t>(std::min<uint64_t>(text.size(), e + reach));
    if (!stretches.empty() && e <= stretches.back().end + kJoinGap) {
      stretches.back().end = std::max(stretches.back().end, end);
    } else {
      stretches.push_back({0, e, end});
    }
  }
  uint64_t covered = 0;
  for (const PrefilterScratch::Region& r : stretches) {
    covered += r.end - r.begin;
  }
  if (covered * 2 > text.size()) return false;  // the whole text is cheaper
  ScanContext ctx{text, 0, &triggers_, &members_, &scratch.ends};
  ctx.near = &near;
  ctx.near_widths = &near_widths_;
  if (rest_database_ != nullptr) {
    hs_scan(rest_database_, text.data(),
            static_cast<unsigned int>(text.size()), 0, scratch.scratch_,
            OnEnd, &ctx);
  }
  for (const PrefilterScratch::Region& r : stretches) {
    ctx.base = r.begin;
    hs_scan(near_database_, text.data() + r.begin, r.end - r.begin, 0,
            scratch.scratch_, OnEnd, &ctx);
  }
  return true;
}

void Prefilter::Scan(std::string_view text, PrefilterScratch& scratch,
                     std::vector<RawMatch>* out, const NearWords* near) const {
  out->clear();
  if (text.size() < min_length_) return;
  if (text.size() > UINT_MAX) text = text.substr(0, UINT_MAX);
  if (small_max_ > 0) {  // Mode::kShort: the wide patterns in one pass
    if (text.size() > small_max_) return;  // a caller's mistake
    ScanContext ctx{text, 0, &triggers_, &members_, out};
    hs_scan(small_database_, text.data(), static_cast<unsigned int>(text.size()),
            0, scratch.scratch_, OnMatch, &ctx);
  } else if (small_database_ != nullptr) {
    return;  // kShort that could not build
  }
  // Two passes: every pattern (kFull) or the narrow own ones (kShort).
  scratch.regions.clear();
  scratch.shared.clear();
  if (end_database_ != nullptr) {
    scratch.ends.clear();
    ScanContext ends{text, 0, &triggers_, &members_, &scratch.ends};
    if (near != nullptr && small_max_ == 0) {
      ends.near = near;
      ends.near_widths = &near_widths_;
    }
    // Mode::kNear with words: the patterns that may count without a label.
    hs_database* whole =
        ends.near != nullptr && near_mode_ ? whole_near_ : end_database_;
    if ((ends.near == nullptr || near_database_ == nullptr ||
         !FindEndsNear(text, *near, scratch)) &&
        whole != nullptr) {
      hs_scan(whole, text.data(), static_cast<unsigned int>(text.size()), 0,
              scratch.scratch_, OnEnd, &ends);
    }
    if (!scratch.ends.empty()) FindRegions(text, scratch, out);
  }
  for (const PrefilterScratch::Region& r : scratch.shared) {
    ScanContext ctx{text, r.begin, &triggers_, &members_, out};
    hs_scan(shared_database_, text.data() + r.begin, r.end - r.begin, 0,
            scratch.scratch_, OnMatch, &ctx);
  }
  for (const PrefilterScratch::Region& r : scratch.regions) {
    ScanContext ctx{text, r.begin, &triggers_, &members_, out};
    hs_scan(patterns_[r.id].own, text.data() + r.begin, r.end - r.begin, 0,
            scratch.scratch_, OnMatch, &ctx);
  }
  if (out->size() > 1) KeepLongest(out);
}

}  // namespace breachscope
