// RecordState: what the field analyzer remembers of the current record
// (HL7 message, FHIR entry, JSON object) to read a field by its neighbours.
// One per thread, inside the field analyzer's scratch; reset whenever the
// record index changes. Units arrive in document order, so only what comes
// before a value can decide it (contract/fields.md lists the cases).
#ifndef BREACHSCOPE_DETECT_FIELDS_RECORD_STATE_H_
#define BREACHSCOPE_DETECT_FIELDS_RECORD_STATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/finding.h"
#include "common/text_unit.h"

namespace breachscope {

// A category the record's context gives a field, overriding label rules.
struct RecordVerdict {
  std::string_view category;
  std::string_view jurisdiction;  // health numbers: "ON", or empty
  Role role = Role::kUnknown;
  double confidence = 0.0;
  std::string why;  // never the value
};

class RecordState {
 public:
  // Updates the state from a kField unit (call for every one, in order).
  void Observe(const TextUnit& unit);

  // The FHIR resource type of the unit last observed: from an XML label's
  // path, else the record's JSON `resourceType`; empty when unknown.
  std::string_view resource() const {
    return xml_resource_.empty() ? std::string_view(resource_)
                                 : xml_resource_;
  }

  // True when the record's context decides the unit last observed: an
  // identifier value after its system/type, OBX-5 after an OBX-3 naming
  // height or weight.
  bool Classify(const TextUnit& unit, RecordVerdict* verdict) const;

  // The next unit starts a record afresh, whatever its record number.
  void Forget() { Reset(kNoRecord); }

 private:
  enum class Measure : uint8_t { kNone, kHeight, kWeight };
  void Reset(int64_t record);
  bool ClassifyIdentifier(const TextUnit& unit, RecordVerdict* v) const;
  bool ClassifyHl7Identifier(const TextUnit& unit, RecordVerdict* v) const;
  // Decides from an identifier's system/type words (framed label words).
  static bool ClassifyIdentifierWords(const std::string& framed,
                                      RecordVerdict* v);
  bool ClassifyQuantity(const TextUnit& unit, RecordVerdict* v) const;
  void ObserveCode(const TextUnit& unit);
  static Measure MeasureNamed(std::string_view text);
  Role ResourceRole() const;

  // No unit has this record number (free text is -1).
  static constexpr int64_t kNoRecord = INT64_MIN;
  int64_t record_ = kNoRecord;
  std::string resource_;
  std::string_view xml_resource_;  // valid during one Observe/Classify pair
  std::string id_prefix_, id_system_;
  std::string type_prefix_, id_type_;
  std::string obx_segment_;
  Measure measure_ = Measure::kNone;
  // FHIR Observation: the path before `code` and what the code names.
  std::string code_prefix_;
  Measure code_measure_ = Measure::kNone;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_FIELDS_RECORD_STATE_H_
