#include "ingest/extract/xml_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/extract/recording_sink_test_util.h"

namespace breachscope {
namespace {

struct Case {
  const char* name;
  std::string input;
  std::vector<Seen> expected;
  StatusCode code = StatusCode::kOk;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class XmlReaderTest : public ::testing::TestWithParam<Case> {};

TEST_P(XmlReaderTest, DeliversExpectedUnits) {
  const Case& c = GetParam();
  RecordingSink sink;
  Status status = ReadXml(c.input, sink);
  EXPECT_EQ(status.code(), c.code) << status.ToString();
  EXPECT_EQ(sink.seen, c.expected);
  EXPECT_TRUE(sink.warnings.empty());
  for (const Seen& s : sink.seen) EXPECT_LE(s.offset, c.input.size());
}

const Case kCases[] = {
    {"FhirPatientValueAttributes",
     R"(<Patient xmlns="http://hl7.org/fhir"><id value="p1"/>)"
     R"(<name><family value="Tremblay"/><given value="Marie"/></name>)"
     R"(<name><family value="Roy"/></name><birthDate value="1975-03-14"/></Patient>)",
     {{"p1", "Patient.id", "/Patient/id/@value", 0, 48},
      {"Tremblay", "Patient.name.family", "/Patient/name[1]/family/@value", 0, 74},
      {"Marie", "Patient.name.given", "/Patient/name[1]/given/@value", 0, 99},
      {"Roy", "Patient.name.family", "/Patient/name[2]/family/@value", 0, 135},
      {"1975-03-14", "Patient.birthDate", "/Patient/birthDate/@value", 0, 166},
      End(0)}},
    {"AttributesAndMixedText",
     "<person id=\"7\" xml:lang=\"fr\">\n  <name>Marie <b>Roy</b> fin</name>\n</person>",
     {{"7", "person.@id", "/person/@id", 0, 12},
      {"fr", "person.@xml:lang", "/person/@xml:lang", 0, 25},
      {"Marie", "person.name", "/person/name", 0, 38},
      {"Roy", "person.name.b", "/person/name/b", 0, 47},
      {"fin", "person.name", "/person/name", 0, 55},
      End(0)}},
    {"NamespacePrefixesLeaveTheLabel",
     R"(<hl7:doc xmlns:hl7="urn:x"><hl7:pat><hl7:nm>Roy</hl7:nm></hl7:pat></hl7:doc>)",
     {{"Roy", "doc.pat.nm", "/hl7:doc/hl7:pat/hl7:nm", 0, 44}, End(0)}},
    {"Cdata",
     "<note><![CDATA[DOB <1975-03-14> & co]]></note>",
     {{"DOB <1975-03-14> & co", "note", "/note", 0, 15}, End(0)}},
    {"EntitiesBuiltinAndNumericOnly",
     "<n>Ren&#233;e &amp; Jo &lt;3 &custom;</n>",
     {{"Ren\xc3\xa9" "e & Jo <3 &custom;", "n", "/n", 0, 3}, End(0)}},
    {"DoctypeEntitiesAreNotExpanded",
     "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
     "<d>&b;</d>",
     {{"&b;", "d", "/d", 0, 68}, End(0)}},
    {"RepeatingChildrenAreRecords",
     "<patients><meta>x</meta><patient><dob>1975</dob></patient>"
     "<patient><dob>1980</dob></patient></patients>",
     {{"x", "patients.meta", "/patients/meta", -1, 16},
      {"1975", "patients.patient.dob", "/patients/patient[1]/dob", 0, 38},
      End(0),
      {"1980", "patients.patient.dob", "/patients/patient[2]/dob", 1, 72},
      End(1)}},
    {"FhirBundleEntryIsARecordEvenAlone",
     R"(<Bundle xmlns="http://hl7.org/fhir"><id value="b"/><entry><resource>)"
     R"(<Patient><birthDate value="1975-03-14"/></Patient></resource></entry></Bundle>)",
     {{"b", "Bundle.id", "/Bundle/id/@value", -1, 47},
      {"1975-03-14", "Bundle.entry.resource.Patient.birthDate",
       "/Bundle/entry/resource/Patient/birthDate/@value", 0, 95},
      End(0)}},
    {"TruncatedKeepsWhatWasParsed",
     "<root><a>x</a><b>y</b><c>z",
     {{"x", "root.a", "/root/a", 0, 9}, {"y", "root.b", "/root/b", 0, 17}, End(0)},
     StatusCode::kCorrupt},
    {"NotXml", "hello, world", {}, StatusCode::kCorrupt},
    {"Empty", "", {}, StatusCode::kCorrupt},
};

INSTANTIATE_TEST_SUITE_P(Cases, XmlReaderTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

TEST(XmlReader, CorruptMessageHasOffsetAndNoValue) {
  RecordingSink sink;
  Status status = ReadXml("<a><name>Tremblay</nme></a>", sink);
  EXPECT_EQ(status.code(), StatusCode::kCorrupt);
  EXPECT_NE(status.message().find("byte"), std::string::npos);
  EXPECT_EQ(status.message().find("Tremblay"), std::string::npos);
}

TEST(XmlReader, DepthBombIsRejectedWithoutCrashing) {
  std::string open;
  for (int i = 0; i < 100000; ++i) open += "<a>";
  RecordingSink sink;
  EXPECT_EQ(ReadXml(open, sink).code(), StatusCode::kCorrupt);

  std::string closed = open + "x";
  for (int i = 0; i < 100000; ++i) closed += "</a>";
  RecordingSink closed_sink;
  Status status = ReadXml(closed, closed_sink);
  EXPECT_EQ(status.code(), StatusCode::kCorrupt);
  EXPECT_NE(status.message().find("nesting"), std::string::npos);
  EXPECT_EQ(closed_sink.seen, std::vector<Seen>{End(0)});
}

}  // namespace
}  // namespace breachscope
