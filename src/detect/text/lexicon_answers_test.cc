// The word sets answer exactly as plain hash sets of their words would:
// every listed word keeps the index of its first listing and every other
// word, near the listed ones or random, is not found. Any faster path in
// front of the table (a filter, another hash) must keep these answers.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "detect/text/lexicon.h"

namespace breachscope::text {
namespace {

struct NamedSet {
  const char* name;
  const WordSet* set;
};

std::vector<NamedSet> RealSets() {
  const Lexicon& lex = GetLexicon();
  return {{"first_names", &lex.first_names}, {"last_names", &lex.last_names},
          {"common_words", &lex.common_words}, {"not_names", &lex.not_names},
          {"titles", &lex.titles}, {"cities", &lex.cities}};
}

// The index of each word's first insertion, as the table promises.
std::unordered_map<std::string, size_t> FirstIndexes(const WordSet& set) {
  std::unordered_map<std::string, size_t> first;
  for (size_t i = 0; i < set.inserted(); ++i) {
    first.emplace(std::string(set.WordAt(i)), i);
  }
  return first;
}

std::string RandomWord(std::mt19937_64& rng, size_t min_len, size_t max_len) {
  std::uniform_int_distribution<size_t> len(min_len, max_len);
  std::uniform_int_distribution<int> letter('a', 'z');
  std::string w(len(rng), 'a');
  for (char& c : w) c = static_cast<char>(letter(rng));
  return w;
}

// Words near the listed ones (a letter more, one less, one changed) and
// random ones: most are not in the set, the common case in logs and code.
std::vector<std::string> Probes(const WordSet& set, size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> probes;
  std::uniform_int_distribution<size_t> pick(0, set.inserted() - 1);
  for (size_t i = 0; i < n; ++i) {
    std::string w(set.WordAt(pick(rng)));
    switch (i % 5) {
      case 0: w += static_cast<char>('a' + i % 26); break;
      case 1: if (w.size() > 1) w.pop_back(); break;
      case 2: w[i % w.size()] = static_cast<char>('a' + (i / 5) % 26); break;
      case 3: w = RandomWord(rng, 2, 12); break;
      default: w = "X" + w; break;  // upper case is never folded in
    }
    probes.push_back(std::move(w));
  }
  return probes;
}

TEST(LexiconAnswersTest, EveryListedWordKeepsItsIndex) {
  for (const NamedSet& s : RealSets()) {
    ASSERT_GT(s.set->inserted(), 100u) << s.name;
    const auto first = FirstIndexes(*s.set);
    EXPECT_EQ(first.size(), s.set->size()) << s.name;
    size_t wrong = 0;
    for (size_t i = 0; i < s.set->inserted(); ++i) {
      const std::string_view w = s.set->WordAt(i);
      wrong += s.set->IndexOf(w) != first.at(std::string(w));
    }
    EXPECT_EQ(wrong, 0u) << s.name;
  }
}

TEST(LexiconAnswersTest, OtherWordsAnswerAsAPlainHashSet) {
  uint64_t seed = 1;
  for (const NamedSet& s : RealSets()) {
    std::unordered_set<std::string> plain;
    for (size_t i = 0; i < s.set->inserted(); ++i) {
      plain.emplace(s.set->WordAt(i));
    }
    std::vector<std::string> probes = Probes(*s.set, 20000, seed++);
    // Real words of the other lists, mostly not in this one.
    for (const NamedSet& other : RealSets()) {
      for (size_t i = 0; i < other.set->inserted(); i += 7) {
        probes.emplace_back(other.set->WordAt(i));
      }
    }
    probes.emplace_back("");
    size_t members = 0, differ = 0;
    for (const std::string& w : probes) {
      const bool in = plain.count(w) > 0;
      members += in;
      differ += s.set->contains(w) != in;
      if (!in) differ += s.set->IndexOf(w) != WordSet::kNone;
    }
    EXPECT_EQ(differ, 0u) << s.name;
    EXPECT_LT(members, probes.size() / 2) << s.name;
  }
}

// A set built here, with repeats: the first
// place of a repeated word stays, maps keep their first value.
TEST(LexiconAnswersTest, BuiltSetsAndMaps) {
  WordSet set;
  WordMap map;
  std::mt19937_64 rng(7);
  std::vector<std::string> words;
  for (int i = 0; i < 30000; ++i) words.push_back(RandomWord(rng, 1, 9));
  for (int i = 0; i < 5000; ++i) words.push_back(words[i * 3]);
  std::unordered_map<std::string, size_t> first;
  for (size_t i = 0; i < words.size(); ++i) {
    set.insert(words[i]);
    map.emplace(words[i], std::to_string(i));
    first.emplace(words[i], i);
  }
  set.Seal();
  map.Seal();
  EXPECT_EQ(set.size(), first.size());
  for (const std::string& w : words) {
    EXPECT_EQ(set.IndexOf(w), first.at(w));
    EXPECT_EQ(map.Find(w), std::to_string(first.at(w)));
  }
  size_t differ = 0;
  for (int i = 0; i < 50000; ++i) {
    const std::string w = RandomWord(rng, 1, 9);
    const auto it = first.find(w);
    differ += set.IndexOf(w) != (it == first.end() ? WordSet::kNone : it->second);
    differ += map.Find(w) != (it == first.end() ? "" : std::to_string(it->second));
  }
  EXPECT_EQ(differ, 0u);
}

// A set sealed, added to and sealed again answers for the new word too.
TEST(LexiconAnswersTest, ResealAfterInsert) {
  WordSet set;
  for (int i = 0; i < 5000; ++i) set.insert("a" + std::to_string(i));
  set.Seal();
  EXPECT_FALSE(set.contains("late"));
  set.insert("late");
  set.Seal();
  EXPECT_TRUE(set.contains("late"));
  EXPECT_EQ(set.IndexOf("late"), 5000u);
  for (int i = 0; i < 5000; ++i) {
    EXPECT_EQ(set.IndexOf("a" + std::to_string(i)), static_cast<size_t>(i));
  }
}

}  // namespace
}  // namespace breachscope::text
