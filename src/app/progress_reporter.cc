#include "app/progress_reporter.h"

#include <cstdio>

#include "report/summary_text.h"

namespace breachscope {
namespace {

std::string Grouped(uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

double MegabytesPerSecond(const ProgressSnapshot& s) {
  return s.seconds > 0 ? s.bytes_done / 1e6 / s.seconds : 0.0;
}

// Seconds left from the byte rate so far; -1 when unknown.
double EtaSeconds(const ProgressSnapshot& s) {
  if (s.bytes_done == 0 || s.seconds <= 0) return -1;
  if (s.bytes_done >= s.bytes_total) return 0;
  double rate = s.bytes_done / s.seconds;
  return (s.bytes_total - s.bytes_done) / rate;
}

std::string EtaText(double eta) {
  if (eta < 0) return "--:--";
  auto total = static_cast<long long>(eta + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof(buffer), "%lld:%02lld:%02lld", total / 3600,
                  total / 60 % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%lld:%02lld", total / 60, total % 60);
  }
  return buffer;
}

}  // namespace

std::string FormatProgressLine(const ProgressSnapshot& s) {
  char rate[32];
  std::snprintf(rate, sizeof(rate), "%.1f MB/s", MegabytesPerSecond(s));
  return Grouped(s.sources_done) + "/" + Grouped(s.sources_total) + " files  " +
         HumanBytes(s.bytes_done) + "/" + HumanBytes(s.bytes_total) + "  " +
         rate + "  items " + Grouped(s.items) + "  errors " +
         Grouped(s.errors) + "  findings " + Grouped(s.findings) + "  ETA " +
         EtaText(EtaSeconds(s));
}

std::string FormatProgressJson(const ProgressSnapshot& s) {
  char buffer[512];
  std::snprintf(buffer, sizeof(buffer),
                "{\"sources_done\":%llu,\"sources_total\":%llu,"
                "\"bytes_done\":%llu,\"bytes_total\":%llu,\"items\":%llu,"
                "\"errors\":%llu,\"findings\":%llu,\"seconds\":%.2f,"
                "\"mb_per_s\":%.2f,\"eta_seconds\":%.0f}",
                (unsigned long long)s.sources_done,
                (unsigned long long)s.sources_total,
                (unsigned long long)s.bytes_done,
                (unsigned long long)s.bytes_total, (unsigned long long)s.items,
                (unsigned long long)s.errors, (unsigned long long)s.findings,
                s.seconds, MegabytesPerSecond(s), EtaSeconds(s));
  return buffer;
}

ProgressReporter::ProgressReporter(ProgressMode mode,
                                   const ScanCounters& counters)
    : mode_(mode), counters_(counters),
      start_(std::chrono::steady_clock::now()) {}

ProgressReporter::~ProgressReporter() { Stop(); }

void ProgressReporter::Start() {
  if (mode_ == ProgressMode::kNone || thread_.joinable()) return;
  start_ = std::chrono::steady_clock::now();
  thread_ = std::thread([this] { Run(); });
}

void ProgressReporter::Stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  PrintOnce();
  if (mode_ == ProgressMode::kLine) std::fputc('\n', stderr);
}

void ProgressReporter::Run() {
  auto period = mode_ == ProgressMode::kJson ? std::chrono::milliseconds(1000)
                                             : std::chrono::milliseconds(500);
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, period, [&] { return stopping_; })) {
    PrintOnce();
  }
}

ProgressSnapshot ProgressReporter::Snapshot() const {
  auto now = std::chrono::steady_clock::now();
  return {counters_.sources_done.load(), counters_.sources_total.load(),
          counters_.bytes_done.load(),   counters_.bytes_total.load(),
          counters_.items.load(),        counters_.errors.load(),
          counters_.findings.load(),
          std::chrono::duration<double>(now - start_).count()};
}

void ProgressReporter::PrintOnce() {
  ProgressSnapshot snapshot = Snapshot();
  if (mode_ == ProgressMode::kJson) {
    std::fprintf(stderr, "%s\n", FormatProgressJson(snapshot).c_str());
  } else if (mode_ == ProgressMode::kLine) {
    // Pad so a shorter line fully covers the previous one.
    std::fprintf(stderr, "\r%-110s", FormatProgressLine(snapshot).c_str());
  }
  std::fflush(stderr);
}

}  // namespace breachscope
