// Insert and read throughput of SqliteCaseStore on synthetic findings.
//
// Usage: store_bench [findings] [findings_per_item] [plain|sodium|blake2b]
//        [writer]
//        (default 1000000 1000 plain)
// Writes a throw-away case under the system temp folder and prints timings.
// As in a scan, findings are sealed before the writer gets them (the scan
// workers' job, timed apart as "seal") and only the store calls of the
// single writer are timed as the write path. "sodium" seals for real
// (XChaCha20-Poly1305 + SipHash-2-4 under a fresh key), as new keyed cases
// do; "blake2b" hashes with keyed BLAKE2b instead, as older cases do.
// "writer" seals inside the timed store calls instead (AddItem), as the
// writer did before the workers sealed: the two side by side show what
// the hand-off takes off the writer.
//
// The mix imitates a dense clinical share: most items are tables whose
// findings repeat a handful of column labels, categories, detectors and
// explanations; some are HL7-like messages with field paths, a few are
// free text. Values are about 40 bytes and unique. Nothing here is real
// PHI, but the bench still prints counts only.
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "store/case_key.h"
#include "store/case_store.h"
#include "store/sodium_sealer.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Column {
  const char* label;
  const char* category;
  const char* detector;
};

constexpr Column kColumns[] = {
    {"Patient Name", "name", "name_dictionary"},
    {"DOB", "date_of_birth", "date"},
    {"Phone", "phone", "phone_nanp"},
    {"Health Card", "health_card", "ohip"},
    {"SIN", "sin", "sin_luhn"},
    {"Address", "address", "street_address"},
    {"Postal Code", "postal_code", "postal_ca"},
    {"Email", "email", "email"},
};
constexpr int kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

constexpr const char* kExplanations[] = {
    "pattern match; label 'Phone' +0.30",
    "luhn ok; label match +0.30",
    "dictionary hit; capitalised; label match +0.25",
    "valid calendar date; label 'DOB' +0.30",
    "checksum ok; no label -0.10",
};

constexpr const char* kHl7Paths[] = {"PID-5[1].1", "PID-7[1].1", "PID-13[1].1",
                                     "PID-19[1].1", "NK1-2[1].1"};

// ~40 bytes, unique per n, digits spread so values do not compress to runs.
std::string SyntheticValue(int64_t n) {
  std::string v = "v" + std::to_string(n * 7919 % 1000003) + "-" +
                  std::to_string(n) + " Synthetic Street Apt ";
  v.resize(40, 'x');
  return v;
}

breachscope::Finding SyntheticFinding(int64_t item, int64_t n, int64_t j) {
  breachscope::Finding f;
  const Column& col = kColumns[j % kColumnCount];
  f.category = col.category;
  f.detector = col.detector;
  f.value = SyntheticValue(n);
  f.normalized = f.value.substr(0, 36);
  f.confidence = 0.5 + 0.05 * static_cast<double>(n % 10);
  f.explanation = kExplanations[(j / kColumnCount + j) % 5];
  f.role = static_cast<breachscope::Role>(n % 4);
  breachscope::Location& loc = f.location;
  loc.offset = static_cast<uint64_t>(j) * 41 + 17;
  switch (item % 10) {
    case 8:  // HL7-like message: field paths
      loc.kind = breachscope::UnitKind::kField;
      loc.record = j / 5;
      loc.label = col.label;
      loc.path = kHl7Paths[j % 5];
      break;
    case 9:  // free text
      loc.kind = breachscope::UnitKind::kText;
      break;
    default:  // table, sometimes inside a SQL dump
      loc.kind = breachscope::UnitKind::kTableCell;
      loc.record = j / kColumnCount;
      loc.column = static_cast<int32_t>(j % kColumnCount);
      loc.label = col.label;
      if (item % 10 == 7) loc.table = "patients";
      break;
  }
  return f;
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

int Fail(const breachscope::Status& st) {
  std::fprintf(stderr, "store_bench: %s\n", st.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t total = argc > 1 ? std::atoll(argv[1]) : 1000000;
  const int64_t per_item = argc > 2 ? std::atoll(argv[2]) : 1000;
  const std::string scheme = argc > 3 ? argv[3] : "plain";
  const bool writer_seals = argc > 4 && std::string(argv[4]) == "writer";
  if (total <= 0 || per_item <= 0 ||
      (scheme != "plain" && scheme != "sodium" && scheme != "blake2b") ||
      (argc > 4 && !writer_seals)) {
    std::fprintf(stderr,
                 "usage: store_bench [findings] [per_item] "
                 "[plain|sodium|blake2b] [writer]\n");
    return 2;
  }
  std::string dir =
      (std::filesystem::temp_directory_path() / "store_bench.XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) return 1;

  int rc = 0;
  {
    const breachscope::CaseKey case_key = breachscope::CaseKey::Generate();
    auto opened = breachscope::OpenSqliteCaseStore(
        dir + "/case", scheme == "sodium"    ? breachscope::NewSodiumSealer(case_key)
                       : scheme == "blake2b" ? breachscope::NewBlake2bSealer(case_key)
                                             : breachscope::NewPlainSealer());
    if (!opened.ok()) return Fail(opened.status());
    auto& store = *opened.value();
    const breachscope::SourceKey key{"bench.csv", 1, 1};
    // Only store calls are timed; making the findings is not.
    double write_s = 0;
    double cpu_s = 0;
    double seal_cpu_s = 0;
    auto timed = [&](auto call) {
      const auto start = Clock::now();
      const double cpu_start = CpuSeconds();
      auto result = call();
      write_s += SecondsSince(start);
      cpu_s += CpuSeconds() - cpu_start;
      return result;
    };
    auto scan = timed([&] { return store.BeginScan({"bench"}, 1); });
    if (!scan.ok()) return Fail(scan.status());
    auto st = timed([&] { return store.BeginSource(key); });
    if (!st.ok()) return Fail(st);
    std::vector<breachscope::Finding> findings;
    for (int64_t done = 0, item = 0; done < total; ++item) {
      findings.clear();
      for (int64_t j = 0; j < per_item && done < total; ++j, ++done) {
        findings.push_back(SyntheticFinding(item, done, j));
      }
      breachscope::ItemRecord rec;
      rec.name = "bench.zip!part" + std::to_string(item);
      rec.source = key.name;
      rec.format = "csv";
      if (writer_seals) {
        st = timed([&] { return store.AddItem(rec, findings); });
      } else {
        const double seal_start = CpuSeconds();
        const breachscope::SealedFindings sealed = store.SealFindings(findings);
        seal_cpu_s += CpuSeconds() - seal_start;
        st = timed([&] { return store.AddSealedItem(rec, findings, sealed); });
      }
      if (!st.ok()) return Fail(st);
    }
    st = timed([&] { return store.FinishSource(key); });
    if (!st.ok()) return Fail(st);
    st = timed([&] { return store.Flush(); });
    if (!st.ok()) return Fail(st);
    std::printf("sealer %s: seal %.2f s cpu (%.2f us per finding, %s)\n",
                scheme.c_str(), seal_cpu_s, 1e6 * seal_cpu_s / total,
                writer_seals ? "counted in insert: the writer seals"
                             : "on the scan workers");
    std::printf("insert+flush %lld findings (%lld per item): %.2f s wall, "
                "%.2f s cpu, %.0f findings/s, %.0f findings/cpu-s\n",
                static_cast<long long>(total), static_cast<long long>(per_item),
                write_s, cpu_s, total / write_s, total / cpu_s);

    const auto end_start = Clock::now();
    const double end_cpu_start = CpuSeconds();
    if (auto st = store.EndScan(scan.value(), {}); !st.ok()) return Fail(st);
    const double end_s = SecondsSince(end_start);
    const double end_cpu_s = CpuSeconds() - end_cpu_start;
    std::printf("end scan (commits; the look-up index waits for a reader): "
                "%.2f s wall, %.2f s cpu\n",
                end_s, end_cpu_s);
    // CPU time is the steadier figure on a shared machine.
    std::printf("write path total: %.0f findings/s wall, %.0f findings/s "
                "cpu\n",
                total / (write_s + end_s), total / (cpu_s + end_cpu_s));

    const auto read_start = Clock::now();
    const double read_cpu_start = CpuSeconds();
    int64_t seen = 0;
    int64_t mismatched = 0;
    st = store.ForEachFinding([&](const breachscope::StoredFinding& s) {
      ++seen;
      if (s.location_text != s.finding.location.ToString()) ++mismatched;
    });
    if (!st.ok()) rc = Fail(st);
    if (mismatched != 0 || seen != total) rc = 1;
    std::printf("read %lld findings in order: %.2f s wall, %.2f s cpu%s\n",
                static_cast<long long>(seen), SecondsSince(read_start),
                CpuSeconds() - read_cpu_start, rc == 0 ? "" : " (MISMATCH)");
    const auto sum_start = Clock::now();
    if (!store.Summary().ok()) rc = 1;
    std::printf("summary: %.2f s\n", SecondsSince(sum_start));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS: %ld MiB\n", usage.ru_maxrss / 1024);
    std::error_code ec;
    std::printf("case.db: %.1f MiB\n",
                static_cast<double>(std::filesystem::file_size(
                    dir + "/case/case.db", ec)) / (1 << 20));
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return rc;
}
