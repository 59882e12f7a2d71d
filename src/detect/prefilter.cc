#include "detect/prefilter.h"

#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <string>

#include "detect/context.h"

namespace breachscope {
namespace {

// What the match callbacks need.
struct ScanContext {
  std::string_view text;  // the whole unit
  uint32_t base;          // offset of the scanned region in text
  const std::vector<const Trigger*>* triggers;
  std::vector<RawMatch>* out;
};

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

// First pass: ends only; a match that cannot end cleanly is of no use.
int OnEnd(unsigned int id, unsigned long long /*from*/, unsigned long long to,
          unsigned int /*flags*/, void* user) {
  auto* ctx = static_cast<ScanContext*>(user);
  if (CleanAfter(ctx->text, *(*ctx->triggers)[id], to)) {
    ctx->out->push_back({id, 0, static_cast<uint32_t>(to)});
  }
  return 0;
}

// Second pass: leftmost starts inside one region.
int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
            unsigned int /*flags*/, void* user) {
  auto* ctx = static_cast<ScanContext*>(user);
  const Trigger& trigger = *(*ctx->triggers)[id];
  size_t start = ctx->base + from, end = ctx->base + to;
  if (CleanBefore(ctx->text, trigger, start) &&
      CleanAfter(ctx->text, trigger, end)) {
    ctx->out->push_back(
        {id, static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
  }
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

Status CompileError(hs_compile_error_t* error,
                    const std::vector<const Trigger*>& triggers) {
  std::string message = "prefilter: " + std::string(error->message);
  if (error->expression >= 0) {
    message += " (trigger " + std::string(triggers[error->expression]->name) +
               ")";
  }
  hs_free_compile_error(error);
  return Internal(message);
}

}  // namespace

PrefilterScratch::~PrefilterScratch() {
  if (scratch_ != nullptr) hs_free_scratch(scratch_);
}

Prefilter::~Prefilter() {
  if (end_database_ != nullptr) hs_free_database(end_database_);
  for (hs_database* db : som_databases_) hs_free_database(db);
}

Result<std::unique_ptr<Prefilter>> Prefilter::Compile(
    std::vector<const Trigger*> triggers) {
  std::unique_ptr<Prefilter> prefilter(new Prefilter());
  prefilter->triggers_ = std::move(triggers);
  Status status = prefilter->Build();
  if (!status.ok()) return status;
  return prefilter;
}

// Minimum length over all triggers and each trigger's maximum width.
Status Prefilter::MeasureWidths(const std::vector<std::string>& patterns) {
  min_length_ = SIZE_MAX;
  for (size_t i = 0; i < patterns.size(); ++i) {
    const Trigger& t = *triggers_[i];
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_expression_info(patterns[i].c_str(), CaseFlag(t), &info,
                           &error) != HS_SUCCESS) {
      return CompileError(error, {&t});
    }
    min_length_ = std::min<size_t>(min_length_, info->min_width);
    uint32_t width = t.max_length > 0 ? t.max_length : info->max_width;
    std::free(info);  // allocated by Vectorscan's default allocator
    if (width == UINT_MAX) {
      return Internal("trigger " + std::string(t.name) +
                      " is unbounded and sets no max_length");
    }
    max_width_.push_back(width);
  }
  return Status::Ok();
}

Status Prefilter::Build() {
  if (triggers_.empty()) return InvalidArgument("no detector triggers");
  std::vector<std::string> patterns;  // NUL-terminated copies
  for (const Trigger* t : triggers_) patterns.emplace_back(t->pattern);
  BS_RETURN_IF_ERROR(MeasureWidths(patterns));
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags, ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(patterns[i].c_str());
    flags.push_back(CaseFlag(*triggers_[i]));
    ids.push_back(static_cast<unsigned int>(i));
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned int>(expressions.size()),
                       HS_MODE_BLOCK, nullptr, &end_database_,
                       &error) != HS_SUCCESS) {
    return CompileError(error, triggers_);
  }
  // One SOM database per trigger keeps second-pass regions as narrow as
  // that trigger's width instead of the widest trigger's.
  for (size_t i = 0; i < patterns.size(); ++i) {
    unsigned int som_flags = flags[i] | HS_FLAG_SOM_LEFTMOST;
    hs_database* db = nullptr;
    if (hs_compile_multi(&expressions[i], &som_flags, &ids[i], 1,
                         HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
      return CompileError(error, triggers_);
    }
    som_databases_.push_back(db);
  }
  return Status::Ok();
}

std::unique_ptr<PrefilterScratch> Prefilter::NewScratch() const {
  auto scratch = std::unique_ptr<PrefilterScratch>(new PrefilterScratch());
  if (hs_alloc_scratch(end_database_, &scratch->scratch_) != HS_SUCCESS) {
    return nullptr;
  }
  for (hs_database* db : som_databases_) {
    if (hs_alloc_scratch(db, &scratch->scratch_) != HS_SUCCESS) return nullptr;
  }
  return scratch;
}

// Merges [end - max width, end] of the first-pass matches of each trigger
// into regions, ordered by (trigger, position).
void Prefilter::FindRegions(PrefilterScratch& scratch) const {
  std::vector<RawMatch>& ends = scratch.ends;
  std::sort(ends.begin(), ends.end(), [](const RawMatch& a, const RawMatch& b) {
    return a.id != b.id ? a.id < b.id : a.end < b.end;
  });
  scratch.regions.clear();
  for (const RawMatch& m : ends) {
    uint32_t width = max_width_[m.id];
    uint32_t begin = m.end > width ? m.end - width : 0;
    PrefilterScratch::Region* last =
        scratch.regions.empty() ? nullptr : &scratch.regions.back();
    if (last != nullptr && last->id == m.id && begin <= last->end) {
      last->end = std::max(last->end, m.end);
    } else {
      scratch.regions.push_back({m.id, begin, m.end});
    }
  }
}

void Prefilter::Scan(std::string_view text, PrefilterScratch& scratch,
                     std::vector<RawMatch>* out) const {
  out->clear();
  if (text.size() < min_length_) return;
  if (text.size() > UINT_MAX) text = text.substr(0, UINT_MAX);
  scratch.ends.clear();
  ScanContext ends{text, 0, &triggers_, &scratch.ends};
  hs_scan(end_database_, text.data(), static_cast<unsigned int>(text.size()),
          0, scratch.scratch_, OnEnd, &ends);
  if (scratch.ends.empty()) return;
  FindRegions(scratch);
  for (const PrefilterScratch::Region& r : scratch.regions) {
    ScanContext ctx{text, r.begin, &triggers_, out};
    hs_scan(som_databases_[r.id], text.data() + r.begin, r.end - r.begin, 0,
            scratch.scratch_, OnMatch, &ctx);
  }
  if (out->size() > 1) KeepLongest(out);
}

}  // namespace breachscope
