#include "ingest/extract/binary_strings_reader.h"

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

Status ReadBinaryStrings(std::string_view bytes, UnitSink& sink) {
  size_t run_start = 0;
  bool in_run = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    bool printable = IsPrintable(static_cast<unsigned char>(bytes[i]));
    if (printable && !in_run) {
      run_start = i;
      in_run = true;
    } else if (!printable && in_run) {
      if (i - run_start >= kMinPrintableRun) EmitRun(bytes, run_start, i, sink);
      in_run = false;
    }
  }
  if (in_run && bytes.size() - run_start >= kMinPrintableRun) {
    EmitRun(bytes, run_start, bytes.size(), sink);
  }
  return Status::Ok();
}

}  // namespace breachscope
