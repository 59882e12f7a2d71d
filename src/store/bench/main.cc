// Insert and read throughput of SqliteCaseStore on synthetic findings.
//
// Usage: store_bench [findings] [findings_per_item]  (default 1000000 100)
// Writes a throw-away case under the system temp folder and prints timings.
#include <stdlib.h>
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "store/case_store.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

breachscope::Finding SyntheticFinding(int64_t n) {
  breachscope::Finding f;
  f.category = n % 3 == 0 ? "phone" : (n % 3 == 1 ? "name" : "date_of_birth");
  f.detector = "bench";
  f.value = "value-" + std::to_string(n * 7919 % 1000003);
  f.normalized = f.value;
  f.confidence = 0.9;
  f.explanation = "label match +0.30";
  f.location.kind = breachscope::UnitKind::kTableCell;
  f.location.record = n;
  f.location.column = 3;
  f.location.label = "Phone";
  f.location.offset = static_cast<uint64_t>(n) * 40;
  return f;
}

int Fail(const breachscope::Status& st) {
  std::fprintf(stderr, "store_bench: %s\n", st.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t total = argc > 1 ? std::atoll(argv[1]) : 1000000;
  const int64_t per_item = argc > 2 ? std::atoll(argv[2]) : 100;
  std::string dir =
      (std::filesystem::temp_directory_path() / "store_bench.XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) return 1;

  int rc = 0;
  {
    auto opened = breachscope::OpenSqliteCaseStore(dir + "/case",
                                                   breachscope::NewPlainSealer());
    if (!opened.ok()) return Fail(opened.status());
    auto& store = *opened.value();
    const breachscope::SourceKey key{"bench.csv", 1, 1};
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    auto scan = store.BeginScan({"bench"}, 1);
    if (!scan.ok()) return Fail(scan.status());
    if (auto st = store.BeginSource(key); !st.ok()) return Fail(st);
    std::vector<breachscope::Finding> findings;
    for (int64_t done = 0, item = 0; done < total; ++item) {
      findings.clear();
      for (int64_t j = 0; j < per_item && done < total; ++j, ++done) {
        findings.push_back(SyntheticFinding(done));
      }
      breachscope::ItemRecord rec;
      rec.name = "bench.csv!part" + std::to_string(item);
      rec.source = key.name;
      rec.format = "csv";
      if (auto st = store.AddItem(rec, findings); !st.ok()) return Fail(st);
    }
    if (auto st = store.FinishSource(key); !st.ok()) return Fail(st);
    if (auto st = store.Flush(); !st.ok()) return Fail(st);
    const double write_s = SecondsSince(start);
    const double cpu_s =
        static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf("insert %lld findings (%lld per item): %.2f s wall, %.2f s "
                "cpu, %.0f findings/s\n",
                static_cast<long long>(total), static_cast<long long>(per_item),
                write_s, cpu_s, total / write_s);

    const auto end_start = Clock::now();
    if (auto st = store.EndScan(scan.value(), {}); !st.ok()) return Fail(st);
    std::printf("end scan (builds the hash index): %.2f s\n",
                SecondsSince(end_start));

    const auto read_start = Clock::now();
    int64_t seen = 0;
    auto st = store.ForEachFinding(
        [&](const breachscope::StoredFinding&) { ++seen; });
    if (!st.ok()) rc = Fail(st);
    std::printf("read %lld findings in order: %.2f s\n",
                static_cast<long long>(seen), SecondsSince(read_start));
    const auto sum_start = Clock::now();
    if (!store.Summary().ok()) rc = 1;
    std::printf("summary: %.2f s\n", SecondsSince(sum_start));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory: %ld MiB\n", usage.ru_maxrss / 1024);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return rc;
}
