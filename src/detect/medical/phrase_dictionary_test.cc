// PhraseDictionary: the longest phrase at a token, exactly as a plain
// search of every phrase finds it, and the first-token filter that turns
// most tokens away before any look-up.
#include "detect/medical/phrase_dictionary.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "detect/medical/medical_data.h"

namespace breachscope::medical {
namespace {

// The longest phrase of `phrases` made of the tokens from `first` on,
// found by trying every length: what LongestAt must answer.
size_t PlainLongest(const std::set<std::string>& phrases,
                    const FoldedText& text, size_t first) {
  for (size_t n = text.size() - first; n > 0; --n) {
    if (phrases.contains(std::string(text.Phrase(first, first + n - 1)))) {
      return n;
    }
  }
  return 0;
}

TEST(PhraseDictionaryTest, LongestAtIsThePlainSearch) {
  const std::vector<std::string> listed = {
      "Diabetes", "type 2 diabetes", "diabetes insipidus", "Heart failure",
      "heart", "Alzheimer's disease", "B12", "chronic kidney disease stage 3"};
  PhraseDictionary dictionary;
  std::set<std::string> phrases;
  for (const std::string& p : listed) {
    const int key = dictionary.Add(p);
    ASSERT_GE(key, 0);
    EXPECT_EQ(dictionary.Key(key), FoldPhrase(p));
    phrases.insert(FoldPhrase(p));
  }
  EXPECT_EQ(dictionary.Add("DIABETES"), dictionary.Add("diabetes"));
  EXPECT_EQ(dictionary.Add(" - "), -1);
  const std::vector<std::string> words = {
      "type", "2", "diabetes", "insipidus", "heart", "failure", "alzheimer",
      "s", "disease", "b12", "chronic", "kidney", "stage", "3", "the", "of",
      "size", "static", "Heart", "DIABETES"};
  std::mt19937 rng(3);
  FoldedText text;
  for (int round = 0; round < 3000; ++round) {
    std::string unit;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) unit += words[rng() % words.size()] + " ";
    text.Reset(unit);
    for (size_t first = 0; first <= text.size(); ++first) {
      const PhraseDictionary::Hit hit = dictionary.LongestAt(text, first);
      const size_t want =
          first < text.size() ? PlainLongest(phrases, text, first) : 0;
      ASSERT_EQ(hit.tokens, want) << unit << " at " << first;
      if (want > 0) {
        EXPECT_EQ(dictionary.Key(hit.key),
                  text.Phrase(first, first + want - 1));
      }
    }
  }
}

// The gate both ways: every first word of a phrase passes MayStart (or its
// phrases could never be found), and nearly every other word is turned
// away before it is hashed into a table, in the large drug dictionary and
// the small ones alike (their filters are smaller).
TEST(PhraseDictionaryTest, FilterPassesFirstWordsAndTurnsOthersAway) {
  // Words of code and logs, and numbered words.
  std::vector<std::string> others = {"the", "size", "static", "images",
                                     "unknown", "created", "request"};
  for (int i = 0; i < 20000; ++i) others.push_back("w" + std::to_string(i));
  for (const PhraseDictionary* dictionary :
       {&DrugDictionary(), &ConditionDictionary(), &LabTests().names}) {
    std::set<std::string> first_words;
    for (size_t key = 0; key < dictionary->size(); ++key) {
      const std::string& phrase = dictionary->Key(static_cast<int>(key));
      const std::string head = phrase.substr(0, phrase.find(' '));
      first_words.insert(head);
      EXPECT_TRUE(dictionary->MayStart(HashToken(head))) << head;
    }
    ASSERT_GT(first_words.size(), 100u);
    size_t passed = 0;
    for (const std::string& word : others) {
      if (first_words.contains(word)) continue;
      passed += dictionary->MayStart(HashToken(word));
    }
    // About one in 500 by chance; one bit alone let one in 40 through.
    EXPECT_LT(passed, others.size() / 200) << passed;
  }
}

// Every phrase of the real dictionaries is found whole at its own start.
TEST(PhraseDictionaryTest, EveryListedPhraseIsFound) {
  for (const PhraseDictionary* dictionary :
       {&ConditionDictionary(), &DrugDictionary(), &LabTests().names}) {
    FoldedText text;
    for (size_t key = 0; key < dictionary->size(); ++key) {
      text.Reset(dictionary->Key(static_cast<int>(key)));
      const PhraseDictionary::Hit hit = dictionary->LongestAt(text, 0);
      EXPECT_EQ(hit.tokens, text.size())
          << dictionary->Key(static_cast<int>(key));
      EXPECT_EQ(hit.key, static_cast<int>(key));
    }
  }
}

}  // namespace
}  // namespace breachscope::medical
