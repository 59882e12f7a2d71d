#include "detect/fields/fhir_link.h"

#include <gtest/gtest.h>

#include "common/record_link.h"

namespace breachscope {
namespace {

TEST(CanonicalFhirReferenceTest, Forms) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Patient/123", "Patient/123"},
      {" Patient/a-1.b ", "Patient/a-1.b"},
      {"https://ehr.example.org/fhir/Patient/77", "Patient/77"},
      {"https://ehr.example.org/fhir/Patient/77/_history/3", "Patient/77"},
      {"urn:uuid:0f1e2d3c-aaaa-bbbb-cccc-000000000001", "urn:uuid:0f1e2d3c-aaaa-bbbb-cccc-000000000001"},
      {"urn:oid:1.2.3.4", "urn:oid:1.2.3.4"},
      {"Observation/9", "Observation/9"},
      {"123", ""},
      {"patient/123", ""},
      {"Patient/", ""},
      {"Patient/has space", ""},
      {"urn:uuid:", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CanonicalFhirReference(c.in), c.out) << c.in;
}

struct LinkCase {
  const char* path;
  const char* resource;
  const char* text;
  const char* detector;  // nullptr: no link
  const char* normalized = "";
};

TEST(ProposeFhirLinkTest, IdsAndReferences) {
  const LinkCase cases[] = {
      // A Patient's own id: NDJSON line, array element, Bundle entry.
      {"id", "Patient", "123", "fhir_id", "Patient/123"},
      {"[2].id", "Patient", "p2", "fhir_id", "Patient/p2"},
      {"entry[4].resource.id", "Patient", "abc", "fhir_id", "Patient/abc"},
      {"entry[4].fullUrl", "", "urn:uuid:1234-5678", "fhir_id", "urn:uuid:1234-5678"},
      {"entry[4].fullUrl", "", "http://h/fhir/Patient/5", "fhir_id", "Patient/5"},
      // Ids of other resources, nested ids, an unknown type: nothing.
      {"id", "Observation", "123", nullptr},
      {"id", "", "123", nullptr},
      {"name[0].id", "Patient", "n1", nullptr},
      {"entry[4].resource.contained[0].id", "Patient", "x", nullptr},
      // References to the patient.
      {"subject.reference", "Observation", "Patient/123", "fhir_reference", "Patient/123"},
      {"patient.reference", "AllergyIntolerance", "Patient/9", "fhir_reference", "Patient/9"},
      {"beneficiary.reference", "Coverage", "urn:uuid:77", "fhir_reference", "urn:uuid:77"},
      {"entry[1].resource.subject.reference", "Condition", "urn:uuid:ab", "fhir_reference",
       "urn:uuid:ab"},
      // Not the patient's: another person's resource, another kind of
      // target, a reference inside something else.
      {"patient.reference", "RelatedPerson", "Patient/123", nullptr},
      {"subject.reference", "Observation", "Group/4", nullptr},
      {"performer.reference", "Observation", "Patient/123", nullptr},
      {"contained[0].subject.reference", "Observation", "Patient/123", nullptr},
      {"subject.reference", "Observation", "not a reference", nullptr},
  };
  for (const LinkCase& c : cases) {
    TextUnit unit;
    unit.kind = UnitKind::kField;
    unit.path = c.path;
    unit.text = c.text;
    std::vector<ProposedFinding> out;
    ProposeFhirLink(unit, c.resource, &out);
    if (c.detector == nullptr) {
      EXPECT_TRUE(out.empty()) << c.path << " " << c.text;
      continue;
    }
    ASSERT_EQ(out.size(), 1u) << c.path;
    EXPECT_EQ(out[0].detector, c.detector) << c.path;
    EXPECT_EQ(out[0].category, kRecordLinkCategory);
    EXPECT_EQ(out[0].normalized, c.normalized) << c.path;
    EXPECT_EQ(out[0].confidence, 1.0);
  }
}

TEST(ProposeFhirLinkTest, SpanCoversTheTrimmedValue) {
  TextUnit unit;
  unit.kind = UnitKind::kField;
  unit.path = "subject.reference";
  unit.text = "  Patient/7 ";
  std::vector<ProposedFinding> out;
  ProposeFhirLink(unit, "Observation", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].start, 2u);
  EXPECT_EQ(out[0].end, 11u);
}

}  // namespace
}  // namespace breachscope
