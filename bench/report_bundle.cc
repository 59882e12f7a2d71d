// Benchmark: the whole notification bundle (lists, one letter per person and
// the combined print file, regulator reports) for N synthetic people — by
// default 7,293, the size of the case behind the project.
//
//   cmake --build build --target report_bundle_bench
//   build/bench/report_bundle_bench [PEOPLE] [OUT_DIR]
//
// Prints seconds, letters per second, pages and peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "report/notice/notification_list.h"
#include "report/notice/report_bundle.h"

namespace {

using breachscope::AffectedPerson;

constexpr const char* kGiven[] = {"Jean-Éric", "Mary", "Sam", "Chloé", "Ravi", "Olivia", "Noah", "Aanya"};
constexpr const char* kFamily[] = {"Côté-Tremblay", "O'Brien", "Lee", "Dela Cruz", "Singh", "Bouchard", "Smith"};
constexpr const char* kPlaces[] = {"Regina, SK S4P 3Y2", "Saskatoon, SK S7K 1J5", "Québec, QC G1R 1P5",
                                   "Calgary, AB T2P 1J9", "Toronto, ON M5V 2T6", "Winnipeg, MB R3C 0V8"};
constexpr const char* kCategories[] = {"name", "address", "date_of_birth", "phone", "diagnosis",
                                       "medication", "lab_result", "health_insurance_number",
                                       "medical_record_number", "service_date"};

AffectedPerson Person(int i) {
  AffectedPerson p;
  p.id = std::to_string(i + 1);
  p.names = {std::string(kGiven[i % 8]) + " " + kFamily[(i / 8) % 7]};
  if (i % 20 != 0) {  // one in twenty without a usable address
    p.addresses = {std::to_string(100 + i % 900) + " Main Street, " + kPlaces[i % 6]};
  }
  for (int c = 0; c < 10; ++c) {
    if (c < 3 || (i >> c) % 2) p.categories.push_back(kCategories[c]);
  }
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  const int people = argc > 1 ? std::stoi(argv[1]) : 7293;
  const std::string out = argc > 2 ? argv[2] : (std::filesystem::temp_directory_path() / "bs_report_bench").string();
  std::filesystem::remove_all(out);
  const breachscope::RegimeBook& book = breachscope::BuiltinRegimeBook();
  breachscope::ReportModel model;
  model.book = &book;
  model.generated_on = breachscope::Today();
  model.facts = breachscope::ParseCaseFacts(breachscope::CaseFactsTemplate(), book).value();
  model.facts.regimes = {"sk_hipa", "pipeda", "qc_law25"};
  for (const std::string& id : model.facts.regimes) model.regimes.push_back(book.Find(id));
  for (int i = 0; i < people; ++i) model.people.push_back(Person(i));
  breachscope::DeriveNotification(&model);
  model.deadlines = breachscope::ComputeDeadlines(book, model.facts, {}, model.generated_on);

  auto start = std::chrono::steady_clock::now();
  auto result = breachscope::WriteReportBundle(model, "/nonexistent-case", out);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.ok()) {
    std::fprintf(stderr, "report failed: %s\n", result.status().ToString().c_str());
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("people %d: %.1f s, %.0f letters/s, %llu letters, %llu pages in the print file, "
              "%llu without address, peak RSS %.0f MB\n",
              people, seconds, result.value().letters / seconds,
              static_cast<unsigned long long>(result.value().letters),
              static_cast<unsigned long long>(result.value().letter_pages),
              static_cast<unsigned long long>(result.value().without_address), usage.ru_maxrss / 1024.0);
  std::filesystem::remove_all(out);
  return 0;
}
