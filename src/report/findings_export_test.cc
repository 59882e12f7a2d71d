#include "report/findings_export.h"

#include <gtest/gtest.h>

#include "report/summary_text.h"

namespace breachscope {
namespace {

StoredFinding MakeFinding(std::string value, std::string location) {
  StoredFinding stored;
  stored.source = "share/a.zip!notes/n1.txt";
  stored.location_text = std::move(location);
  stored.finding.category = "phone";
  stored.finding.detector = "phone_nanp";
  stored.finding.value = std::move(value);
  stored.finding.normalized = "+13065551234";
  stored.finding.confidence = 0.876;
  stored.finding.role = Role::kPatient;
  return stored;
}

TEST(FindingsExportTest, JsonLineHasContractFieldsInOrder) {
  std::string line = FindingToJsonLine(MakeFinding("(306) 555-1234", "offset 12"));
  EXPECT_EQ(line,
            "{\"source\":\"share/a.zip!notes/n1.txt\",\"location\":\"offset "
            "12\",\"category\":\"phone\",\"value\":\"(306) 555-1234\","
            "\"normalized\":\"+13065551234\",\"confidence\":0.88,"
            "\"detector\":\"phone_nanp\",\"role\":\"patient\"}");
}

TEST(FindingsExportTest, CsvQuotesOnlyWhenNeeded) {
  struct Row {
    std::string value;
    std::string location;
    std::string expected;
  };
  std::vector<Row> rows = {
      {"306-555-1234", "offset 1",
       "share/a.zip!notes/n1.txt,offset 1,phone,306-555-1234,+13065551234,"
       "0.88,phone_nanp,patient"},
      {"a,b", "row 2, column 3 (Phone)",
       "share/a.zip!notes/n1.txt,\"row 2, column 3 (Phone)\",phone,\"a,b\","
       "+13065551234,0.88,phone_nanp,patient"},
      {"say \"hi\"", "x",
       "share/a.zip!notes/n1.txt,x,phone,\"say \"\"hi\"\"\",+13065551234,"
       "0.88,phone_nanp,patient"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(FindingToCsvRow(MakeFinding(row.value, row.location)),
              row.expected);
  }
}

TEST(FindingsExportTest, InvalidUtf8DoesNotThrow) {
  std::string line = FindingToJsonLine(MakeFinding("caf\xe9", "x"));
  EXPECT_NE(line.find("\"value\":\"caf"), std::string::npos);
}

TEST(FindingsExportTest, ParsesFormats) {
  EXPECT_EQ(ParseExportFormat("jsonl").value(), ExportFormat::kJsonl);
  EXPECT_EQ(ParseExportFormat("csv").value(), ExportFormat::kCsv);
  EXPECT_FALSE(ParseExportFormat("xml").ok());
}

TEST(SummaryTextTest, HumanBytes) {
  struct Row {
    uint64_t bytes;
    std::string expected;
  };
  for (const Row& row : std::vector<Row>{{0, "0 B"},
                                         {1023, "1023 B"},
                                         {1536, "1.5 KiB"},
                                         {5ull << 30, "5.0 GiB"}}) {
    EXPECT_EQ(HumanBytes(row.bytes), row.expected);
  }
}

TEST(SummaryTextTest, ListsCategoriesInDesignOrderAndErrors) {
  CaseSummary summary;
  summary.items = 3;
  summary.items_scanned = 2;
  summary.items_error = 1;
  summary.findings = 3;
  summary.findings_by_category = {{"sin", 1}, {"email", 2}};
  summary.items_by_category = {{"sin", 1}, {"email", 1}};
  summary.items_by_format = {{"csv", 2}};
  std::string text =
      RenderSummaryText(summary, {{"a.zip", "corrupt", "truncated archive"}});
  EXPECT_LT(text.find("email"), text.find("sin"));
  EXPECT_NE(text.find("a.zip: corrupt: truncated archive"), std::string::npos);
}

}  // namespace
}  // namespace breachscope
