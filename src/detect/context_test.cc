#include "detect/context.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

TEST(ContextTest, Normalize) {
  EXPECT_EQ(Normalize("Date of Birth"), "date_of_birth");
  EXPECT_EQ(Normalize("  Patient--DOB  "), "_patient_dob_");
  EXPECT_EQ(Normalize("Téléphone"), "téléphone");
  EXPECT_EQ(Normalize("NÉE LE"), "née_le");
  EXPECT_EQ(Normalize("social insurance"), "social_insurance");
}

TEST(ContextTest, LabelSubject) {
  EXPECT_EQ(LabelSubject("entry.resource.birthDate", UnitKind::kField),
            "birthDate");
  EXPECT_EQ(LabelSubject("/Patient/birthDate/@value", UnitKind::kField),
            "birthDate");
  EXPECT_EQ(LabelSubject("/Patient/name/family", UnitKind::kField), "family");
  EXPECT_EQ(LabelSubject("PID-7", UnitKind::kField), "PID-7");
  // A CSV header with dots is a header, not a path.
  EXPECT_EQ(LabelSubject("Date.of.Birth", UnitKind::kTableCell),
            "Date.of.Birth");
}

TEST(ContextTest, Hl7Fields) {
  EXPECT_TRUE(LabelIsHl7Field("PID-7", "PID-7"));
  EXPECT_TRUE(LabelIsHl7Field("pid-7", "PID-7"));
  EXPECT_TRUE(LabelIsHl7Field("PID-7.1", "PID-7"));
  EXPECT_TRUE(LabelIsHl7Field("PID-7[1]", "PID-7"));
  EXPECT_FALSE(LabelIsHl7Field("PID-71", "PID-7"));
  EXPECT_FALSE(LabelIsHl7Field("PID-1", "PID-13"));
  EXPECT_FALSE(LabelIsHl7Field("XPID-7", "PID-7"));
}

TEST(ContextTest, NearbyWindowIsFortyBytesOfWholeWords) {
  std::string window;
  std::string_view text = "Patient DOB: 1975-03-14";
  NearbyWindow(text, 13, &window);
  EXPECT_EQ(window, "_patient_dob__");
  EXPECT_GT(FindLastWord(window, "dob"), 0);
  EXPECT_EQ(FindLastWord(window, "do"), -1);
  // "birthday" cut by the window start leaves "rthday", which must not
  // count; a word 41 bytes away is out of reach.
  std::string far = "birth " + std::string(40, 'x') + " 1975";
  NearbyWindow(far, far.size() - 4, &window);
  EXPECT_EQ(FindLastWord(window, "birth"), -1);
}

TEST(ContextTest, FindLastWordPrefersTheNearest) {
  std::string window = "_seen_dob_";
  EXPECT_LT(FindLastWord(window, "seen"), FindLastWord(window, "dob"));
  EXPECT_EQ(FindLastWord(window, "rebirth"), -1);
  EXPECT_EQ(FindLastWord("_rebirth_", "birth"), -1);
}

}  // namespace
}  // namespace breachscope
