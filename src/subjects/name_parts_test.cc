#include "subjects/name_parts.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

struct SplitCase {
  const char* value;
  const char* given;
  const char* middle;
  const char* family;
  const char* suffix;
};

TEST(NamePartsTest, SplitFullName) {
  const SplitCase cases[] = {
      {"Jean Côté", "Jean", "", "Côté", ""},
      {"Dr. Jean M. Côté Jr.", "Jean", "M.", "Côté", "Jr"},
      {"Côté, Jean Marie", "Jean", "Marie", "Côté", ""},
      {"CÔTÉ^JEAN^M^SR", "JEAN", "M", "CÔTÉ", "SR"},
      {"John Smith Sr", "John", "", "Smith", "Sr"},
      {"Edmon", "Edmon", "", "", ""},
      {"Mary Ann van Dyke", "Mary", "Ann van", "Dyke", ""},
  };
  for (const SplitCase& c : cases) {
    PersonName n = SplitFullName(c.value);
    EXPECT_EQ(n.given, c.given) << c.value;
    EXPECT_EQ(n.middle, c.middle) << c.value;
    EXPECT_EQ(n.family, c.family) << c.value;
    EXPECT_EQ(n.suffix, c.suffix) << c.value;
    EXPECT_EQ(n.full, c.value);
  }
}

struct LabelCase {
  const char* label;
  const char* path;
  NamePart part;
};

TEST(NamePartsTest, PartOfLabel) {
  const LabelCase cases[] = {
      {"First Name", "", NamePart::kGiven},
      {"first_name", "", NamePart::kGiven},
      {"Prénom", "", NamePart::kGiven},
      {"Last Name", "", NamePart::kFamily},
      {"Nom", "", NamePart::kFamily},
      {"surname", "", NamePart::kFamily},
      {"Middle Name", "", NamePart::kMiddle},
      {"Patient Name", "", NamePart::kFull},
      {"Cardholder", "", NamePart::kFull},
      {"PID-5", "PID-5[1].1", NamePart::kFamily},
      {"PID-5", "PID-5[1].2", NamePart::kGiven},
      {"PID-5", "PID-5[1].3", NamePart::kMiddle},
      {"PID-5", "PID-5[1].4", NamePart::kSuffix},
      {"name.given", "name[0].given[0]", NamePart::kGiven},
      {"name.given", "name[0].given[1]", NamePart::kMiddle},
      {"name.family", "name[0].family", NamePart::kFamily},
      {"contact.name.text", "contact[0].name.text", NamePart::kFull},
      {"/patients/patient/name/given", "/patients/patient[1]/name/given", NamePart::kGiven},
  };
  for (const LabelCase& c : cases) {
    Location loc;
    loc.kind = UnitKind::kField;
    loc.label = c.label;
    loc.path = c.path;
    EXPECT_EQ(NamePartOf(loc), c.part) << c.label << " " << c.path;
  }
}

}  // namespace
}  // namespace breachscope
