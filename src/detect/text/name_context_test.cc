// The context word table of the name analyzer, the context it reads
// around a candidate, and its title tests.
#include "detect/text/name_context.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace breachscope::text {
namespace {

constexpr ContextWordBit kBits[] = {kStaffWord,  kRelatedWord,      kPatientWord,
                                    kMentionWord, kPersonVerb, kPatientAfterWord,
                                    kCredentialWord};

bool Listed(ContextWordBit bit, std::string_view word) {
  std::vector<std::string_view> list = ContextWordList(bit);
  return std::find(list.begin(), list.end(), word) != list.end();
}

// One look-up answers as each list would: every listed word has the bits
// of exactly the lists it is in, and words near them have none.
TEST(ContextWordBitsTest, AnswersAsTheLists) {
  std::vector<std::string> asked;
  for (ContextWordBit bit : kBits) {
    ASSERT_FALSE(ContextWordList(bit).empty());
    for (std::string_view w : ContextWordList(bit)) {
      // Letters and hyphens only: the reader asks word tokens alone.
      for (char c : w) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << w;
      asked.emplace_back(w);
      asked.push_back(std::string(w) + "s");
      asked.push_back(std::string(w) + "'s");
      asked.push_back("x" + std::string(w));
      asked.emplace_back(w.substr(0, w.size() - 1));
      std::string upper(w);
      upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
      asked.push_back(upper);
    }
  }
  for (std::string w : {"", "a", "the", "getvalue", "info", "http",
                        "averyveryverylongidentifiername"}) {
    asked.push_back(w);
  }
  for (const std::string& w : asked) {
    const uint8_t bits = ContextWordBits(w);
    for (ContextWordBit bit : kBits) {
      EXPECT_EQ((bits & bit) != 0, Listed(bit, w)) << w << " bit " << int{bit};
    }
  }
  // Words in two lists carry both bits.
  EXPECT_EQ(ContextWordBits("said"), kMentionWord | kPersonVerb);
  EXPECT_EQ(ContextWordBits("doctor"), kStaffWord);
}

struct Unit {
  explicit Unit(std::string_view s) : text(s) { Tokenize(text, &tokens); }
  std::string text;
  TokenizedText tokens;
  // Index of the token that starts at `word`'s first occurrence.
  int At(std::string_view word) const {
    const size_t at = text.find(word);
    for (size_t i = 0; i < tokens.tokens.size(); ++i) {
      if (tokens.tokens[i].start == at) return static_cast<int>(i);
    }
    ADD_FAILURE() << word;
    return 0;
  }
};

// A possessive counts before a name ("the patient's") but not after one,
// as the lists have no apostrophes; the nearest context word before wins,
// and a person's verb after adds to it.
TEST(ReadNameContextTest, WordsBeforeAndAfter) {
  Unit u("the patient's brother Paul Roy and Anne said nothing");
  const std::vector<Token>& t = u.tokens.tokens;
  NameContext paul = ReadNameContext(u.text, t, u.At("Paul"), u.At("Roy"));
  EXPECT_EQ(paul.role, Role::kRelated);
  EXPECT_DOUBLE_EQ(paul.boost, 0.35);
  NameContext anne = ReadNameContext(u.text, t, u.At("Anne"), u.At("Anne"));
  EXPECT_EQ(anne.why, "relative context; person verb after");
  EXPECT_DOUBLE_EQ(anne.boost, 0.35 + 0.15);

  Unit possessive("the patient's Paul");
  const int p = possessive.At("Paul");
  EXPECT_EQ(ReadNameContext(possessive.text, possessive.tokens.tokens, p, p).role,
            Role::kPatient);
  Unit after("Paul said's it");
  EXPECT_DOUBLE_EQ(ReadNameContext(after.text, after.tokens.tokens, 0, 0).boost, 0.0);
  Unit verb("Paul said it");
  EXPECT_DOUBLE_EQ(ReadNameContext(verb.text, verb.tokens.tokens, 0, 0).boost, 0.15);
  // Numbers and punctuation are in no list.
  Unit digits("nurse 12 Paul");
  EXPECT_EQ(ReadNameContext(digits.text, digits.tokens.tokens, 2, 2).role,
            Role::kStaff);
  Unit credential("Paul, RN");
  NameContext rn = ReadNameContext(credential.text, credential.tokens.tokens, 0, 0);
  EXPECT_EQ(rn.role, Role::kStaff);
  EXPECT_TRUE(rn.strong);
  Unit dob("Paul Roy DOB 1980");
  EXPECT_EQ(ReadNameContext(dob.text, dob.tokens.tokens, 0, 1).role, Role::kPatient);
}

// A title before the candidate, asked alone and with the rest.
TEST(ReadNameContextTest, TitleBefore) {
  Unit u("seen by Dr. Lee and Lee");
  const std::vector<Token>& t = u.tokens.tokens;
  const int first_lee = u.At("Lee");
  const int second_lee = static_cast<int>(t.size()) - 1;
  EXPECT_TRUE(HasTitleBefore(u.text, t, first_lee));
  EXPECT_TRUE(ReadNameContext(u.text, t, first_lee, first_lee).has_title);
  EXPECT_EQ(ReadNameContext(u.text, t, first_lee, first_lee).role, Role::kStaff);
  EXPECT_FALSE(HasTitleBefore(u.text, t, second_lee));
  EXPECT_FALSE(ReadNameContext(u.text, t, second_lee, second_lee).has_title);
}

}  // namespace
}  // namespace breachscope::text

namespace breachscope::text {
namespace {

// IsPersonTitle answers as ClassifyTitle does for clinicians' and personal
// titles, and no for other titles and words.
TEST(TitleTest, PersonTitleIsClinicianOrPersonal) {
  for (std::string_view w : {"dr", "dre", "doctor", "prof", "mr", "mrs", "mme", "m",
                             "captain", "judge", "general", "major", "smith",
                             "getvalue", "d", ""}) {
    const TitleKind kind = ClassifyTitle(w);
    EXPECT_EQ(IsPersonTitle(w),
              kind == TitleKind::kClinician || kind == TitleKind::kPersonal)
        << w;
  }
  EXPECT_TRUE(IsPersonTitle("dr"));
  EXPECT_TRUE(IsPersonTitle("mme"));
  EXPECT_FALSE(IsPersonTitle("captain"));
  EXPECT_FALSE(IsPersonTitle("smith"));
}

}  // namespace
}  // namespace breachscope::text
