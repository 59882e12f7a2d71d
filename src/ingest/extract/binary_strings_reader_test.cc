#include "ingest/extract/binary_strings_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace breachscope {
namespace {

struct Collect : UnitSink {
  std::vector<std::pair<uint64_t, std::string>> units;
  void OnUnit(const TextUnit& unit) override {
    EXPECT_EQ(unit.kind, UnitKind::kText);
    units.emplace_back(unit.offset, std::string(unit.text));
  }
};

// What `strings -n 6` shows, byte by byte: the definition the reader keeps.
std::vector<std::pair<uint64_t, std::string>> Reference(std::string_view b) {
  std::vector<std::pair<uint64_t, std::string>> out;
  auto printable = [](unsigned char c) {
    return (c >= 0x20 && c < 0x7f) || c == '\t';
  };
  size_t i = 0;
  while (i < b.size()) {
    if (!printable(b[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < b.size() && printable(b[i])) ++i;
    if (i - start < kMinPrintableRun) continue;
    for (size_t at = start; at < i; at += 64 * 1024) {
      out.emplace_back(at, std::string(b.substr(at, std::min<size_t>(
                                                       64 * 1024, i - at))));
    }
  }
  return out;
}

TEST(BinaryStringsReaderTest, RunsOfSixOrMorePrintableBytes) {
  constexpr char kHead[] = "\x01hello\x02world!\x00tab\there";
  const std::string bytes =
      std::string(kHead, sizeof kHead - 1) + "\x7f" + "end of file";
  Collect sink;
  ASSERT_TRUE(ReadBinaryStrings(bytes, sink).ok());
  EXPECT_EQ(sink.units, (std::vector<std::pair<uint64_t, std::string>>{
                            {7, "world!"}, {14, "tab\there"},
                            {23, "end of file"}}));
}

TEST(BinaryStringsReaderTest, EqualsTheByteByByteDefinition) {
  std::mt19937 rng(5);
  for (int round = 0; round < 50; ++round) {
    std::string bytes(20000 + rng() % 5000, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 256);
    // Some long runs, one over the 64 KiB cut.
    if (round % 10 == 0) bytes.insert(rng() % bytes.size(), 70000, 'a');
    bytes.insert(rng() % bytes.size(), 40, 'x');
    Collect sink;
    ASSERT_TRUE(ReadBinaryStrings(bytes, sink).ok());
    ASSERT_EQ(sink.units, Reference(bytes));
  }
}

}  // namespace
}  // namespace breachscope
