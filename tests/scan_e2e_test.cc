// End to end: generate a share with known truth, scan it, and check the
// findings of the foundation detectors equal the truth exactly, whatever the
// thread count, on a second scan, and after the scan is killed and resumed.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "test_support.h"

namespace breachscope {
namespace {

using e2e::ReadLines;
using e2e::RunProcess;
using e2e::TempDir;
using Key = std::tuple<std::string, std::string, std::string>;  // source, category, normalized
using Multiset = std::map<Key, int>;

const std::set<std::string> kFoundationDetectors = {"email", "phone_nanp", "date",
                                                    "postal_code_ca", "sin"};
const std::map<std::string, std::string> kTruthKindCategory = {
    {"email", "email"}, {"phone", "phone"}, {"date_of_birth", "date_of_birth"},
    {"service_date", "service_date"}, {"postal_code", "address"}, {"sin", "sin"}};

// Writes a share; the truth file only when `truth` is not empty.
void Generate(const std::string& out, const std::string& truth, int seed,
              const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv = {"python3", e2e::GeneratorPath(), "--out", out,
                                   "--seed", std::to_string(seed)};
  if (!truth.empty()) argv.insert(argv.end(), {"--truth", truth});
  argv.insert(argv.end(), extra.begin(), extra.end());
  e2e::ProcessResult result = RunProcess(argv);
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

e2e::ProcessResult Scan(const std::string& share, const std::string& case_dir,
                            const std::string& threads) {
  return RunProcess({e2e::BinaryPath(), "scan", share, "--case", case_dir, "--quiet",
              "--threads", threads});
}

std::string ExportFindings(const std::string& case_dir) {
  e2e::ProcessResult result = RunProcess({e2e::BinaryPath(), "export", "findings",
                                       "--case", case_dir, "--format", "jsonl"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out;
}

nlohmann::json SummaryJson(const std::string& case_dir) {
  e2e::ProcessResult result =
      RunProcess({e2e::BinaryPath(), "summary", "--case", case_dir, "--json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

Multiset FoundFoundation(const std::string& jsonl) {
  Multiset found;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json f = nlohmann::json::parse(line);
    if (!kFoundationDetectors.count(f["detector"])) continue;
    ++found[{f["source"], f["category"], f["normalized"]}];
  }
  return found;
}

Multiset TruthFoundation(const std::string& truth_path) {
  Multiset truth;
  for (const std::string& line : ReadLines(truth_path)) {
    nlohmann::json t = nlohmann::json::parse(line);
    auto kind = kTruthKindCategory.find(t["kind"].get<std::string>());
    if (kind == kTruthKindCategory.end()) continue;
    ++truth[{t["source"], kind->second, t["normalized"]}];
  }
  return truth;
}

// Lists what one multiset has beyond the other, for a readable failure.
std::string Difference(const Multiset& a, const Multiset& b, const char* label) {
  std::string out;
  int shown = 0;
  for (const auto& [key, count] : a) {
    auto it = b.find(key);
    int other = it == b.end() ? 0 : it->second;
    if (count > other && shown++ < 25) {
      out += std::string(label) + ": " + std::get<0>(key) + " | " + std::get<1>(key) +
             " | " + std::get<2>(key) + " x" + std::to_string(count - other) + "\n";
    }
  }
  return out;
}

size_t CountFiles(const std::string& root) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) ++files;
  }
  return files;
}

class GeneratedShareTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    share_ = dir_->path() + "/share";
    truth_ = dir_->path() + "/truth.jsonl";
    case_ = dir_->path() + "/case";
    Generate(share_, truth_, 11);
    e2e::ProcessResult scan = Scan(share_, case_, "2");
    ASSERT_EQ(scan.exit_code, 0) << scan.err;
    export_ = new std::string(ExportFindings(case_));
  }
  static void TearDownTestSuite() {
    delete export_;
    delete dir_;
  }
  static TempDir* dir_;
  static std::string share_, truth_, case_;
  static std::string* export_;
};

TempDir* GeneratedShareTest::dir_ = nullptr;
std::string GeneratedShareTest::share_, GeneratedShareTest::truth_,
    GeneratedShareTest::case_;
std::string* GeneratedShareTest::export_ = nullptr;

TEST_F(GeneratedShareTest, FoundationFindingsEqualTruth) {
  Multiset found = FoundFoundation(*export_);
  Multiset truth = TruthFoundation(truth_);
  ASSERT_FALSE(truth.empty());
  EXPECT_EQ(found, truth) << Difference(found, truth, "unexpected")
                          << Difference(truth, found, "missed");
}

TEST_F(GeneratedShareTest, EveryFileIsAccountedFor) {
  nlohmann::json summary = SummaryJson(case_);
  EXPECT_EQ(summary["sources"].get<size_t>(), CountFiles(share_));
  EXPECT_EQ(summary["items"].get<size_t>(),
            summary["items_scanned"].get<size_t>() +
                summary["items_error"].get<size_t>() +
                summary["items_skipped"].get<size_t>());
  EXPECT_GT(summary["items"].get<size_t>(), summary["sources"].get<size_t>())
      << "archive members are items of their own";
}

TEST_F(GeneratedShareTest, OneThreadGivesTheSameExport) {
  TempDir other;
  ASSERT_EQ(Scan(share_, other.path() + "/case", "1").exit_code, 0);
  EXPECT_EQ(ExportFindings(other.path() + "/case"), *export_);
}

// Every item, however small, detected in batches shared by three workers
// (app/detect_pool.h): the findings and their order must not change.
TEST_F(GeneratedShareTest, ItemsSplitAcrossWorkersGiveTheSameExport) {
  TempDir other;
  e2e::ProcessResult scan =
      RunProcess({e2e::BinaryPath(), "scan", share_, "--case",
                  other.path() + "/case", "--quiet", "--threads", "3",
                  "--split-bytes", "1"});
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  EXPECT_EQ(ExportFindings(other.path() + "/case"), *export_);
}

TEST_F(GeneratedShareTest, SecondScanSkipsFinishedFiles) {
  TempDir copy;
  std::filesystem::copy(case_, copy.path() + "/case",
                        std::filesystem::copy_options::recursive);
  // The key lives beside the case folder, not in it.
  std::filesystem::copy_file(case_ + ".key", copy.path() + "/case.key");
  e2e::ProcessResult again = Scan(share_, copy.path() + "/case", "2");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(ExportFindings(copy.path() + "/case"), *export_);
  nlohmann::json summary = SummaryJson(copy.path() + "/case");
  EXPECT_EQ(summary["scans"].get<int>(), 2);
  EXPECT_EQ(summary["sources"].get<size_t>(), CountFiles(share_));
}

// Facilities whose record numbers have shapes of their own
// (tools/gen/facility.py): labelled in a chart index, the shape is learned
// and finds the same numbers unlabelled in letters and a transfer list,
// exactly, and none of the order, invoice and requisition numbers of the
// same or a similar shape beside them.
TEST(LearnedShapesE2eTest, UnlabelledRecordNumbersFoundExactly) {
  TempDir dir;
  const std::string share = dir.path() + "/share";
  const std::string truth = dir.path() + "/truth.jsonl";
  Generate(share, truth, 5, {"--facility-records"});
  ASSERT_EQ(Scan(share, dir.path() + "/case", "2").exit_code, 0);
  const std::string exported = ExportFindings(dir.path() + "/case");
  using Row = std::tuple<std::string, std::string, std::string>;  // source, category, value
  std::multiset<Row> found, learned, expected, expected_learned;
  std::vector<nlohmann::json> numbers;
  std::istringstream in(exported);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json f = nlohmann::json::parse(line);
    const std::string source = f["source"];
    const std::string category = f["category"];
    if (source.rfind("records/", 0) == 0 &&
        (category == "medical_record_number" || category == "patient_number")) {
      numbers.push_back(std::move(f));
    }
  }
  for (const nlohmann::json& f : numbers) {
    // `0042371` found by the pattern inside `RVH 0042371` found whole in
    // the same cell is the same number, counted once (as the evaluation).
    const std::string value = f["value"];
    const bool nested = std::any_of(
        numbers.begin(), numbers.end(), [&](const nlohmann::json& g) {
          const std::string other = g["value"];
          return g["source"] == f["source"] && g["location"] == f["location"] &&
                 other.size() > value.size() &&
                 other.find(value) != std::string::npos;
        });
    if (nested) continue;
    Row row{f["source"], f["category"], value};
    found.insert(row);
    if (f["detector"] == "mrn_learned_shape") learned.insert(row);
  }
  for (const std::string& line : ReadLines(truth)) {
    nlohmann::json t = nlohmann::json::parse(line);
    const std::string source = t["source"];
    if (source.rfind("records/", 0) != 0 ||
        t["category"] != "medical_record_number") {
      continue;
    }
    Row row{source, t["category"], t["value"]};
    expected.insert(row);
    if (source.find("chart_index") == std::string::npos) {
      expected_learned.insert(row);
    }
  }
  ASSERT_GE(expected_learned.size(), 12u);  // three letters per facility
  EXPECT_EQ(found, expected);
  EXPECT_EQ(learned, expected_learned);
  // The same with one thread.
  ASSERT_EQ(Scan(share, dir.path() + "/case1", "1").exit_code, 0);
  EXPECT_EQ(ExportFindings(dir.path() + "/case1"), exported);
}

TEST(ResumeTest, KilledScansResumeToTheSameFindings) {
  TempDir dir;
  std::string share = dir.path() + "/share";
  Generate(share, "", 23, {"--size-mb", "12"});
  std::string clean_case = dir.path() + "/clean";
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Scan(share, clean_case, "2").exit_code, 0);
  int clean_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - start)
                                      .count());
  std::string clean = ExportFindings(clean_case);
  // Kill points spread over the length of a clean scan, so each run stops
  // somewhere else: while walking, mid-source, mid-batch, while finishing.
  std::string resumed_case = dir.path() + "/resumed";
  int kills = 0;
  for (int tenth : {1, 3, 5, 7, 9}) {
    pid_t pid = e2e::Spawn({e2e::BinaryPath(), "scan", share, "--case", resumed_case,
                            "--quiet", "--threads", "2"});
    if (e2e::KillAfter(pid, clean_ms * tenth / 10)) ++kills;
  }
  ASSERT_EQ(Scan(share, resumed_case, "2").exit_code, 0);
  EXPECT_GT(kills, 0) << "every scan finished before its kill";
  EXPECT_EQ(ExportFindings(resumed_case), clean);
}

}  // namespace
}  // namespace breachscope
