// Speed of the two per-unit text preparations alone: text::Tokenize (the
// free-text analyzers' tokens) and medical::FoldedText::Reset (the medical
// dictionaries' folded tokens).
//
//   text_prep FILE [--rounds N] [--block BYTES]
//
// Cuts FILE into blocks (64 KiB, as a reader cuts a log or a large text
// file), prepares every block with each in turn, and prints per
// preparation the tokens made, CPU seconds of the best round, MB/s, and
// the peak RSS. The best of N rounds (default 5) is what a noisy shared
// machine lets through. Build: `--target text_prep`.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "detect/medical/folded_text.h"
#include "detect/text/text_tokens.h"

namespace breachscope {
namespace {

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Runs prepare(block) on every block `rounds` times; returns the CPU
// seconds of the fastest round and sets *tokens to one round's count.
template <typename Prepare>
double BestRound(std::string_view data, size_t block, int rounds,
                 Prepare prepare, size_t* tokens) {
  double best = 1e9;
  for (int r = 0; r < rounds; ++r) {
    size_t count = 0;
    const double start = CpuSeconds();
    for (size_t at = 0; at < data.size(); at += block) {
      count += prepare(data.substr(at, block));
    }
    best = std::min(best, CpuSeconds() - start);
    *tokens = count;
  }
  return best;
}

void Print(const char* what, size_t bytes, size_t tokens, double cpu) {
  std::printf("%-10s bytes %zu tokens %zu cpu_s %.4f MB/s %.1f\n", what,
              bytes, tokens, cpu, cpu > 0 ? bytes / cpu / 1e6 : 0.0);
}

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: text_prep FILE [--rounds N] [--block BYTES]\n");
    return 2;
  }
  int rounds = 5;
  size_t block = 64 * 1024;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rounds") rounds = std::max(1, std::stoi(argv[i + 1]));
    if (flag == "--block") block = std::max<size_t>(1, std::stoul(argv[i + 1]));
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "text_prep: cannot read %s\n", argv[1]);
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();

  text::TokenizedText tokenized;
  size_t tokens = 0;
  double cpu = BestRound(data, block, rounds, [&](std::string_view unit) {
    text::Tokenize(unit, &tokenized);
    return tokenized.tokens.size();
  }, &tokens);
  Print("tokenize", data.size(), tokens, cpu);

  medical::FoldedText folded;
  cpu = BestRound(data, block, rounds, [&](std::string_view unit) {
    folded.Reset(unit);
    return folded.size();
  }, &tokens);
  Print("fold", data.size(), tokens, cpu);

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("rss_MiB %ld\n", usage.ru_maxrss / 1024);
  return 0;
}

}  // namespace
}  // namespace breachscope

int main(int argc, char** argv) { return breachscope::Main(argc, argv); }
