// eval_resolve: accuracy of the resolver on labelled entity-resolution
// data (bench/data/er): FEBRL data sets 1-3 (deduplicated within each
// file), Splink's fake_1000 and the Senzing truth set. Prints pairwise
// precision, recall and F1, B-cubed precision and recall, found and true
// individuals, false merges and splits, review pairs and blocking recall.
//
//   eval_resolve [--data DIR] [--sets febrl1,febrl2,febrl3,fake1000,senzing]
//                [--threads N] [--link W] [--review W] [--check] [--show-errors N]
//
// --check exits 1 unless the targets hold: FEBRL F1 >= 0.99 with precision
// >= 0.995, and no false merge on the Senzing set. The data is synthetic,
// so --show-errors may print record values.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eval_resolve_data.h"
#include "eval_resolve_metrics.h"
#include "resolve/blocking.h"
#include "resolve/prepared_record.h"
#include "resolve/record_statistics.h"
#include "resolve/resolver.h"

namespace breachscope {
namespace {

struct Args {
  std::string data = BREACHSCOPE_SOURCE_DIR "/bench/data/er";
  std::set<std::string> sets = {"febrl1", "febrl2", "febrl3", "fake1000", "senzing"};
  ResolveOptions options;
  bool check = false;
  int show_errors = 0;
};

bool ParseArgs(int argc, char** argv, Args* args) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") {
      args->data = value();
    } else if (a == "--sets") {
      args->sets.clear();
      std::string list = value();
      for (size_t s = 0, e; s <= list.size(); s = e + 1) {
        e = std::min(list.find(',', s), list.size());
        if (e > s) args->sets.insert(list.substr(s, e - s));
      }
    } else if (a == "--threads") {
      args->options.threads = std::atoi(value().c_str());
    } else if (a == "--link") {
      args->options.link_threshold = std::atof(value().c_str());
    } else if (a == "--review") {
      args->options.review_threshold = std::atof(value().c_str());
    } else if (a == "--check") {
      args->check = true;
    } else if (a == "--show-errors") {
      args->show_errors = std::atoi(value().c_str());
    } else {
      std::fprintf(stderr, "usage: eval_resolve [--data DIR] [--sets LIST] [--threads N] [--link W] "
                           "[--review W] [--check] [--show-errors N]\n");
      return false;
    }
  }
  return true;
}

double RunBlockingRecall(const LabelledRecords& set, const ResolveOptions& options, uint64_t* candidates) {
  std::vector<PreparedRecord> prepared;
  for (const PersonRecord& r : set.records) prepared.push_back(PrepareRecord(r));
  AddRecordStatistics(&prepared);
  BlockingOptions blocking{options.max_block, options.block_window};
  std::vector<uint64_t> pairs = BlockCandidates(prepared, blocking, nullptr);
  *candidates = pairs.size();
  return BlockingRecall(pairs, set.truth, nullptr);
}

std::string Describe(const PersonRecord& r) {
  std::string out = r.key + " [";
  for (const PersonName& n : r.names) out += n.given + " " + n.middle + " " + n.family + n.full + "; ";
  for (const std::string& d : r.dates_of_birth) out += d + " ";
  for (const HealthNumber& h : r.health_numbers) out += "id " + h.number + " ";
  for (const std::string& a : r.addresses) out += "| " + a + " ";
  for (const std::string& p : r.postal_codes) out += p + " ";
  for (const std::string& p : r.phones) out += "tel " + p + " ";
  for (const std::string& e : r.emails) out += e + " ";
  return out + "]";
}

void ShowErrors(const LabelledRecords& set, const Resolution& res, int limit) {
  std::map<uint32_t, std::vector<size_t>> members;
  for (size_t i = 0; i < res.individual_of.size(); ++i) members[res.individual_of[i]].push_back(i);
  int shown = 0;
  for (auto& [id, list] : members) {  // false merges
    std::set<std::string> truths;
    for (size_t i : list) truths.insert(set.truth[i]);
    if (truths.size() < 2 || shown++ >= limit) continue;
    std::printf("  merged:\n");
    for (size_t i : list) std::printf("    %s truth=%s\n", Describe(set.records[i]).c_str(), set.truth[i].c_str());
  }
  for (const ReviewPair& p : res.links) {
    if (set.truth[p.a] == set.truth[p.b]) continue;
    std::printf("  false link %.1f: %s / %s\n    %s\n", p.weight, set.records[p.a].key.c_str(),
                set.records[p.b].key.c_str(), p.why.c_str());
  }
  for (const ReviewPair& p : res.review) {
    if (shown++ >= limit) break;
    std::printf("  review %.1f (%s): %s / %s\n    %s\n", p.weight,
                set.truth[p.a] == set.truth[p.b] ? "same" : "different", set.records[p.a].key.c_str(),
                set.records[p.b].key.c_str(), p.why.c_str());
  }
  shown = 0;
  std::map<std::string, std::set<uint32_t>> found_of;
  for (size_t i = 0; i < set.truth.size(); ++i) found_of[set.truth[i]].insert(res.individual_of[i]);
  shown = 0;
  for (auto& [truth, found] : found_of) {  // splits
    if (found.size() < 2 || shown++ >= limit) continue;
    std::printf("  split:\n");
    for (size_t i = 0; i < set.truth.size(); ++i) {
      if (set.truth[i] == truth) std::printf("    %s -> %u\n", Describe(set.records[i]).c_str(), res.individual_of[i]);
    }
  }
}

// Returns false when --check and a target is missed.
bool Evaluate(const LabelledRecords& set, const Args& args) {
  if (!set.error.empty()) {
    std::printf("%-18s error: %s\n", set.name.c_str(), set.error.c_str());
    return false;
  }
  auto start = std::chrono::steady_clock::now();
  Resolution res = Resolve(set.records, {}, args.options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ClusterMetrics m = Measure(res.individual_of, set.truth);
  uint64_t candidates = 0;
  double blocking = RunBlockingRecall(set, args.options, &candidates);
  std::printf("%-18s %7llu %6llu %6llu  %.4f %.4f %.4f  %.4f %.4f  %5llu %5llu %6llu  %.4f %8llu  %.2fs\n",
              set.name.c_str(), (unsigned long long)m.records, (unsigned long long)m.true_entities,
              (unsigned long long)m.found_entities, m.precision, m.recall, m.f1, m.bcubed_precision,
              m.bcubed_recall, (unsigned long long)m.merged_clusters, (unsigned long long)m.split_entities,
              (unsigned long long)res.review.size(), blocking, (unsigned long long)candidates, seconds);
  if (args.show_errors > 0) {
    std::printf("%s", res.model.c_str());
    ResolveOptions explain = args.options;
    explain.explain_links = true;
    res = Resolve(set.records, {}, explain);
    ShowErrors(set, res, args.show_errors);
  }
  if (!args.check) return true;
  bool febrl = set.name.rfind("febrl", 0) == 0;
  if (febrl && (m.f1 < 0.99 || m.precision < 0.995)) {
    std::printf("  target missed: FEBRL needs F1 >= 0.99 and precision >= 0.995\n");
    return false;
  }
  if (set.name.rfind("senzing", 0) == 0 && m.merged_clusters > 0) {
    std::printf("  target missed: no false merge allowed on the Senzing set\n");
    return false;
  }
  return true;
}

}  // namespace
}  // namespace breachscope

int main(int argc, char** argv) {
  using namespace breachscope;
  Args args;
  if (!ParseArgs(argc, argv, &args)) return 2;
  std::printf("%-18s %7s %6s %6s  %-6s %-6s %-6s  %-6s %-6s  %5s %5s %6s  %-6s %8s  %s\n", "data set", "records",
              "true", "found", "P", "R", "F1", "B3-P", "B3-R", "merge", "split", "review", "blockR",
              "cands", "time");
  bool ok = true;
  for (int k = 1; k <= 3; ++k) {
    std::string id = "febrl" + std::to_string(k);
    if (args.sets.count(id)) {
      ok &= Evaluate(LoadFebrl(args.data + "/febrl/dataset" + std::to_string(k) + ".csv", id), args);
    }
  }
  if (args.sets.count("fake1000")) ok &= Evaluate(LoadSplinkFake(args.data + "/splink-fake_1000/fake_1000.csv"), args);
  if (args.sets.count("senzing")) ok &= Evaluate(LoadSenzing(args.data + "/senzing-truthset"), args);
  return ok ? 0 : 1;
}
