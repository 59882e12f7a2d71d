#include "ingest/extract/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace breachscope {
namespace {

// Records every unit as "text|label|record|column|offset" for exact checks.
class RecordingSink : public UnitSink {
 public:
  void OnUnit(const TextUnit& u) override {
    EXPECT_EQ(u.kind, UnitKind::kTableCell);
    EXPECT_TRUE(u.table.empty());
    units.push_back(std::string(u.text) + "|" + std::string(u.label) + "|" + std::to_string(u.record) +
                    "|" + std::to_string(u.column) + "|" + std::to_string(u.offset));
  }
  void OnRecordEnd(int64_t record) override { record_ends.push_back(record); }
  void OnWarning(std::string_view message) override { warnings.emplace_back(message); }

  std::vector<std::string> units;
  std::vector<int64_t> record_ends;
  std::vector<std::string> warnings;
};

struct CsvCase {
  const char* name;
  std::string input;
  char delimiter;
  std::vector<std::string> units;
  size_t records;
  size_t warnings;
  StatusCode code;
};

class CsvReaderTest : public testing::TestWithParam<CsvCase> {};

TEST_P(CsvReaderTest, DeliversCells) {
  const CsvCase& c = GetParam();
  RecordingSink sink;
  const Status status = ReadCsv(c.input, c.delimiter, sink);
  EXPECT_EQ(status.code(), c.code) << status.ToString();
  EXPECT_EQ(sink.units, c.units);
  EXPECT_EQ(sink.record_ends.size(), c.records);
  for (size_t i = 0; i < sink.record_ends.size(); ++i) EXPECT_EQ(sink.record_ends[i], static_cast<int64_t>(i));
  EXPECT_EQ(sink.warnings.size(), c.warnings);
}

constexpr StatusCode kOk = StatusCode::kOk;

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvReaderTest,
    testing::Values(
        CsvCase{"empty", "", ',', {}, 0, 0, kOk},
        CsvCase{"blank_lines_only", "\n\r\n  \n", ',', {}, 0, 0, kOk},
        CsvCase{"header_only", "id,name,dob\n", ',', {}, 0, 0, kOk},
        CsvCase{"header_and_rows", "id,name,dob\n1,Ann,1990-01-02\n2,Bob,\n", ',',
                {"1|id|0|0|12", "Ann|name|0|1|14", "1990-01-02|dob|0|2|18", "2|id|1|0|29", "Bob|name|1|1|31"},
                2, 0, kOk},
        CsvCase{"no_header_numeric_first_row", "1,Ann\n2,Bob\n", ',',
                {"1||0|0|0", "Ann||0|1|2", "2||1|0|6", "Bob||1|1|8"}, 2, 0, kOk},
        CsvCase{"no_header_text_rows", "Ann,Smith\nBob,Jones\n", ',',
                {"Ann||0|0|0", "Smith||0|1|4", "Bob||1|0|10", "Jones||1|1|14"}, 2, 0, kOk},
        CsvCase{"single_data_row_kept", "Ann,Smith", ',', {"Ann||0|0|0", "Smith||0|1|4"}, 1, 0, kOk},
        CsvCase{"quotes", "name,note\n\"Doe, J\",\"said \"\"hi\"\"\"\n", ',',
                {"Doe, J|name|0|0|11", "said \"hi\"|note|0|1|20"}, 1, 0, kOk},
        CsvCase{"embedded_newline", "name,note\nAnn,\"line1\nline2\"\nBob,x\n", ',',
                {"Ann|name|0|0|10", "line1\nline2|note|0|1|15", "Bob|name|1|0|28", "x|note|1|1|32"}, 2, 0, kOk},
        CsvCase{"crlf", "name,dob\r\nAnn,1990\r\nBob,1991", ',',
                {"Ann|name|0|0|10", "1990|dob|0|1|14", "Bob|name|1|0|20", "1991|dob|1|1|24"}, 2, 0, kOk},
        CsvCase{"cr_only", "name,dob\rAnn,1990\r", ',', {"Ann|name|0|0|9", "1990|dob|0|1|13"}, 1, 0, kOk},
        CsvCase{"semicolon", "nom;date\nRen\xC3\xA9;1990\n", ';', {"Ren\xC3\xA9|nom|0|0|9", "1990|date|0|1|15"},
                1, 0, kOk},
        CsvCase{"tab_keeps_spaces_trimmed", "name\tcity\n Ann Lee \t Paris\n", '\t',
                {"Ann Lee|name|0|0|11", "Paris|city|0|1|21"}, 1, 0, kOk},
        CsvCase{"pipe", "name|dob\nAnn|1990\n", '|', {"Ann|name|0|0|9", "1990|dob|0|1|13"}, 1, 0, kOk},
        CsvCase{"spaces_around_quotes", "name,dob\n  \"Ann\"  , 1990 \n", ',',
                {"Ann|name|0|0|12", "1990|dob|0|1|20"}, 1, 0, kOk},
        CsvCase{"stray_text_after_quote", "name,dob\n\"An\"n,1990\n", ',', {"Ann|name|0|0|10", "1990|dob|0|1|15"},
                1, 0, kOk},
        CsvCase{"quote_inside_unquoted", "name,dob\nO\"Neil,1990\n", ',', {"O\"Neil|name|0|0|9", "1990|dob|0|1|16"},
                1, 0, kOk},
        CsvCase{"ragged_rows", "name,dob\nAnn\nBob,1991,extra\nCy,1992\n", ',',
                {"Ann|name|0|0|9", "Bob|name|1|0|13", "1991|dob|1|1|17", "extra||1|2|22", "Cy|name|2|0|28",
                 "1992|dob|2|1|31"},
                3, 2, kOk},
        CsvCase{"ragged_without_header", "1,2,3\n4,5\n", ',', {"1||0|0|0", "2||0|1|2", "3||0|2|4", "4||1|0|6",
                                                               "5||1|1|8"},
                2, 1, kOk},
        CsvCase{"empty_cells_skipped", "a,b,c\n1,,3\n,,\n", ',', {"1|a|0|0|6", "3|c|0|2|9"}, 2, 0, kOk},
        CsvCase{"trailing_delimiter", "name,dob,\nAnn,1990,\n", ',', {"Ann|name|0|0|10", "1990|dob|0|1|14"}, 1, 0,
                kOk},
        CsvCase{"blank_lines_between_rows", "name,dob\n\nAnn,1990\n\n\nBob,1991\n", ',',
                {"Ann|name|0|0|10", "1990|dob|0|1|14", "Bob|name|1|0|21", "1991|dob|1|1|25"}, 2, 0, kOk},
        CsvCase{"unterminated_quote", "name,note\nAnn,ok\nBob,\"never closed\nstill\n", ',',
                {"Ann|name|0|0|10", "ok|note|0|1|14", "Bob|name|1|0|17", "never closed\nstill|note|1|1|22"}, 2, 0,
                StatusCode::kCorrupt},
        CsvCase{"unterminated_with_doubled", "a,b\n1,\"x\"\"y", ',', {"1|a|0|0|4", "x\"y|b|0|1|7"}, 1, 0,
                StatusCode::kCorrupt},
        CsvCase{"lone_quote", "\"", ',', {}, 1, 0, StatusCode::kCorrupt},
        CsvCase{"duplicate_labels_are_data", "x,x\n1,2\n", ',', {"x||0|0|0", "x||0|1|2", "1||1|0|4", "2||1|1|6"},
                2, 0, kOk}),
    [](const testing::TestParamInfo<CsvCase>& info) { return std::string(info.param.name); });

TEST(CsvReaderTest, UnterminatedQuoteNamesRow) {
  RecordingSink sink;
  const Status status = ReadCsv("name,note\nAnn,ok\nBob,\"open\n", ',', sink);
  EXPECT_EQ(status.message(), "CSV row 3: unterminated quote");
}

TEST(CsvReaderTest, RaggedWarningNamesRowWithoutValues) {
  RecordingSink sink;
  ASSERT_TRUE(ReadCsv("name,dob\nSecretName\n", ',', sink).ok());
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0], "CSV row 2: 1 cells, expected 2");
}

TEST(CsvReaderTest, UnquotedCellsAreViewsIntoInput) {
  const std::string input = "name,dob\nAnn,1990\n";
  struct ViewSink : UnitSink {
    const std::string* in;
    bool all_inside = true;
    void OnUnit(const TextUnit& u) override {
      all_inside &= u.text.data() >= in->data() && u.text.data() + u.text.size() <= in->data() + in->size();
    }
  } sink;
  sink.in = &input;
  ASSERT_TRUE(ReadCsv(input, ',', sink).ok());
  EXPECT_TRUE(sink.all_inside);
}

TEST(CsvReaderTest, ManyColumnsOneRow) {
  std::string input;
  for (int i = 0; i < 200000; ++i) input += "v,";
  input += "v\n";
  struct CountSink : UnitSink {
    size_t units = 0;
    int32_t max_column = -1;
    void OnUnit(const TextUnit& u) override {
      ++units;
      max_column = std::max(max_column, u.column);
    }
  } sink;
  ASSERT_TRUE(ReadCsv(input, ',', sink).ok());
  EXPECT_EQ(sink.units, 200001u);
  EXPECT_EQ(sink.max_column, 200000);
}

}  // namespace
}  // namespace breachscope
