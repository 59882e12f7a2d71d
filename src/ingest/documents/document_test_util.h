// Test helpers for the document readers: fixture bytes from
// tests/data/documents/ (made by tools/make_document_fixtures.py) and a sink
// that copies every unit.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_DOCUMENT_TEST_UTIL_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_DOCUMENT_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/text_unit.h"

namespace breachscope {

inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(BREACHSCOPE_SOURCE_DIR) + "/tests/data/documents/" + name,
                   std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct DocUnit {
  UnitKind kind;
  std::string text, label, path, table;
  int64_t record;
  int32_t column;
};

class DocumentSink : public UnitSink {
 public:
  void OnUnit(const TextUnit& unit) override {
    units.push_back({unit.kind, std::string(unit.text), std::string(unit.label),
                     std::string(unit.path), std::string(unit.table), unit.record,
                     unit.column});
  }
  void OnRecordEnd(int64_t record) override { record_ends.push_back(record); }
  void OnWarning(std::string_view message) override { warnings.emplace_back(message); }

  // The first unit whose path is `path`, or nullptr.
  const DocUnit* At(const std::string& path) const {
    for (const DocUnit& u : units) {
      if (u.path == path) return &u;
    }
    return nullptr;
  }

  std::vector<DocUnit> units;
  std::vector<int64_t> record_ends;
  std::vector<std::string> warnings;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_DOCUMENT_TEST_UTIL_H_
