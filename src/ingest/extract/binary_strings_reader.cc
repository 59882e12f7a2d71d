#include "ingest/extract/binary_strings_reader.h"

#include <array>

namespace breachscope {
namespace {

constexpr size_t kMaxUnitBytes = 64 * 1024;

bool IsPrintable(unsigned char c) { return (c >= 0x20 && c < 0x7f) || c == '\t'; }

void EmitRun(std::string_view bytes, size_t begin, size_t end, UnitSink& sink) {
  for (size_t start = begin; start < end; start += kMaxUnitBytes) {
    TextUnit unit;
    unit.kind = UnitKind::kText;
    unit.text = bytes.substr(start, std::min(kMaxUnitBytes, end - start));
    unit.offset = start;
    sink.OnUnit(unit);
  }
}

}  // namespace

// Two tight loops, one over each kind of byte, instead of one loop that
// tests its state at every byte: a shared library alternates short runs
// of both, and this loop was the largest item of a binary folder's scan.
Status ReadBinaryStrings(std::string_view bytes, UnitSink& sink) {
  static const auto kPrintable = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) {
      table[c] = IsPrintable(static_cast<unsigned char>(c));
    }
    return table;
  }();
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    while (i < size && !kPrintable[data[i]]) ++i;
    const size_t run_start = i;
    while (i < size && kPrintable[data[i]]) ++i;
    if (i - run_start >= kMinPrintableRun) EmitRun(bytes, run_start, i, sink);
  }
  return Status::Ok();
}

}  // namespace breachscope
