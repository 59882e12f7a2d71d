#include "ingest/extract/json_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/extract/recording_sink_test_util.h"

namespace breachscope {
namespace {

struct Case {
  const char* name;
  std::string input;
  bool ndjson;
  std::vector<Seen> expected;
  StatusCode code = StatusCode::kOk;
  size_t warnings = 0;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class JsonReaderTest : public ::testing::TestWithParam<Case> {};

TEST_P(JsonReaderTest, DeliversExpectedUnits) {
  const Case& c = GetParam();
  RecordingSink sink;
  Status status = ReadJson(c.input, c.ndjson, sink);
  EXPECT_EQ(status.code(), c.code) << status.ToString();
  EXPECT_EQ(sink.seen, c.expected);
  EXPECT_EQ(sink.warnings.size(), c.warnings);
  for (const Seen& s : sink.seen) EXPECT_LE(s.offset, c.input.size());
}

const Case kCases[] = {
    {"NestedObject",
     R"({"name":{"family":"Tremblay","given":["Marie","Anne"]},"age":42})",
     false,
     {{"Tremblay", "name.family", "name.family", 0, 19},
      {"Marie", "name.given", "name.given[0]", 0, 39},
      {"Anne", "name.given", "name.given[1]", 0, 47},
      {"42", "age", "age", 0, 61},
      End(0)}},
    {"NullAndBoolSkipped",
     R"({"a":null,"b":true,"c":[false,"x"]})",
     false,
     {{"x", "c", "c[1]", 0, 31}, End(0)}},
    {"TopLevelArrayRecords",
     R"([{"dob":"1975-03-14"},{"dob":"1980-01-02"},7])",
     false,
     {{"1975-03-14", "dob", "[0].dob", 0, 9},
      End(0),
      {"1980-01-02", "dob", "[1].dob", 1, 30},
      End(1),
      {"7", "", "[2]", 2, 43},
      End(2)}},
    {"FhirBundleEntriesAreRecords",
     R"({"resourceType":"Bundle","entry":[)"
     R"({"resource":{"birthDate":"1975-03-14","identifier":[{"value":"A1"}]}},)"
     R"({"resource":{"birthDate":"1980-01-02"}}],"id":"b1"})",
     false,
     {{"Bundle", "resourceType", "resourceType", -1, 17},
      {"1975-03-14", "entry.resource.birthDate", "entry[0].resource.birthDate", 0, 60},
      {"A1", "entry.resource.identifier.value",
       "entry[0].resource.identifier[0].value", 0, 96},
      End(0),
      {"1980-01-02", "entry.resource.birthDate", "entry[1].resource.birthDate", 1, 130},
      End(1),
      {"b1", "id", "id", -1, 151}}},
    {"Escapes",
     R"({"n":"Ren\u00e9e \"R\"","e":"\ud83d\ude00!","p":"a\\"})",
     false,
     {{"Ren\xc3\xa9" "e \"R\"", "n", "n", 0, 6},
      {"\xf0\x9f\x98\x80!", "e", "e", 0, 29},
      {"a\\", "p", "p", 0, 49},
      End(0)}},
    {"NumbersKeepTheirText",
     R"({"i":-12,"f":1.50,"e":6.02e23,"u":18446744073709551615})",
     false,
     {{"-12", "i", "i", 0, 5},
      {"1.50", "f", "f", 0, 13},
      {"6.02e23", "e", "e", 0, 22},
      {"18446744073709551615", "u", "u", 0, 34},
      End(0)}},
    {"TopLevelScalar", R"( "solo" )", false, {{"solo", "", "", 0, 2}, End(0)}},
    {"NdjsonBadLineInTheMiddle",
     "{\"a\":\"x\"}\n\n{\"a\":\"y\",\"b\":}\r\n[\"z\"]\n",
     true,
     {{"x", "a", "a", 0, 6},
      End(0),
      {"y", "a", "a", 1, 17},
      End(1),
      {"z", "", "[0]", 2, 29},
      End(2)},
     StatusCode::kOk,
     1},
    {"TruncatedDocumentKeepsWhatWasRead",
     R"({"a":"x","b":[1,2)",
     false,
     {{"x", "a", "a", 0, 6}, {"1", "b", "b[0]", 0, 14}, {"2", "b", "b[1]", 0, 16},
      End(0)},
     StatusCode::kCorrupt},
    {"TruncatedArrayEndsOpenRecord",
     R"([{"a":"x"},{"a":"y")",
     false,
     {{"x", "a", "[0].a", 0, 7}, End(0), {"y", "a", "[1].a", 1, 17}, End(1)},
     StatusCode::kCorrupt},
    {"NotJson", "hello", false, {}, StatusCode::kCorrupt},
    {"Empty", "", false, {}, StatusCode::kCorrupt},
    {"DepthBomb", std::string(100000, '['), false, {End(0)}, StatusCode::kCorrupt},
};

INSTANTIATE_TEST_SUITE_P(Cases, JsonReaderTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

TEST(JsonReader, NdjsonWarningNamesTheLineAndNoValue) {
  RecordingSink sink;
  ASSERT_TRUE(ReadJson("{\"a\":1}\n{\"secret\":\"Tremblay\n", true, sink).ok());
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_NE(sink.warnings[0].find("line 2"), std::string::npos);
  EXPECT_EQ(sink.warnings[0].find("Tremblay"), std::string::npos);
}

TEST(JsonReader, CorruptStatusGivesPositionAndNoValue) {
  RecordingSink sink;
  Status status = ReadJson(R"({"name":"Tremblay)", false, sink);
  EXPECT_EQ(status.code(), StatusCode::kCorrupt);
  EXPECT_NE(status.message().find("byte"), std::string::npos);
  EXPECT_EQ(status.message().find("Tremblay"), std::string::npos);
}

TEST(JsonReader, DepthLimitIsEnforcedButDeepValidInputBelowItReads) {
  std::string ok = std::string(kMaxJsonDepth - 1, '[') + "\"v\"" +
                   std::string(kMaxJsonDepth - 1, ']');
  RecordingSink sink;
  EXPECT_TRUE(ReadJson(ok, false, sink).ok());
  std::string deep = std::string(kMaxJsonDepth + 1, '[') + "1" +
                     std::string(kMaxJsonDepth + 1, ']');
  RecordingSink deep_sink;
  Status status = ReadJson(deep, false, deep_sink);
  EXPECT_EQ(status.code(), StatusCode::kCorrupt);
  EXPECT_NE(status.message().find("nesting"), std::string::npos);
}

TEST(JsonReader, LargeObjectWithoutEntryIsOneRecord) {
  std::string doc = "{";
  for (int i = 0; i < 3000; ++i) {
    doc += "\"k" + std::to_string(i) + "\":\"" + std::string(500, 'v') + "\",";
  }
  doc += "\"entry\":[\"e\"]}";
  RecordingSink sink;
  ASSERT_TRUE(ReadJson(doc, false, sink).ok());
  ASSERT_EQ(sink.seen.size(), 3002u);
  EXPECT_EQ(sink.seen[3000].path, "entry[0]");
  EXPECT_EQ(sink.seen[3000].record, 0);
  EXPECT_EQ(sink.seen.back(), End(0));
}

}  // namespace
}  // namespace breachscope
