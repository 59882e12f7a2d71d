// The NearWords filter of Prefilter::Scan: every match with a word end in
// the window before its start is found exactly as without the filter; the
// filter only drops (or, inside a shared region, shortens the start of)
// matches that no word precedes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <hs/hs.h>
#include "detect/context.h"
#include "detect/detector_registry.h"
#include "detect/gated_prefilter.h"
#include "detect/prefilter.h"

namespace breachscope {
namespace {

constexpr uint32_t kWindow = 40;

std::vector<const Trigger*> AllTriggers() {
  std::vector<const Trigger*> out;
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    for (const Trigger& t : spec->triggers) out.push_back(&t);
  }
  return out;
}

// Long texts of pieces of the detectors' examples, separators and log-like
// words, so that most triggers match somewhere and matches sit both near
// and far from the chosen word ends.
std::vector<std::string> LongTexts() {
  std::vector<std::string> pieces = {" ", " ", "\n", "-", "/", ":", "T",
                                     "id=", "2024-03-06T09:34:34Z ",
                                     "worker-11 ", "1b755207b8318bb1 "};
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    for (const DetectorExample& e : spec->examples) {
      pieces.emplace_back(e.text);
      pieces.push_back(" ");
    }
  }
  std::mt19937 rng(7);
  std::vector<std::string> texts;
  for (int i = 0; i < 60; ++i) {
    std::string text;
    const size_t want = 500 + rng() % 3000;
    while (text.size() < want) text += pieces[rng() % pieces.size()];
    texts.push_back(text);
  }
  return texts;
}

// A few word ends per text (none for some), sorted as ContextWords gives
// them.
std::vector<uint32_t> WordEnds(size_t size, std::mt19937& rng) {
  std::vector<uint32_t> ends;
  const int count = static_cast<int>(rng() % 6);
  for (int i = 0; i < count; ++i) {
    ends.push_back(static_cast<uint32_t>(rng() % (size + 1)));
  }
  std::sort(ends.begin(), ends.end());
  return ends;
}

std::unique_ptr<Prefilter> CompileAll(Prefilter::Mode mode) {
  auto compiled = Prefilter::Compile(AllTriggers(), "", mode);
  EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
  return compiled.ok() ? std::move(compiled).value() : nullptr;
}

bool WordBefore(const std::vector<uint32_t>& ends, uint32_t start) {
  const uint32_t from = start > kWindow ? start - kWindow : 0;
  auto it = std::lower_bound(ends.begin(), ends.end(), from);
  return it != ends.end() && *it <= start;
}

auto Key(const RawMatch& m) { return std::tuple(m.id, m.start, m.end); }

bool NeedsLabel(uint32_t trigger) {
  return AllTriggers()[trigger]->needs == TriggerNeeds::kLabel;
}

bool Contains(const std::vector<RawMatch>& matches, const RawMatch& m) {
  return std::any_of(matches.begin(), matches.end(), [&](const RawMatch& x) {
    return Key(x) == Key(m);
  });
}

// Mode::kFull filters the ends of one pass over the whole text; kNear
// reads only the text near the words when they are few.
class PrefilterNearModes : public testing::TestWithParam<Prefilter::Mode> {};

TEST_P(PrefilterNearModes, KeepsEveryMatchAWordPrecedes) {
  std::unique_ptr<Prefilter> compiled = CompileAll(GetParam());
  ASSERT_NE(compiled, nullptr);
  const Prefilter& prefilter = *compiled;
  auto scratch = prefilter.NewScratch();
  std::mt19937 rng(3);
  std::vector<RawMatch> all, near_only;
  size_t kept = 0, dropped = 0, total = 0;
  for (const std::string& text : LongTexts()) {
    const std::vector<uint32_t> ends = WordEnds(text.size(), rng);
    const NearWords near{ends, kWindow};
    prefilter.Scan(text, *scratch, &all);
    prefilter.Scan(text, *scratch, &near_only, &near);
    total += all.size();
    for (const RawMatch& m : all) {
      // kNear leaves out what only a label lets count (LabelOnlyLeftOut).
      if (GetParam() == Prefilter::Mode::kNear && NeedsLabel(m.id)) continue;
      if (WordBefore(ends, m.start)) {
        ASSERT_TRUE(Contains(near_only, m)) << m.id << " at " << m.start;
        ++kept;
      }
    }
    for (const RawMatch& m : near_only) {
      // Anything else the filtered scan reports has no word before it.
      if (!Contains(all, m)) {
        ASSERT_FALSE(WordBefore(ends, m.start)) << m.id << " at " << m.start;
      }
    }
    dropped += all.size() - std::min(all.size(), near_only.size());
    ASSERT_TRUE(std::is_sorted(near_only.begin(), near_only.end(),
                               [](const RawMatch& a, const RawMatch& b) {
                                 return std::tuple(a.id, a.start) <
                                        std::tuple(b.id, b.start);
                               }));
  }
  EXPECT_GT(total, 1000u);    // the texts exercise the triggers
  EXPECT_GT(kept, 50u);       // some matches have a word before them
  EXPECT_GT(dropped, total / 2);  // and the filter drops most of the rest
}

TEST_P(PrefilterNearModes, NoWordsLeavesOnlyOwnDatabasePatterns) {
  std::unique_ptr<Prefilter> compiled = CompileAll(GetParam());
  ASSERT_NE(compiled, nullptr);
  const Prefilter& prefilter = *compiled;
  auto scratch = prefilter.NewScratch();
  std::vector<RawMatch> all, none;
  const NearWords near{{}, kWindow};
  size_t total = 0, left = 0;
  for (const std::string& text : LongTexts()) {
    prefilter.Scan(text, *scratch, &all);
    prefilter.Scan(text, *scratch, &none, &near);
    for (const RawMatch& m : none) ASSERT_TRUE(Contains(all, m));
    total += all.size();
    left += none.size();
  }
  EXPECT_LT(left, total / 4);
}

// Mode::kNear with words: no label gives context, so a pattern whose
// triggers all need one is not looked for; without words it is.
TEST(PrefilterNearTest, LabelOnlyLeftOut) {
  const Trigger label{.name = "label", .pattern = "[0-9]{6}",
                      .needs = TriggerNeeds::kLabel};
  const Trigger words{.name = "words", .pattern = "AB[0-9]{3}",
                      .needs = TriggerNeeds::kContext};
  // The same expression with a trigger that words can support is kept.
  const Trigger label_shared{.name = "label_shared", .pattern = "CD[0-9]{3}",
                             .needs = TriggerNeeds::kLabel};
  const Trigger words_shared{.name = "words_shared", .pattern = "CD[0-9]{3}",
                             .needs = TriggerNeeds::kContext};
  for (Prefilter::Mode mode : {Prefilter::Mode::kFull, Prefilter::Mode::kNear}) {
    auto compiled = Prefilter::Compile(
        {&label, &words, &label_shared, &words_shared}, "", mode);
    ASSERT_TRUE(compiled.ok());
    auto scratch = compiled.value()->NewScratch();
    // Short, the whole text is read; long, only the stretch near the word.
    const std::string line = "dx AB123 and 987654 and CD456 y";
    for (const std::string& text : {line, line + std::string(400, ' ')}) {
      const std::vector<uint32_t> ends = {2};
      const NearWords near{ends, kWindow};
      std::vector<RawMatch> all, near_only;
      compiled.value()->Scan(text, *scratch, &all);
      compiled.value()->Scan(text, *scratch, &near_only, &near);
      const RawMatch six{0, 13, 19};
      EXPECT_TRUE(Contains(all, six));
      EXPECT_EQ(Contains(near_only, six), mode == Prefilter::Mode::kFull);
      for (const RawMatch& m : {RawMatch{1, 3, 8}, RawMatch{2, 24, 29},
                                RawMatch{3, 24, 29}}) {
        EXPECT_TRUE(Contains(all, m)) << m.id;
        EXPECT_TRUE(Contains(near_only, m)) << m.id;
      }
    }
  }
}

// One expression compiled for Vectorscan, with or without start of match.
class Compiled {
 public:
  Compiled(const std::string& expression, bool caseless, bool som) {
    hs_compile_error_t* error = nullptr;
    const unsigned flags = (som ? HS_FLAG_SOM_LEFTMOST : 0u) |
                           (caseless ? HS_FLAG_CASELESS : 0u);
    if (hs_compile(expression.c_str(), flags, HS_MODE_BLOCK, nullptr, &db_,
                   &error) != HS_SUCCESS) {
      ADD_FAILURE() << expression << ": " << error->message;
      hs_free_compile_error(error);
      db_ = nullptr;
      return;
    }
    hs_alloc_scratch(db_, &scratch_);
  }
  ~Compiled() {
    if (scratch_ != nullptr) hs_free_scratch(scratch_);
    if (db_ != nullptr) hs_free_database(db_);
  }
  Compiled(const Compiled&) = delete;
  Compiled& operator=(const Compiled&) = delete;

  // Matches as (start, end); starts are 0 without start of match.
  // Vectorscan as packaged can miss a match near the end of a buffer on
  // AVX-512, depending on the buffer's address (upstream fixed such tail
  // scans in 2026, VectorCamp/vectorscan#378): one scan made this reference
  // flaky from run to run. The text is scanned at several offsets from a
  // 64-byte boundary and the matches joined; a miss is never a match.
  std::vector<RawMatch> Matches(std::string_view text) const {
    std::vector<RawMatch> all;
    if (db_ == nullptr) return all;
    std::vector<char> buffer(text.size() + 128);
    const uintptr_t base = reinterpret_cast<uintptr_t>(buffer.data());
    for (size_t offset : {0, 1, 17, 42}) {
      char* at = buffer.data() + ((64 - base % 64) % 64) + offset;
      std::copy(text.begin(), text.end(), at);
      hs_scan(db_, at, static_cast<unsigned>(text.size()), 0, scratch_,
              [](unsigned, unsigned long long from, unsigned long long to,
                 unsigned, void* user) {
                static_cast<std::vector<RawMatch>*>(user)->push_back(
                    {0, static_cast<uint32_t>(from),
                     static_cast<uint32_t>(to)});
                return 0;
              },
              &all);
    }
    std::sort(all.begin(), all.end(), [](const RawMatch& a, const RawMatch& b) {
      return std::tuple(a.end, a.start) < std::tuple(b.end, b.start);
    });
    all.erase(std::unique(all.begin(), all.end(),
                          [](const RawMatch& a, const RawMatch& b) {
                            return a.start == b.start && a.end == b.end;
                          }),
              all.end());
    return all;
  }

 private:
  hs_database_t* db_ = nullptr;
  hs_scratch_t* scratch_ = nullptr;
};

// What Prefilter::Scan reports for a trigger whose start follows from its
// end, worked out with the plain pattern: every end with a clean byte
// after it, its leftmost start (a start-of-match scan of the pattern's
// width back from the end), kept when the byte before is clean too, the
// longest per start. The first pass behind a clean start (EndExpression)
// must find exactly these.
class PlainMatcher {
 public:
  explicit PlainMatcher(const Trigger& t)
      : t_(t),
        ends_(std::string(t.pattern), t.caseless, false),
        starts_(std::string(t.pattern), t.caseless, true) {
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    const std::string expression(t.pattern);
    EXPECT_EQ(hs_expression_info(expression.c_str(),
                                 t.caseless ? HS_FLAG_CASELESS : 0u, &info,
                                 &error),
              HS_SUCCESS);
    width_ = info->max_width;
    std::free(info);
  }

  std::vector<RawMatch> Matches(uint32_t id, const std::string& text) const {
    auto word = [](char c) {
      return IsWordByte(static_cast<unsigned char>(c));
    };
    std::vector<RawMatch> out;
    for (const RawMatch& e : ends_.Matches(text)) {
      const bool after =
          e.end >= text.size() || !word(text[e.end]) ||
          (t_.time_may_follow && text[e.end] == 'T' &&
           e.end + 1 < text.size() && text[e.end + 1] >= '0' &&
           text[e.end + 1] <= '9');
      if (!after) continue;
      const uint32_t begin = e.end > width_ ? e.end - width_ : 0;
      const std::string_view region(text.data() + begin, e.end - begin);
      for (const RawMatch& m : starts_.Matches(region)) {
        if (m.end != region.size()) continue;
        const uint32_t start = begin + m.start;
        const bool before = start == 0 ||
                            (!word(text[start - 1]) &&
                             t_.not_after.find(text[start - 1]) ==
                                 std::string_view::npos);
        if (before) out.push_back({id, start, e.end});
      }
    }
    std::sort(out.begin(), out.end(), [](const RawMatch& a, const RawMatch& b) {
      return std::tuple(a.start, a.end) < std::tuple(b.start, b.end);
    });
    std::vector<RawMatch> longest;  // one per start
    for (const RawMatch& m : out) {
      if (!longest.empty() && longest.back().start == m.start) {
        longest.back().end = std::max(longest.back().end, m.end);
      } else {
        longest.push_back(m);
      }
    }
    return longest;
  }

 private:
  const Trigger& t_;
  Compiled ends_, starts_;
  uint32_t width_ = 0;
};

// Bounded triggers without anchors, assertions or a cut (max_length): their
// starts follow from their ends, and their first pass reads the pattern
// behind a clean start. Long log-like texts full of hexadecimal ids, times
// and numbers glued to letters, where that pass drops most ends.
TEST(PrefilterEndsTest, CleanStartFirstPassFindsWhatThePlainPatternFinds) {
  const std::vector<const Trigger*> triggers = AllTriggers();
  std::vector<std::unique_ptr<PlainMatcher>> plain(triggers.size());
  for (uint32_t id = 0; id < triggers.size(); ++id) {
    const Trigger& t = *triggers[id];
    if (t.max_length == 0 && !MayAssert(t.pattern)) {
      plain[id] = std::make_unique<PlainMatcher>(t);
    }  // else cut at max_length, or may hold an assertion
  }
  const std::vector<std::string> texts = LongTexts();
  for (Prefilter::Mode mode : {Prefilter::Mode::kFull, Prefilter::Mode::kNear}) {
    std::unique_ptr<Prefilter> prefilter = CompileAll(mode);
    ASSERT_NE(prefilter, nullptr);
    auto scratch = prefilter->NewScratch();
    size_t checked = 0;
    for (const std::string& text : texts) {
      std::vector<RawMatch> got;
      prefilter->Scan(text, *scratch, &got);
      for (uint32_t id = 0; id < triggers.size(); ++id) {
        if (plain[id] == nullptr) continue;
        std::vector<RawMatch> mine;
        for (const RawMatch& m : got) {
          if (m.id == id) mine.push_back(m);
        }
        const std::vector<RawMatch> expected = plain[id]->Matches(id, text);
        ASSERT_EQ(mine.size(), expected.size()) << triggers[id]->name;
        for (size_t i = 0; i < mine.size(); ++i) {
          ASSERT_EQ(Key(mine[i]), Key(expected[i])) << triggers[id]->name;
        }
        checked += mine.size();
      }
    }
    EXPECT_GT(checked, 1000u);
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, PrefilterNearModes,
                         testing::Values(Prefilter::Mode::kFull,
                                         Prefilter::Mode::kNear));

// The gated prefilter applies the filter to its gated part alone: the
// ungated triggers' matches do not change.
TEST(PrefilterNearTest, GatedPartOnly) {
  const std::vector<const Trigger*> triggers = AllTriggers();
  std::vector<bool> gated(triggers.size());
  for (size_t i = 0; i < gated.size(); i += 2) gated[i] = true;
  auto prefilter = GatedPrefilter::Compile(triggers, gated, "");
  ASSERT_TRUE(prefilter.ok());
  auto scratch = prefilter.value()->NewScratch();
  std::mt19937 rng(5);
  std::vector<RawMatch> all, filtered;
  size_t ungated = 0;
  for (const std::string& text : LongTexts()) {
    const std::vector<uint32_t> ends = WordEnds(text.size(), rng);
    const NearWords near{ends, kWindow};
    prefilter.value()->Scan(text, true, *scratch, &all);
    prefilter.value()->Scan(text, true, *scratch, &filtered, &near);
    std::vector<RawMatch> open_all, open_filtered;
    for (const RawMatch& m : all) {
      if (!gated[m.id]) open_all.push_back(m);
      if (gated[m.id] && WordBefore(ends, m.start) && !NeedsLabel(m.id)) {
        ASSERT_TRUE(Contains(filtered, m));
      }
    }
    for (const RawMatch& m : filtered) {
      if (!gated[m.id]) open_filtered.push_back(m);
    }
    ASSERT_EQ(open_all.size(), open_filtered.size());
    for (size_t i = 0; i < open_all.size(); ++i) {
      ASSERT_EQ(Key(open_all[i]), Key(open_filtered[i]));
    }
    ungated += open_all.size();
  }
  EXPECT_GT(ungated, 100u);
}

}  // namespace
}  // namespace breachscope
