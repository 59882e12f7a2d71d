#include "ingest/extract/hl7_reader.h"

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
  size_t warnings = 0;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class Hl7ReaderTest : public ::testing::TestWithParam<Case> {};

TEST_P(Hl7ReaderTest, DeliversExpectedUnits) {
  const Case& c = GetParam();
  RecordingSink sink;
  Status status = ReadHl7(c.input, sink);
  EXPECT_EQ(status.code(), c.code) << status.ToString();
  EXPECT_EQ(sink.seen, c.expected);
  EXPECT_EQ(sink.warnings.size(), c.warnings);
  for (const Seen& s : sink.seen) EXPECT_LE(s.offset, c.input.size());
}

const Case kCases[] = {
    {"SegmentEndsCr",
     "MSH|^~\\&|LAB\rPID|1||123\r",
     {{"LAB", "MSH-3", "MSH-3[1].1", 0, 9},
      {"1", "PID-1", "PID-1[1].1", 0, 17},
      {"123", "PID-3", "PID-3[1].1", 0, 20},
      End(0)},
     StatusCode::kOk,
     0},
    {"SegmentEndsLf",
     "MSH|^~\\&|LAB\nPID|1||123\n",
     {{"LAB", "MSH-3", "MSH-3[1].1", 0, 9},
      {"1", "PID-1", "PID-1[1].1", 0, 17},
      {"123", "PID-3", "PID-3[1].1", 0, 20},
      End(0)},
     StatusCode::kOk,
     0},
    {"SegmentEndsCrLf",
     "MSH|^~\\&|LAB\r\nPID|1||123",
     {{"LAB", "MSH-3", "MSH-3[1].1", 0, 9},
      {"1", "PID-1", "PID-1[1].1", 0, 18},
      {"123", "PID-3", "PID-3[1].1", 0, 21},
      End(0)},
     StatusCode::kOk,
     0},
    {"TwoMessagesTwoRecords",
     "MSH|^~\\&|A\rPID|||X\rMSH|^~\\&|B\rPID|||Y\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"X", "PID-3", "PID-3[1].1", 0, 17},
      End(0),
      {"B", "MSH-3", "MSH-3[1].1", 1, 28},
      {"Y", "PID-3", "PID-3[1].1", 1, 36},
      End(1)},
     StatusCode::kOk,
     0},
    {"RepetitionsComponentsSubcomponents",
     "MSH|^~\\&|A\rPID|||1^^^H&2.16&ISO~9^^^R||Roy^Marie\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"1", "PID-3", "PID-3[1].1", 0, 17},
      {"H", "PID-3", "PID-3[1].4.1", 0, 21},
      {"2.16", "PID-3", "PID-3[1].4.2", 0, 23},
      {"ISO", "PID-3", "PID-3[1].4.3", 0, 28},
      {"9", "PID-3", "PID-3[2].1", 0, 32},
      {"R", "PID-3", "PID-3[2].4", 0, 36},
      {"Roy", "PID-5", "PID-5[1].1", 0, 39},
      {"Marie", "PID-5", "PID-5[1].2", 0, 43},
      End(0)},
     StatusCode::kOk,
     0},
    {"Escapes",
     "MSH|^~\\&|A\rNTE|||a\\F\\b\\S\\c\\T\\d\\R\\e\\X0D0A\\f\\.br\\g\\E\\\\H\\h\\N\\\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"a|b^c&d~e\r\nf\ng\\h", "NTE-3", "NTE-3[1].1", 0, 17},
      End(0)},
     StatusCode::kOk,
     0},
    {"HexNotUtf8ReadAsLatin1",
     "MSH|^~\\&|A\rPID|||Ren\\XE9\\e\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"Ren\xc3" "\xa9" "e", "PID-3", "PID-3[1].1", 0, 17},
      End(0)},
     StatusCode::kOk,
     0},
    {"HexUtf8Kept",
     "MSH|^~\\&|A\rPID|||Ren\\XC3A9\\e\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"Ren\xc3" "\xa9" "e", "PID-3", "PID-3[1].1", 0, 17},
      End(0)},
     StatusCode::kOk,
     0},
    {"UnknownEscapeKeptWithWarning",
     "MSH|^~\\&|A\rPID|||x\\Q1\\y~z\\w\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"x\\Q1\\y", "PID-3", "PID-3[1].1", 0, 17},
      {"z\\w", "PID-3", "PID-3[2].1", 0, 24},
      End(0)},
     StatusCode::kOk,
     2},
    {"CustomSeparators",
     "MSH#$%@!#APP\rPID##a@F@b#Roy$Marie%Tr!x\r",
     {{"APP", "MSH-3", "MSH-3[1].1", 0, 9},
      {"a#b", "PID-2", "PID-2[1].1", 0, 18},
      {"Roy", "PID-3", "PID-3[1].1", 0, 24},
      {"Marie", "PID-3", "PID-3[1].2", 0, 28},
      {"Tr", "PID-3", "PID-3[2].1.1", 0, 34},
      {"x", "PID-3", "PID-3[2].1.2", 0, 37},
      End(0)},
     StatusCode::kOk,
     0},
    {"SeparatorsChangeBetweenMessages",
     "MSH|^~\\&|A\rPID|||r^s\rMSH#$%@!#B\rPID###r$s|t\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"r", "PID-3", "PID-3[1].1", 0, 17},
      {"s", "PID-3", "PID-3[1].2", 0, 19},
      End(0),
      {"B", "MSH-3", "MSH-3[1].1", 1, 30},
      {"r", "PID-3", "PID-3[1].1", 1, 38},
      {"s|t", "PID-3", "PID-3[1].2", 1, 40},
      End(1)},
     StatusCode::kOk,
     0},
    {"TruncationCharacter",
     "MSH|^~\\&#|A\rNTE|||x\\P\\y\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 10},
      {"x#y", "NTE-3", "NTE-3[1].1", 0, 18},
      End(0)},
     StatusCode::kOk,
     0},
    {"RepeatedSegmentsCarryOccurrence",
     "MSH|^~\\&|A\rOBX|1||v1\rOBX|2||v2\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"1", "OBX-1", "OBX-1[1].1", 0, 15},
      {"v1", "OBX-3", "OBX-3[1].1", 0, 18},
      {"2", "OBX-1", "OBX(2)-1[1].1", 0, 25},
      {"v2", "OBX-3", "OBX(2)-3[1].1", 0, 28},
      End(0)},
     StatusCode::kOk,
     0},
    {"EmptyFieldsAndHl7Null",
     "MSH|^~\\&|A\rPID|||\"\"|||^^|x\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"x", "PID-7", "PID-7[1].1", 0, 25},
      End(0)},
     StatusCode::kOk,
     0},
    {"GarbageLineWarned",
     "MSH|^~\\&|A\rthis is not a segment\rPID|||1\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 9},
      {"1", "PID-3", "PID-3[1].1", 0, 39},
      End(0)},
     StatusCode::kOk,
     1},
    {"BatchSegmentsTolerated",
     "FHS|^~\\&|F\rBHS|^~\\&|B\rMSH|^~\\&|A\rPID|||1\rBTS|1\rFTS|1\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 31},
      {"1", "PID-3", "PID-3[1].1", 0, 39},
      End(0)},
     StatusCode::kOk,
     0},
    {"MllpFraming",
     "\x0b" "MSH|^~\\&|A\r\x1c" "\r",
     {{"A", "MSH-3", "MSH-3[1].1", 0, 10},
      End(0)},
     StatusCode::kOk,
     0},
    {"MshOnly",
     "MSH|^~\\&",
     {End(0)},
     StatusCode::kOk,
     0},
    {"NotHl7",
     "Dear doctor,\nMSH|^~\\&|A\r",
     {},
     StatusCode::kCorrupt,
     0},
    {"AlphanumericSeparator",
     "MSHX^~\\&XA\r",
     {},
     StatusCode::kCorrupt,
     0},
    {"Empty",
     "",
     {},
     StatusCode::kCorrupt,
     0},
};

INSTANTIATE_TEST_SUITE_P(Cases, Hl7ReaderTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

TEST(Hl7Reader, WarningsAndErrorsCarryNoValues) {
  RecordingSink sink;
  ASSERT_TRUE(ReadHl7("MSH|^~\\&|A\rPID|||Tremblay\\Q\\\rTremblay Marie\r", sink).ok());
  ASSERT_EQ(sink.warnings.size(), 2u);
  for (const std::string& w : sink.warnings) {
    EXPECT_EQ(w.find("Tremblay"), std::string::npos) << w;
  }
  EXPECT_NE(sink.warnings[0].find("PID-3[1].1"), std::string::npos);
  EXPECT_NE(sink.warnings[1].find("line 3"), std::string::npos);
  Status status = ReadHl7("Tremblay, Marie, 1975-03-14\n", sink);
  EXPECT_EQ(status.message().find("Tremblay"), std::string::npos);
}

TEST(Hl7Reader, GarbageWarningsAreCapped) {
  std::string input = "MSH|^~\\&|A\r";
  for (int i = 0; i < 1000; ++i) input += "garbage\r";
  RecordingSink sink;
  ASSERT_TRUE(ReadHl7(input, sink).ok());
  EXPECT_EQ(sink.warnings.size(), 101u);
}

// Identifier repetitions carry their type code and assigning authority
// (components 5 and 4) on every unit, so the value needs no look-ahead.
TEST(Hl7QualifierTest, IdentifierTypeTravelsWithTheValue) {
  struct Sink : UnitSink {
    void OnUnit(const TextUnit& unit) override {
      seen.push_back(std::string(unit.path) + "=" + std::string(unit.qualifier));
    }
    std::vector<std::string> seen;
  } sink;
  ASSERT_TRUE(ReadHl7("MSH|^~\\&|LAB\rPID|1||A77^^^CLINIC^MR~784512963^^^SK&2.16&ISO^JHN||DOE^JANE\r",
                      sink).ok());
  EXPECT_EQ(sink.seen,
            (std::vector<std::string>{"MSH-3[1].1=", "PID-1[1].1=",
                                      "PID-3[1].1=MR CLINIC", "PID-3[1].4=MR CLINIC",
                                      "PID-3[1].5=MR CLINIC", "PID-3[2].1=JHN SK",
                                      "PID-3[2].4.1=JHN SK", "PID-3[2].4.2=JHN SK",
                                      "PID-3[2].4.3=JHN SK", "PID-3[2].5=JHN SK",
                                      "PID-5[1].1=", "PID-5[1].2="}));
}

}  // namespace
}  // namespace breachscope
