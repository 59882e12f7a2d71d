// PartSink: forwards units to another sink, naming the part of a document
// they come from ("footer", "message 3, body") in their path, so a finding
// reads "footer, offset 40". Units that already have a path keep it.
// Not thread-safe; lives for one part of one document.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_PART_SINK_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_PART_SINK_H_

#include <string>
#include <string_view>

#include "common/text_unit.h"

namespace breachscope {

class PartSink : public UnitSink {
 public:
  // REQUIRES: `inner` outlives this sink.
  PartSink(UnitSink& inner, std::string part, int64_t record = -1)
      : inner_(inner), part_(std::move(part)), record_(record) {}

  void OnUnit(const TextUnit& unit) override {
    TextUnit named = unit;
    if (named.path.empty()) named.path = part_;
    if (named.record < 0) named.record = record_;
    inner_.OnUnit(named);
  }
  void OnRecordEnd(int64_t record) override { inner_.OnRecordEnd(record); }
  void OnWarning(std::string_view message) override { inner_.OnWarning(message); }

 private:
  UnitSink& inner_;
  std::string part_;
  int64_t record_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_PART_SINK_H_
