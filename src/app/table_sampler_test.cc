#include "app/table_sampler.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detect/fields/column_profile.h"
#include "ingest/extract/csv_reader.h"

namespace breachscope {
namespace {

class SamplerSink : public UnitSink {
 public:
  explicit SamplerSink(TableSampler* sampler) : sampler_(sampler) {}
  void OnUnit(const TextUnit& unit) override { sampler_->OnUnit(unit); }

 private:
  TableSampler* sampler_;
};

class TableSamplerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = DetectorEngine::Create({});
    ASSERT_TRUE(engine.ok());
    engine_ = std::move(engine).value();
    scratch_ = engine_->NewScratch();
  }
  std::vector<Finding> ScanCsv(const std::string& csv) {
    std::vector<Finding> findings;
    TableSampler sampler(*engine_, *scratch_, &findings);
    SamplerSink sink(&sampler);
    EXPECT_TRUE(ReadCsv(csv, ',', sink).ok());
    sampler.Finish();
    return findings;
  }
  static std::vector<Finding> Of(const std::vector<Finding>& all,
                                 std::string_view category,
                                 int32_t column) {
    std::vector<Finding> out;
    for (const Finding& f : all) {
      if (f.category == category && f.location.column == column) {
        out.push_back(f);
      }
    }
    return out;
  }
  std::unique_ptr<const DetectorEngine> engine_;
  std::unique_ptr<DetectorEngine::Scratch> scratch_;
};

TEST_F(TableSamplerTest, HeaderlessDatesOfBirthColumn) {
  std::string csv;
  const char* dates[] = {"1951-02-03", "1975-03-14", "1988-11-30",
                         "2002-07-01", "1964-05-05", "1999-12-31"};
  for (int row = 0; row < 60; ++row) {
    csv += std::string(dates[row % 6]) + ",x" + std::to_string(row) + "\n";
  }
  std::vector<Finding> found = ScanCsv(csv);
  std::vector<Finding> dob = Of(found, "date_of_birth", 0);
  ASSERT_EQ(dob.size(), 60u);  // the sample and the rows after it
  EXPECT_EQ(dob[0].detector, "dob_column");
  EXPECT_EQ(dob[0].normalized, "1951-02-03");
  EXPECT_EQ(dob[59].location.record, 59);
  EXPECT_TRUE(Of(found, "date_of_birth", 1).empty());
}

TEST_F(TableSamplerTest, HeaderlessServiceDatesAreNotBirthDates) {
  std::string csv;
  for (int row = 0; row < 20; ++row) {
    csv += "2021-03-" + std::to_string(10 + row) + ",7\n";
  }
  EXPECT_TRUE(Of(ScanCsv(csv), "date_of_birth", 0).empty());
}

TEST_F(TableSamplerTest, HsnColumnWithoutCheckDigits) {
  std::string csv = "HSN,Visit\n";
  for (int row = 0; row < 70; ++row) {
    csv += std::to_string(100000000 + row * 7919) + ",clinic visit\n";
  }
  std::vector<Finding> hsn = Of(ScanCsv(csv), "health_insurance_number", 0);
  ASSERT_EQ(hsn.size(), 70u);  // the field rule's or a pattern detector's
  EXPECT_TRUE(hsn[0].normalized.ends_with(":100000000"));
  for (size_t i = 1; i < hsn.size(); ++i) {
    EXPECT_LT(hsn[i - 1].location.record, hsn[i].location.record);
  }
}

// A general-ledger export: nine and ten digits of the right length for a
// health number but with nothing to vouch for them are not classified.
TEST_F(TableSamplerTest, HeaderlessAccountNumbersAreNotHealthNumbers) {
  std::string csv;
  for (int row = 0; row < 30; ++row) {
    csv += std::to_string(4000 + row) + ",2021," +
           std::to_string(395258833 + row * 104729) + "," +
           std::to_string(3066226857LL + row * 7919) + "\n";
  }
  std::vector<Finding> found = ScanCsv(csv);
  EXPECT_TRUE(Of(found, "health_insurance_number", 2).empty());
  EXPECT_TRUE(Of(found, "health_insurance_number", 3).empty());
}

TEST_F(TableSamplerTest, ColumnClassFromSampledFindings) {
  // No header rule for "Ref", but most values are postal codes: the column
  // is an address column and the US zip code below becomes an address too.
  std::string csv = "Ref,Count\n";
  for (int row = 0; row < 9; ++row) csv += "S4P 3Y2,1\n";
  csv += "90210-1234,2\n";
  std::vector<Finding> found = ScanCsv(csv);
  int postal = 0, field = 0;
  for (const Finding& f : Of(found, "address", 0)) {
    postal += f.detector == "postal_code_ca";
    if (f.detector == "address_field") {
      ++field;
      EXPECT_EQ(f.location.record, 9);
      EXPECT_EQ(f.value, "90210-1234");
    }
  }
  EXPECT_EQ(postal, 9);
  EXPECT_EQ(field, 1);
}

TEST(ColumnProfileTest, HeaderlessHealthNumbersByProbe) {
  ColumnEvidence column;
  column.values = 50;
  column.probe_hits = {45, 0, 0};  // health card, date of birth, SIN
  EXPECT_EQ(ClassifyColumn(column), "health_insurance_number");
  column.probe_hits = {30, 0, 0};
  EXPECT_EQ(ClassifyColumn(column), "");
  column.header = "Ref";  // probes are for headerless columns only
  column.probe_hits = {50, 0, 0};
  EXPECT_EQ(ClassifyColumn(column), "");
  column.header = "HSN";
  EXPECT_EQ(ClassifyColumn(column), "health_insurance_number");
}

TEST(ColumnProfileTest, SampledCategoryShare) {
  ColumnEvidence column;
  column.header = "Ref";
  column.values = 10;
  column.CountFound("name");
  EXPECT_EQ(ClassifyColumn(column), "");
  for (int i = 0; i < 7; ++i) column.CountFound("name");
  EXPECT_EQ(ClassifyColumn(column), "name");  // 8 of 10
  column.values = 2;
  EXPECT_EQ(ClassifyColumn(column), "");  // too few values to say
}

}  // namespace
}  // namespace breachscope
