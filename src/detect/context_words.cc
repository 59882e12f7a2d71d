#include "detect/context_words.h"

#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <map>

#include "detect/context.h"
#include "detect/prefilter_cache.h"

namespace breachscope {
namespace {

// Any run of bytes Normalize() turns into one '_'.
constexpr std::string_view kGap = "[^0-9A-Za-z\\x80-\\xff]+";

void AppendHex(unsigned char c, std::string* out) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
  out->append(buffer);
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

struct Hits {
  const std::vector<bool>* gating;
  ContextWordHits* out;
};

int OnWord(unsigned int id, unsigned long long /*from*/, unsigned long long to,
           unsigned int /*flags*/, void* user) {
  auto* hits = static_cast<Hits*>(user);
  hits->out->ends.push_back(static_cast<uint32_t>(to));
  if ((*hits->gating)[id]) hits->out->gating = true;
  return 0;
}

}  // namespace

bool ContextWordHits::AnyBefore(uint32_t pos, uint32_t window) const {
  const uint32_t from = pos > window ? pos - window : 0;
  auto it = std::lower_bound(ends.begin(), ends.end(), from);
  return it != ends.end() && *it <= pos;
}

ContextWordsScratch::~ContextWordsScratch() {
  if (scratch_ != nullptr) hs_free_scratch(scratch_);
}

ContextWords::~ContextWords() {
  if (database_ != nullptr) hs_free_database(database_);
}

std::string ContextWords::Expression(std::string_view normalized) {
  std::string out;
  for (size_t i = 0; i < normalized.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(normalized[i]);
    if (c == '_') {
      out.append(kGap);
    } else if (IsAsciiAlnum(c)) {
      out.push_back(static_cast<char>(c));  // caseless flag covers capitals
    } else if (c == 0xC3 && i + 1 < normalized.size() &&
               static_cast<unsigned char>(normalized[i + 1]) >= 0xA0 &&
               static_cast<unsigned char>(normalized[i + 1]) <= 0xBE &&
               static_cast<unsigned char>(normalized[i + 1]) != 0xB7) {
      // A Latin-1 small letter: its capital normalises to it too.
      const unsigned char small = static_cast<unsigned char>(normalized[++i]);
      out.append("\\xc3[");
      AppendHex(small, &out);
      AppendHex(static_cast<unsigned char>(small - 0x20), &out);
      out.push_back(']');
    } else {
      AppendHex(c, &out);
    }
  }
  return out;
}

Result<std::unique_ptr<ContextWords>> ContextWords::Compile(
    const std::vector<Word>& words, const std::string& cache_dir) {
  // Normalised word -> gating; one pattern per distinct word.
  std::map<std::string, bool> distinct;
  for (const Word& word : words) {
    std::string normalized = Normalize(word.text);
    if (normalized.empty() || normalized.front() == '_' ||
        normalized.back() == '_') {
      return std::unique_ptr<ContextWords>();
    }
    distinct[normalized] = distinct[normalized] || word.gating;
  }
  if (distinct.empty()) return std::unique_ptr<ContextWords>();
  std::unique_ptr<ContextWords> out(new ContextWords());
  std::vector<std::string> expressions;
  std::vector<unsigned int> flags, ids;
  for (const auto& [normalized, gating] : distinct) {
    ids.push_back(static_cast<unsigned int>(expressions.size()));
    expressions.push_back(Expression(normalized));
    flags.push_back(HS_FLAG_CASELESS);
    out->gating_.push_back(gating);
  }
  std::vector<const char*> all;
  for (const std::string& e : expressions) all.push_back(e.c_str());
  BS_RETURN_IF_ERROR(CompileCached(all, flags, ids, cache_dir, "context words",
                                   &out->database_));
  return out;
}

std::unique_ptr<ContextWordsScratch> ContextWords::NewScratch() const {
  auto scratch = std::unique_ptr<ContextWordsScratch>(new ContextWordsScratch());
  if (hs_alloc_scratch(database_, &scratch->scratch_) != HS_SUCCESS) {
    return nullptr;
  }
  return scratch;
}

void ContextWords::Scan(std::string_view text, ContextWordsScratch& scratch,
                        ContextWordHits* hits) const {
  hits->ends.clear();
  hits->gating = false;
  if (text.size() > UINT_MAX) text = text.substr(0, UINT_MAX);
  Hits ctx{&gating_, hits};
  hs_scan(database_, text.data(), static_cast<unsigned int>(text.size()), 0,
          scratch.scratch_, OnWord, &ctx);
  // Vectorscan reports in order of end within one scan, but keep the
  // search's precondition explicit.
  if (!std::is_sorted(hits->ends.begin(), hits->ends.end())) {
    std::sort(hits->ends.begin(), hits->ends.end());
  }
}

}  // namespace breachscope
