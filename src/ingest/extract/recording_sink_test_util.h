// Test helper for the structured readers (JSON, XML, HL7): a UnitSink that
// copies every field unit, record end and warning, so expectations can be
// written as exact tables.
#ifndef BREACHSCOPE_INGEST_EXTRACT_RECORDING_SINK_TEST_UTIL_H_
#define BREACHSCOPE_INGEST_EXTRACT_RECORDING_SINK_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "common/text_unit.h"

namespace breachscope {

// What a unit looked like, copied so it outlives OnUnit.
struct Seen {
  std::string text, label, path;
  int64_t record;
  uint64_t offset;
  bool operator==(const Seen&) const = default;
};

inline std::ostream& operator<<(std::ostream& os, const Seen& s) {
  return os << "{\"" << s.text << "\", \"" << s.label << "\", \"" << s.path
            << "\", " << s.record << ", " << s.offset << "}";
}

// Records every event; record ends appear as units with label "<end>".
class RecordingSink : public UnitSink {
 public:
  void OnUnit(const TextUnit& unit) override {
    EXPECT_EQ(unit.kind, UnitKind::kField);
    seen.push_back({std::string(unit.text), std::string(unit.label),
                    std::string(unit.path), unit.record, unit.offset});
  }
  void OnRecordEnd(int64_t record) override {
    seen.push_back({"", "<end>", "", record, 0});
  }
  void OnWarning(std::string_view message) override {
    warnings.emplace_back(message);
  }
  std::vector<Seen> seen;
  std::vector<std::string> warnings;
};

inline Seen End(int64_t record) { return {"", "<end>", "", record, 0}; }

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_EXTRACT_RECORDING_SINK_TEST_UTIL_H_
