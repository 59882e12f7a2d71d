#include "detect/prefilter.h"

#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <string>

#include "detect/context.h"

namespace breachscope {
namespace {

// What the match callback needs.
struct ScanContext {
  std::string_view text;
  const std::vector<const Trigger*>* triggers;
  std::vector<RawMatch>* out;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool CleanBefore(const ScanContext& ctx, const Trigger& t, size_t start) {
  if (start == 0) return true;
  char before = ctx.text[start - 1];
  return !IsWordByte(static_cast<unsigned char>(before)) &&
         t.not_after.find(before) == std::string_view::npos;
}

bool CleanAfter(const ScanContext& ctx, const Trigger& t, size_t end) {
  if (end >= ctx.text.size()) return true;
  char after = ctx.text[end];
  if (!IsWordByte(static_cast<unsigned char>(after))) return true;
  return t.time_may_follow && after == 'T' && end + 1 < ctx.text.size() &&
         IsDigit(ctx.text[end + 1]);
}

int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
            unsigned int /*flags*/, void* user) {
  auto* ctx = static_cast<ScanContext*>(user);
  const Trigger& trigger = *(*ctx->triggers)[id];
  if (CleanBefore(*ctx, trigger, from) && CleanAfter(*ctx, trigger, to)) {
    ctx->out->push_back({id, static_cast<uint32_t>(from),
                         static_cast<uint32_t>(to)});
  }
  return 0;  // keep scanning
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

unsigned int FlagsOf(const Trigger& t) {
  return HS_FLAG_SOM_LEFTMOST | (t.caseless ? HS_FLAG_CASELESS : 0u);
}

}  // namespace

PrefilterScratch::~PrefilterScratch() {
  if (scratch_ != nullptr) hs_free_scratch(scratch_);
}

Prefilter::~Prefilter() {
  if (database_ != nullptr) hs_free_database(database_);
}

Result<std::unique_ptr<Prefilter>> Prefilter::Compile(
    std::vector<const Trigger*> triggers) {
  std::unique_ptr<Prefilter> prefilter(new Prefilter());
  prefilter->triggers_ = std::move(triggers);
  Status status = prefilter->Build();
  if (!status.ok()) return status;
  return prefilter;
}

Status Prefilter::Build() {
  if (triggers_.empty()) return InvalidArgument("no detector triggers");
  std::vector<std::string> patterns;
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags, ids;
  min_length_ = SIZE_MAX;
  for (size_t i = 0; i < triggers_.size(); ++i) {
    patterns.emplace_back(triggers_[i]->pattern);  // NUL-terminated copy
    flags.push_back(FlagsOf(*triggers_[i]));
    ids.push_back(static_cast<unsigned int>(i));
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_expression_info(patterns.back().c_str(), flags.back(), &info,
                           &error) != HS_SUCCESS) {
      std::string message = "trigger " + std::string(triggers_[i]->name) +
                            ": " + error->message;
      hs_free_compile_error(error);
      return Internal(message);
    }
    min_length_ = std::min<size_t>(min_length_, info->min_width);
    std::free(info);  // allocated by Vectorscan's default allocator
  }
  for (const std::string& p : patterns) expressions.push_back(p.c_str());
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned int>(expressions.size()),
                       HS_MODE_BLOCK, nullptr, &database_,
                       &error) != HS_SUCCESS) {
    std::string message = "prefilter: " + std::string(error->message);
    if (error->expression >= 0) {
      message += " (trigger " +
                 std::string(triggers_[error->expression]->name) + ")";
    }
    hs_free_compile_error(error);
    return Internal(message);
  }
  return Status::Ok();
}

std::unique_ptr<PrefilterScratch> Prefilter::NewScratch() const {
  auto scratch = std::unique_ptr<PrefilterScratch>(new PrefilterScratch());
  if (hs_alloc_scratch(database_, &scratch->scratch_) != HS_SUCCESS) {
    return nullptr;
  }
  return scratch;
}

void Prefilter::Scan(std::string_view text, PrefilterScratch& scratch,
                     std::vector<RawMatch>* out) const {
  out->clear();
  if (text.size() < min_length_) return;
  if (text.size() > UINT_MAX) text = text.substr(0, UINT_MAX);
  ScanContext ctx{text, &triggers_, out};
  hs_scan(database_, text.data(), static_cast<unsigned int>(text.size()), 0,
          scratch.get(), OnMatch, &ctx);
  if (out->size() > 1) KeepLongest(out);
}

}  // namespace breachscope
