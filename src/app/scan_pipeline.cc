#include "app/scan_pipeline.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

#include "app/learned_shape_step.h"
#include "app/source_processor.h"
#include "app/detect_pool.h"
#include "common/bounded_queue.h"
#include "common/id_candidate.h"
#include "common/record_link.h"
#include "detect/learned_shape_rule.h"
#include "ingest/source_walker.h"

namespace breachscope {
namespace {

// What workers send the writer, in order per source. Items come with their
// findings already sealed by the worker (CaseStore::SealFindings): sealing
// is most of the cost of storing a finding, and the writer is one thread.
struct BeginSourceMsg { SourceKey key; };
struct SealedItemMsg {
  ItemResult item;
  SealedFindings sealed;  // one per item.findings
};
struct FinishSourceMsg { SourceKey key; uint64_t bytes; };
using WriterMsg = std::variant<BeginSourceMsg, SealedItemMsg, FinishSourceMsg>;

// Enough to keep the writer busy without holding much in memory.
constexpr size_t kQueueCapacity = 256;
constexpr auto kFlushInterval = std::chrono::seconds(2);
// The queue counts messages, but one message may hold a chunk of findings
// (about 430 bytes each): this caps the findings queued at once, so memory
// stays bounded when the writer is the slower side.
constexpr uint64_t kQueuedFindingsCap = 4 * 16384;

// Findings a scan reports: identifier candidates are kept for the end of
// the scan (common/id_candidate.h), not found yet; record links
// (common/record_link.h) are no findings.
uint64_t CountedFindings(const std::vector<Finding>& findings) {
  return std::count_if(findings.begin(), findings.end(),
                       [](const Finding& f) { return !IsIdCandidate(f) && !IsRecordLink(f); });
}

// Findings in the queue: workers take room before pushing and wait when it
// is full; the writer gives it back once stored. One message bigger than
// the cap still goes through, alone.
class FindingBudget {
 public:
  explicit FindingBudget(uint64_t cap) : cap_(cap) {}
  void Take(uint64_t n) {
    n = std::min(n, cap_);
    if (n == 0) return;
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return used_ + n <= cap_; });
    used_ += n;
  }
  void Give(uint64_t n) {
    n = std::min(n, cap_);
    if (n == 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    used_ -= n;
    room_.notify_all();
  }

 private:
  const uint64_t cap_;
  std::mutex mutex_;
  std::condition_variable room_;
  uint64_t used_ = 0;
};

// Stored items go back to the workers to be freed. Their strings were
// allocated by a worker; freeing millions of them on the single writer
// thread was about a tenth of its CPU on dense tables. The writer hands
// each stored message over; a worker frees what is waiting whenever it
// sends the next one, so at most about a queue's worth waits here.
class StoredItems {
 public:
  void Put(SealedItemMsg&& msg) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_.push_back(std::move(msg));
  }
  // Frees, on the calling thread, what the writer has handed over.
  void Free() {
    std::vector<SealedItemMsg> taken;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      taken.swap(done_);
    }
  }

 private:
  std::mutex mutex_;
  std::vector<SealedItemMsg> done_;
};

SourceKey KeyOf(const SourceEntry& entry) {
  return SourceKey{entry.name, entry.size, entry.mtime_ns};
}

// Lists the roots; sources already done are counted and left out.
Result<std::vector<SourceEntry>> PendingSources(const ScanOptions& options,
                                                CaseStore& store,
                                                ScanOutcome* outcome) {
  std::vector<SourceEntry> entries;
  Status walk = WalkSources(*RealFileSystem(), options.roots, options.ingest,
                            [&](SourceEntry entry) {
                              entries.push_back(std::move(entry));
                            });
  if (!walk.ok()) {
    if (walk.code() != StatusCode::kNotFound) return walk;
    outcome->missing_roots.push_back(walk.message());
  }
  std::vector<SourceEntry> pending;
  for (SourceEntry& entry : entries) {
    Result<bool> done = store.IsSourceDone(KeyOf(entry));
    if (!done.ok()) return done.status();
    if (done.value()) {
      ++outcome->sources_skipped;
    } else {
      pending.push_back(std::move(entry));
    }
  }
  return pending;
}

class Workers {
 public:
  Workers(const std::vector<SourceEntry>& sources, const ScanOptions& options,
          const DetectorEngine& engine, const CaseStore& store,
          const std::atomic<bool>& stop, BoundedQueue<WriterMsg>& queue,
          FindingBudget& budget, StoredItems& stored, ScanCounters& counters,
          DetectPool& pool)
      : sources_(sources), options_(options), engine_(engine), store_(store),
        stop_(stop), queue_(queue), budget_(budget), stored_(stored),
        counters_(counters), pool_(pool) {}

  void Start(int threads) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
  }
  void Join() {
    for (std::thread& thread : threads_) thread.join();
  }

 private:
  // A full queue blocks here: that wait is the writer's, not this stage's.
  void Push(StageClock& clock, WriterMsg msg) {
    const Stage before = clock.Switch(Stage::kQueue);
    queue_.Push(std::move(msg));
    clock.Switch(before);
  }

  void Run() {
    SourceProcessor processor(engine_, options_.ingest, stop_, &pool_);
    StageClock& clock = processor.clock();
    SourceProcessor::Emit emit = [this, &clock](ItemResult&& item) {
      if (!item.partial) {
        counters_.items.fetch_add(1, std::memory_order_relaxed);
        if (item.record.status == ItemStatus::kError) {
          counters_.errors.fetch_add(1, std::memory_order_relaxed);
        }
      }
      counters_.findings.fetch_add(CountedFindings(item.findings),
                                   std::memory_order_relaxed);
      Stage before = clock.Switch(Stage::kSeal);
      SealedFindings sealed = store_.SealFindings(item.findings);
      stored_.Free();
      clock.Switch(Stage::kQueue);
      budget_.Take(item.findings.size());
      queue_.Push(SealedItemMsg{std::move(item), std::move(sealed)});
      clock.Switch(before);
    };
    while (!stop_.load()) {
      // A big item's batches first: its owner waits for them in order.
      while (pool_.RunOne(processor.scratch(), clock)) {}
      size_t index = next_.fetch_add(1);
      if (index >= sources_.size()) break;
      const SourceEntry& entry = sources_[index];
      Push(clock, BeginSourceMsg{KeyOf(entry)});
      if (!processor.Process(entry, emit)) break;
      Push(clock, FinishSourceMsg{KeyOf(entry), entry.size});
      counters_.sources_done.fetch_add(1, std::memory_order_relaxed);
      counters_.bytes_done.fetch_add(entry.size, std::memory_order_relaxed);
      clock.AddTo(counters_);  // once per source keeps it cheap
    }
    // No source left for this worker: help the others' big items.
    pool_.Help(processor.scratch(), clock);
    clock.AddTo(counters_);
  }

  const std::vector<SourceEntry>& sources_;
  const ScanOptions& options_;
  const DetectorEngine& engine_;
  const CaseStore& store_;  // SealFindings only: the writer owns the rest
  const std::atomic<bool>& stop_;
  BoundedQueue<WriterMsg>& queue_;
  FindingBudget& budget_;
  StoredItems& stored_;
  ScanCounters& counters_;
  DetectPool& pool_;
  std::atomic<size_t> next_{0};
  std::vector<std::thread> threads_;
};

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

void CountFormat(const ItemResult& item, ScanStats* stats) {
  ScanStats::PerFormat& format = stats->formats[item.record.format];
  format.findings += CountedFindings(item.findings);
  if (item.partial) return;  // the item is counted with its final result
  ++format.items;
  format.bytes += item.record.bytes;
}

Status StoreItem(CaseStore& store, const SealedItemMsg& msg) {
  const ItemResult& item = msg.item;
  if (item.partial || item.chunked) {
    return store.AddSealedItemPart(item.record, item.findings, msg.sealed,
                                   item.seqs, !item.partial);
  }
  return store.AddSealedItem(item.record, item.findings, msg.sealed);
}

// Drains the queue into the store on the calling thread. On a store error it
// keeps draining (so workers never block) and returns the first error.
Status WriteAll(BoundedQueue<WriterMsg>& queue, FindingBudget& budget,
                StoredItems& stored, CaseStore& store, ScanOutcome* outcome) {
  using Clock = std::chrono::steady_clock;
  Status first_error;
  auto last_flush = Clock::now();
  Clock::duration in_store{};
  const double cpu_start = ThreadCpuSeconds();
  auto keep = [&](Status status) {
    if (first_error.ok() && !status.ok()) first_error = std::move(status);
  };
  while (std::optional<WriterMsg> msg = queue.Pop()) {
    if (auto* sealed = std::get_if<SealedItemMsg>(&*msg)) {
      budget.Give(sealed->item.findings.size());  // it is off the queue now
    }
    if (!first_error.ok()) continue;
    const auto start = Clock::now();
    if (auto* begin = std::get_if<BeginSourceMsg>(&*msg)) {
      keep(store.BeginSource(begin->key));
    } else if (auto* sealed = std::get_if<SealedItemMsg>(&*msg)) {
      const ItemResult* item = &sealed->item;
      if (!item->partial) {
        ++outcome->items;
        if (item->record.status == ItemStatus::kError) ++outcome->errors;
      }
      outcome->findings += CountedFindings(item->findings);
      CountFormat(*item, &outcome->stats);
      keep(StoreItem(store, *sealed));
      stored.Put(std::move(*sealed));
    } else if (auto* finish = std::get_if<FinishSourceMsg>(&*msg)) {
      keep(store.FinishSource(finish->key));
      ++outcome->sources_scanned;
      outcome->bytes += finish->bytes;
    }
    auto now = Clock::now();
    if (now - last_flush > kFlushInterval) {
      keep(store.Flush());
      last_flush = now;
      now = Clock::now();
    }
    in_store += now - start;
  }
  const auto start = Clock::now();
  keep(store.Flush());
  in_store += Clock::now() - start;
  outcome->stats.store_seconds =
      std::chrono::duration<double>(in_store).count();
  outcome->stats.writer_cpu_seconds = ThreadCpuSeconds() - cpu_start;
  return first_error;
}

// Process CPU time so far: {user, system} seconds.
std::pair<double, double> ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return {usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6,
          usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6};
}

// Not capped by the number of sources: a worker without a source of its own
// helps detect the big items of the others (app/detect_pool.h).
int ThreadCount(int requested) {
  int threads = requested > 0 ? requested
                              : static_cast<int>(std::thread::hardware_concurrency());
  return threads <= 0 ? 1 : threads;
}

}  // namespace

Result<ScanOutcome> RunScan(const ScanOptions& options, CaseStore& store,
                            const DetectorEngine& engine,
                            const std::atomic<bool>& stop) {
  auto start = std::chrono::steady_clock::now();
  const auto cpu_start = ProcessCpuSeconds();
  ScanOutcome outcome;
  BS_RETURN_IF_ERROR(store.PurgeUnfinishedSources());
  Result<std::vector<SourceEntry>> pending =
      PendingSources(options, store, &outcome);
  if (!pending.ok()) return pending.status();
  const std::vector<SourceEntry>& sources = pending.value();
  int threads = ThreadCount(options.threads);
  Result<int64_t> scan_id = store.BeginScan(options.roots, threads);
  if (!scan_id.ok()) return scan_id.status();

  ScanCounters counters;
  counters.sources_total = sources.size();
  for (const SourceEntry& entry : sources) counters.bytes_total += entry.size;
  ProgressReporter progress(options.progress, counters);
  progress.Start();

  BoundedQueue<WriterMsg> queue(kQueueCapacity);
  FindingBudget budget(kQueuedFindingsCap);
  StoredItems stored;
  DetectPool pool(engine, threads, stop);
  Workers workers(sources, options, engine, store, stop, queue, budget,
                  stored, counters, pool);
  workers.Start(threads);
  std::thread closer([&] {
    workers.Join();
    queue.Close();
  });
  Status written = WriteAll(queue, budget, stored, store, &outcome);
  closer.join();
  progress.Stop();

  outcome.interrupted = stop.load();
  const auto cpu_end = ProcessCpuSeconds();
  outcome.stats.threads = threads;
  outcome.stats.cpu_user_seconds = cpu_end.first - cpu_start.first;
  outcome.stats.cpu_system_seconds = cpu_end.second - cpu_start.second;
  for (int i = 0; i < kStageCount; ++i) {
    outcome.stats.stage_seconds[i] = counters.stage_ns[i].load() / 1e9;
    outcome.stats.stage_cpu_seconds[i] = counters.stage_cpu_ns[i].load() / 1e9;
  }
  outcome.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  BS_RETURN_IF_ERROR(written);
  if (!outcome.interrupted && RunsLearnedShapes(engine)) {
    Result<LearnedShapeOutcome> learned =
        PromoteLearnedShapes(store, options.min_confidence);
    if (!learned.ok()) return learned.status();
    outcome.findings += learned.value().promoted;
  }
  ScanTotals totals{outcome.sources_scanned, outcome.sources_skipped,
                    outcome.bytes, outcome.seconds};
  BS_RETURN_IF_ERROR(store.EndScan(scan_id.value(), totals));
  return outcome;
}

std::string FormatScanStats(const ScanOutcome& o) {
  const ScanStats& st = o.stats;
  std::string out;
  char line[256];
  auto add = [&](const char* key, double value) {
    std::snprintf(line, sizeof(line), "stats %s %.3f\n", key, value);
    out += line;
  };
  double workers_cpu = 0;
  for (double seconds : st.stage_cpu_seconds) workers_cpu += seconds;
  const double cpu = st.cpu_user_seconds + st.cpu_system_seconds;
  add("threads", st.threads);
  add("wall_s", o.seconds);
  add("bytes", static_cast<double>(o.bytes));
  add("cpu_user_s", st.cpu_user_seconds);
  add("cpu_system_s", st.cpu_system_seconds);
  add("workers_cpu_s", workers_cpu);
  add("writer_cpu_s", st.writer_cpu_seconds);
  // Per stage: the workers' thread CPU (what the stage costs, whatever the
  // load) and its share of the process CPU, then wall time summed over
  // workers, which adds waiting: for a core on a loaded machine, and for
  // the writer in queue_wait (wall time, next to no CPU).
  auto stage = [&](const char* name, double cpu_s, double wall_s,
                   const char* note) {
    std::snprintf(line, sizeof(line),
                  "stats stage %-10s cpu %8.3f s %5.1f%%  wall %8.3f s%s\n",
                  name, cpu_s, cpu > 0 ? 100 * cpu_s / cpu : 0.0, wall_s, note);
    out += line;
  };
  for (int i = 0; i < kStageCount; ++i) {
    stage(kStageNames[i], st.stage_cpu_seconds[i], st.stage_seconds[i], "");
  }
  stage("store", st.writer_cpu_seconds, st.store_seconds,
        " (writer thread; wall in store calls)");
  for (const auto& [name, format] : st.formats) {
    std::snprintf(line, sizeof(line),
                  "stats format %-10s items %llu bytes %llu findings %llu\n",
                  name.empty() ? "-" : name.c_str(),
                  static_cast<unsigned long long>(format.items),
                  static_cast<unsigned long long>(format.bytes),
                  static_cast<unsigned long long>(format.findings));
    out += line;
  }
  return out;
}

}  // namespace breachscope
