// Fuzzes the detector engine: the input is scanned as free text and as a
// labelled table cell, and every finding must point inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "detect/detector_engine.h"

namespace {

using ::breachscope::DetectorEngine;
using ::breachscope::Finding;
using ::breachscope::TextUnit;
using ::breachscope::UnitKind;

// Built once: compiling the prefilter is far slower than one scan.
const DetectorEngine& Engine() {
  static const DetectorEngine* engine = [] {
    auto created = DetectorEngine::Create({});
    if (!created.ok()) std::abort();
    return std::move(created).value().release();
  }();
  return *engine;
}

void Check(const TextUnit& unit, const std::vector<Finding>& findings) {
  uint64_t last = 0;
  for (const Finding& f : findings) {
    uint64_t at = f.location.offset - unit.offset;
    if (at < last || at + f.value.size() > unit.text.size() ||
        unit.text.substr(at, f.value.size()) != f.value ||
        f.confidence < 0.0 || f.confidence > 1.0 || f.normalized.empty()) {
      std::abort();
    }
    last = at;
  }
}

void ScanAs(UnitKind kind, std::string_view text, std::string_view label,
            DetectorEngine::Scratch& scratch) {
  TextUnit unit;
  unit.kind = kind;
  unit.text = text;
  unit.label = label;
  unit.offset = 7;
  std::vector<Finding> findings;
  Engine().ScanUnit(unit, scratch, &findings);
  Check(unit, findings);
}

// Text touching the lazily built tables (name and condition dictionaries,
// ICD-10 titles folded on first use).
constexpr std::string_view kWarmUp =
    "Patient: John Smith, DOB 1980-02-29, phone 306-555-4217\n"
    "Diagnosis: Type 2 diabetes mellitus without complications (E11.9); "
    "metformin 500 mg; no history of asthma.";

}  // namespace

// Builds the engine and its lazy tables before libFuzzer times any input:
// under ASan on a loaded machine the first scan alone took 13 s, past the
// 10 s timeout of `make fuzz`, and was reported as a timeout of the first
// seed (a second run of the same input takes 1 ms).
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  auto scratch = Engine().NewScratch();
  ScanAs(UnitKind::kText, kWarmUp, "", *scratch);
  ScanAs(UnitKind::kTableCell, kWarmUp, "Date of Birth", *scratch);
  ScanAs(UnitKind::kField, kWarmUp, "Diagnosis", *scratch);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto scratch = Engine().NewScratch();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ScanAs(UnitKind::kText, text, "", *scratch);
  ScanAs(UnitKind::kTableCell, text, "Date of Birth", *scratch);
  // The first line as the label of the rest, as a structured field.
  size_t newline = text.find('\n');
  if (newline != std::string_view::npos) {
    ScanAs(UnitKind::kField, text.substr(newline + 1),
           text.substr(0, newline), *scratch);
  }
  return 0;
}
