#include "detect/text/lexicon.h"

#include <gtest/gtest.h>

#include <string>

namespace breachscope::text {
namespace {

// Every word put in is found, words left out are not, a word listed twice
// counts once.
TEST(WordSetTest, HoldsExactlyItsWords) {
  WordSet set;
  for (int i = 0; i < 5000; ++i) set.insert("w" + std::to_string(i * 7));
  set.insert("w70");
  set.Seal();
  for (int i = 0; i < 5000; ++i) {
    EXPECT_TRUE(set.contains("w" + std::to_string(i * 7))) << i;
  }
  int found = 0;
  for (int i = 0; i < 35000; ++i) {
    if (i % 7 != 0) found += set.contains("w" + std::to_string(i));
  }
  EXPECT_EQ(found, 0);
  EXPECT_FALSE(set.contains(""));
  EXPECT_EQ(set.size(), 5000u);
}

TEST(WordSetTest, EmptySetHoldsNothing) {
  WordSet set;
  set.Seal();
  EXPECT_FALSE(set.contains("anna"));
}

TEST(WordSetTest, WordsOfManyLengths) {
  WordSet set;
  std::string word;
  for (int i = 0; i < 40; ++i) {
    word.push_back(static_cast<char>('a' + i % 26));
    set.insert(word);
  }
  set.Seal();
  word.clear();
  for (int i = 0; i < 40; ++i) {
    word.push_back(static_cast<char>('a' + i % 26));
    EXPECT_TRUE(set.contains(word)) << i;
    EXPECT_FALSE(set.contains(word + "0")) << i;
  }
}

// The first value given a key stays.
TEST(WordMapTest, FirstValueStays) {
  WordMap map;
  map.emplace("rang", "rang");
  map.emplace("ave", "avenue");
  map.emplace("rang", "range");
  map.Seal();
  EXPECT_EQ(map.Find("rang"), "rang");
  EXPECT_EQ(map.Find("ave"), "avenue");
  EXPECT_EQ(map.Find("avenue"), "");
}

TEST(LexiconTest, ListsAnswer) {
  const Lexicon& lex = GetLexicon();
  EXPECT_TRUE(lex.Contains(lex.titles, "dr"));
  EXPECT_TRUE(lex.Contains(lex.first_names, "mary"));
  EXPECT_TRUE(lex.Contains(lex.last_names, "smith"));
  EXPECT_FALSE(lex.Contains(lex.first_names, "unionfind"));
  EXPECT_FALSE(lex.Contains(lex.last_names, "preparedrecord"));
  EXPECT_EQ(Lexicon::Find(lex.regions, "saskatchewan"), "SK");
  EXPECT_EQ(Lexicon::Find(lex.street_types, "ave"), "avenue");
}

}  // namespace
}  // namespace breachscope::text
