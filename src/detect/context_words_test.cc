#include "detect/context_words.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "detect/context.h"
#include "detect/detector_engine.h"

namespace breachscope {
namespace {

std::unique_ptr<ContextWords> Compile(const std::vector<ContextWords::Word>& w) {
  auto compiled = ContextWords::Compile(w, "");
  EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
  return compiled.ok() ? std::move(compiled).value() : nullptr;
}

ContextWordHits Hits(const ContextWords& words, std::string_view text) {
  auto scratch = words.NewScratch();
  ContextWordHits hits;
  words.Scan(text, *scratch, &hits);
  return hits;
}

TEST(ContextWordsTest, ExpressionsMatchEveryRawFormOfTheNormalisedWord) {
  EXPECT_EQ(ContextWords::Expression("date_of_birth"),
            "date[^0-9A-Za-z\\x80-\\xff]+of[^0-9A-Za-z\\x80-\\xff]+birth");
  EXPECT_EQ(ContextWords::Expression("n\xc3\xa9" "e"), "n\\xc3[\\xa9\\x89]e");
  auto words = Compile({{"date of birth", false}, {"née", false}});
  ASSERT_NE(words, nullptr);
  EXPECT_EQ(Hits(*words, "DATE-OF--BIRTH").ends, std::vector<uint32_t>{14});
  EXPECT_EQ(Hits(*words, "NÉE le").ends, std::vector<uint32_t>{4});
  EXPECT_EQ(Hits(*words, "née").ends, std::vector<uint32_t>{4});
  EXPECT_TRUE(Hits(*words, "date of death").ends.empty());
}

TEST(ContextWordsTest, GatingOnlyForWordsOfGatedDetectors) {
  auto words = Compile({{"sin", true}, {"parcel", false}});
  ASSERT_NE(words, nullptr);
  EXPECT_FALSE(Hits(*words, "a parcel of 2 kg").gating);
  EXPECT_TRUE(Hits(*words, "SIN: 130 692 544").gating);
  // No boundaries: a superset of the whole-word search ("basin").
  EXPECT_TRUE(Hits(*words, "basin").gating);
}

TEST(ContextWordsTest, UnsafeWordsTurnTheFilterOff) {
  auto off = ContextWords::Compile({{"-dob", false}}, "");
  ASSERT_TRUE(off.ok());
  EXPECT_EQ(off.value(), nullptr);
}

TEST(ContextWordsTest, WindowAnswersAreASupersetOfTheWordSearch) {
  const std::vector<std::string> vocabulary = {
      "dob", "Date of Birth", "née", "social insurance", "tel", "box"};
  std::vector<ContextWords::Word> list;
  for (const std::string& w : vocabulary) list.push_back({w, false});
  auto words = Compile(list);
  ASSERT_NE(words, nullptr);
  const std::vector<std::string> pieces = {
      "DOB", "dob", "Date", "of", "BIRTH", "NÉE", "née", "social",
      "Insurance", "TEL", "tel.", "box", "x", "12", " ", "  ", "-", ":",
      "\n", "é", "_", "1975-03-14"};
  std::mt19937 rng(7);
  std::string window;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    while (text.size() < 160) text += pieces[rng() % pieces.size()];
    ContextWordHits hits = Hits(*words, text);
    for (size_t pos = 0; pos <= text.size(); ++pos) {
      NearbyWindow(text, pos, &window);
      bool found = false;
      for (const std::string& w : vocabulary) {
        found = found || FindLastWord(window, Normalize(w)) >= 0;
      }
      if (found) {
        ASSERT_TRUE(hits.AnyBefore(static_cast<uint32_t>(pos), kNearbyWindow))
            << text << " at " << pos;
      }
    }
  }
}

// A long unit (the word filter on) gives the findings of its lines scanned
// one by one (short units, filter off), shifted by the lines' offsets.
TEST(ContextWordsTest, EngineFindingsUnchangedInLongUnits) {
  DetectOptions options;
  options.cache_dir = "";
  options.only_detectors = {"email", "phone_nanp", "date", "postal_code_ca",
                            "sin", "weight", "health_number_sk"};
  auto engine = DetectorEngine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const std::vector<std::string> lines = {
      "patient DOB 1975-03-14 seen",
      "1975-03-14 nothing around it",
      "SIN 130 692 544",
      "social insurance: 130-692-544",
      "130 692 544 alone",
      "weight 70 kg",
      "parcel weight 70 kg",
      "Née le 14 mars 1975",
      "call (306) 555-1234 or mail a.b@example.org",
      "postal S4P 3Y2, SK health 123456782",
  };
  const std::string pad(60, '-');
  std::string all;
  std::vector<size_t> starts;
  for (const std::string& line : lines) {
    starts.push_back(all.size());
    all += line + "\n" + pad + "\n";
  }
  auto scratch = engine.value()->NewScratch();
  TextUnit unit;
  unit.text = all;
  std::vector<Finding> whole;
  engine.value()->ScanUnit(unit, *scratch, &whole);
  std::vector<std::string> expected, got;
  for (size_t i = 0; i < lines.size(); ++i) {
    TextUnit one;
    one.text = lines[i];
    std::vector<Finding> found;
    engine.value()->ScanUnit(one, *scratch, &found);
    for (const Finding& f : found) {
      expected.push_back(f.detector + " " + f.value + " " +
                         std::to_string(f.confidence) + " " +
                         std::to_string(starts[i] + f.location.offset));
    }
  }
  for (const Finding& f : whole) {
    got.push_back(f.detector + " " + f.value + " " +
                  std::to_string(f.confidence) + " " +
                  std::to_string(f.location.offset));
  }
  EXPECT_EQ(got, expected);
  EXPECT_GE(got.size(), 8u);  // the cases above do find things
}

}  // namespace
}  // namespace breachscope
