// Detection engine speed alone, without reading, storing or sealing.
//
//   detect_units FILE [--split cells|lines|blocks] [--detectors a,b,...]
//                     [--label LABEL] [--rounds N]
//
// Splits FILE into units as a reader would (cells: comma-separated cells of
// each line, table cells labelled by their header; lines: one free-text unit
// per line; blocks: 64 KiB free-text units), scans every unit with one
// engine and scratch, and prints units, bytes, findings, CPU seconds, MB/s
// and units/s per core, and peak RSS. Build: `--target detect_units`.
#include <sys/resource.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detector_engine.h"

namespace breachscope {
namespace {

double CpuSeconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

std::vector<std::string_view> SplitOn(std::string_view s, char c) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == c) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// Units view `data` and `headers`; both outlive them.
std::vector<TextUnit> MakeUnits(std::string_view data, std::string_view split,
                                std::string_view label,
                                std::vector<std::string_view>* headers) {
  std::vector<TextUnit> units;
  if (split == "blocks") {
    for (size_t at = 0; at < data.size(); at += 64 * 1024) {
      TextUnit u;
      u.text = data.substr(at, 64 * 1024);
      u.offset = at;
      units.push_back(u);
    }
    return units;
  }
  std::vector<std::string_view> lines = SplitOn(data, '\n');
  int64_t record = -1;
  for (std::string_view line : lines) {
    if (line.empty()) continue;
    if (split == "lines") {
      TextUnit u;
      u.text = line;
      u.label = label;
      u.offset = line.data() - data.data();
      units.push_back(u);
      continue;
    }
    std::vector<std::string_view> cells = SplitOn(line, ',');
    if (record < 0) {
      *headers = cells;
      ++record;
      continue;
    }
    for (size_t c = 0; c < cells.size(); ++c) {
      TextUnit u;
      u.kind = UnitKind::kTableCell;
      u.text = cells[c];
      u.label = c < headers->size() ? (*headers)[c] : label;
      u.record = record;
      u.column = static_cast<int32_t>(c);
      u.offset = cells[c].data() - data.data();
      units.push_back(u);
    }
    ++record;
  }
  return units;
}

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: detect_units FILE [--split cells|lines|blocks] "
                 "[--detectors a,b] [--label L] [--rounds N]\n";
    return 2;
  }
  std::string split = "cells", label;
  int rounds = 1;
  DetectOptions options;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--split") split = value;
    if (flag == "--label") label = value;
    if (flag == "--rounds") rounds = std::stoi(value);
    if (flag == "--detectors") {
      for (std::string_view id : SplitOn(value, ',')) {
        options.only_detectors.emplace_back(id);
      }
    }
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();
  std::vector<std::string_view> headers;
  std::vector<TextUnit> units = MakeUnits(data, split, label, &headers);
  auto engine = DetectorEngine::Create(options);
  if (!engine.ok()) {
    std::cerr << engine.status().ToString() << "\n";
    return 1;
  }
  auto scratch = engine.value()->NewScratch();
  std::vector<Finding> findings;
  size_t found = 0, bytes = 0;
  // One warm-up unit so lazy tables load outside the timed loop.
  if (!units.empty()) engine.value()->ScanUnit(units[0], *scratch, &findings);
  const double start = CpuSeconds();
  for (int r = 0; r < rounds; ++r) {
    for (const TextUnit& unit : units) {
      findings.clear();
      engine.value()->ScanUnit(unit, *scratch, &findings);
      found += findings.size();
      bytes += unit.text.size();
    }
  }
  const double cpu = CpuSeconds() - start;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("units %zu bytes %zu findings %zu cpu_s %.3f MB/s %.2f "
              "units/s %.0f rss_MiB %ld\n",
              units.size() * rounds, bytes, found, cpu,
              cpu > 0 ? bytes / 1e6 / cpu : 0.0,
              cpu > 0 ? units.size() * rounds / cpu : 0.0,
              usage.ru_maxrss / 1024);
  return 0;
}

}  // namespace
}  // namespace breachscope

int main(int argc, char** argv) { return breachscope::Main(argc, argv); }
