// The one-pass prefilter for short units finds exactly what the two-pass
// one finds, for every registered trigger.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "detect/detector_registry.h"
#include "detect/gated_prefilter.h"
#include "detect/prefilter.h"

namespace breachscope {
namespace {

std::vector<const Trigger*> AllTriggers() {
  std::vector<const Trigger*> out;
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    for (const Trigger& t : spec->triggers) out.push_back(&t);
  }
  return out;
}

std::string Show(const std::vector<RawMatch>& matches) {
  std::string out;
  for (const RawMatch& m : matches) {
    out += std::to_string(m.id) + ":" + std::to_string(m.start) + "-" +
           std::to_string(m.end) + " ";
  }
  return out;
}

// Short texts: every detector example that fits, and random mixes of
// pieces of them with digits, letters and separators.
std::vector<std::string> ShortTexts(size_t max) {
  std::vector<std::string> texts, pieces = {"0", "1", "9", "-", " ", "/",
                                            "@", ".", "(", ")", "+", "A", "x"};
  for (const DetectorSpec* spec : RegisteredDetectors()) {
    for (const DetectorExample& e : spec->examples) {
      if (e.text.size() <= max) texts.emplace_back(e.text);
      for (size_t at = 0; at + 3 <= e.text.size(); at += 3) {
        pieces.emplace_back(e.text.substr(at, 3));
      }
    }
  }
  std::mt19937 rng(11);
  for (int i = 0; i < 4000; ++i) {
    std::string text;
    const size_t want = 1 + rng() % max;
    while (text.size() < want) text += pieces[rng() % pieces.size()];
    text.resize(want);
    texts.push_back(text);
  }
  return texts;
}

TEST(PrefilterShortTest, OnePassEqualsTwoPasses) {
  const std::vector<const Trigger*> triggers = AllTriggers();
  auto full = Prefilter::Compile(triggers, "", Prefilter::Mode::kFull);
  auto one = Prefilter::Compile(triggers, "", Prefilter::Mode::kShort);
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  const size_t max = one.value()->short_max();
  ASSERT_GT(max, 16u);  // the short path is in use
  auto full_scratch = full.value()->NewScratch();
  auto one_scratch = one.value()->NewScratch();
  std::vector<RawMatch> a, b;
  size_t matched = 0;
  for (const std::string& text : ShortTexts(max)) {
    full.value()->Scan(text, *full_scratch, &a);
    one.value()->Scan(text, *one_scratch, &b);
    ASSERT_EQ(Show(a), Show(b)) << text;
    matched += !a.empty();
  }
  EXPECT_GT(matched, 100u);  // the texts do exercise the triggers
}

TEST(PrefilterShortTest, GatedShortPathDropsGatedTriggersOnRequest) {
  const std::vector<const Trigger*> triggers = AllTriggers();
  std::vector<bool> gated(triggers.size());
  for (size_t i = 0; i < gated.size(); i += 2) gated[i] = true;
  auto prefilter = GatedPrefilter::Compile(triggers, gated, "");
  auto full = Prefilter::Compile(triggers, "", Prefilter::Mode::kFull);
  ASSERT_TRUE(prefilter.ok() && full.ok());
  auto scratch = prefilter.value()->NewScratch();
  auto full_scratch = full.value()->NewScratch();
  std::vector<RawMatch> with, without, all;
  for (const std::string& text : ShortTexts(40)) {
    prefilter.value()->Scan(text, true, *scratch, &with);
    prefilter.value()->Scan(text, false, *scratch, &without);
    full.value()->Scan(text, *full_scratch, &all);
    ASSERT_EQ(Show(with), Show(all)) << text;
    std::erase_if(all, [&](const RawMatch& m) { return gated[m.id]; });
    ASSERT_EQ(Show(without), Show(all)) << text;
  }
}

// The memo of short texts' matches: a text seen before (or pushed out of
// its slot by another) gives the matches of the two-pass prefilter.
TEST(PrefilterShortTest, MemoizedMatchesEqualTwoPasses) {
  const std::vector<const Trigger*> triggers = AllTriggers();
  std::vector<bool> gated(triggers.size());
  for (size_t i = 0; i < gated.size(); i += 3) gated[i] = true;
  auto prefilter = GatedPrefilter::Compile(triggers, gated, "");
  auto full = Prefilter::Compile(triggers, "", Prefilter::Mode::kFull);
  ASSERT_TRUE(prefilter.ok() && full.ok());
  auto scratch = prefilter.value()->NewScratch();
  auto full_scratch = full.value()->NewScratch();
  std::vector<std::string> texts = ShortTexts(ShortMatchMemo::kMaxText);
  std::vector<RawMatch> got, want;
  size_t matched = 0;
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < texts.size(); ++i) {
      const bool with_gated = (i + round) % 2 == 0;
      prefilter.value()->Scan(texts[i], with_gated, *scratch, &got);
      full.value()->Scan(texts[i], *full_scratch, &want);
      if (!with_gated) {
        std::erase_if(want, [&](const RawMatch& m) { return gated[m.id]; });
      }
      ASSERT_EQ(Show(got), Show(want)) << texts[i];
      matched += !want.empty();
    }
  }
  EXPECT_GT(matched, 100u);
}

}  // namespace
}  // namespace breachscope
