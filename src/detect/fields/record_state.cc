#include "detect/fields/record_state.h"

#include <algorithm>
#include <iterator>

#include "detect/context.h"
#include "detect/fields/label_match.h"
#include "detect/fields/value_shape.h"

namespace breachscope {
namespace {

// The identifier a path belongs to: up to "identifier" and its index
// ("entry[0].resource.identifier[1].system" -> "...identifier[1]").
std::string_view IdentifierPrefix(std::string_view path) {
  size_t at = path.rfind("identifier");
  if (at == std::string_view::npos) return {};
  size_t end = at + 10;
  if (end < path.size() && path[end] == '[') {
    size_t close = path.find(']', end);
    if (close != std::string_view::npos) end = close + 1;
  }
  return path.substr(0, end);
}

// The last element name of a JSON or XML label, ignoring @value / #text.
bool LabelEndsWith(std::string_view label, std::string_view tail) {
  for (std::string_view skip : {"/@value", ".@value", "/#text", ".#text"}) {
    if (label.ends_with(skip)) {
      label.remove_suffix(skip.size());
      break;
    }
  }
  if (!label.ends_with(tail)) return false;
  if (label.size() == tail.size()) return true;
  char before = label[label.size() - tail.size() - 1];
  return before == '.' || before == '/';
}

bool MentionsAny(std::string_view framed,
                 std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (HasPhrase(framed, w)) return true;
  }
  return false;
}

// The path up to the first `member` element ("entry[2].resource.code.coding"
// -> "entry[2].resource."), so that an Observation's code and its value are
// known to belong to one resource; npos when the path has no such element.
size_t MemberAt(std::string_view path, std::string_view member) {
  for (size_t at = path.find(member); at != std::string_view::npos;
       at = path.find(member, at + 1)) {
    bool starts = at == 0 || path[at - 1] == '.' || path[at - 1] == '/';
    size_t end = at + member.size();
    bool ends = end == path.size() || path[end] == '.' || path[end] == '/' ||
                path[end] == '[';
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

bool IsObservationCode(std::string_view label) {
  return LabelEndsWith(label, "code.coding.display") ||
         LabelEndsWith(label, "code.coding.code") ||
         LabelEndsWith(label, "code.text") ||
         LabelEndsWith(label, "code/coding/display") ||
         LabelEndsWith(label, "code/coding/code") ||
         LabelEndsWith(label, "code/text");
}

bool IsQuantityValue(std::string_view label) {
  return LabelEndsWith(label, "valueQuantity.value") ||
         LabelEndsWith(label, "valueQuantity/value");
}

}  // namespace

void RecordState::Reset(int64_t record) {
  record_ = record;
  resource_.clear();
  id_prefix_.clear();
  id_system_.clear();
  type_prefix_.clear();
  id_type_.clear();
  obx_segment_.clear();
  measure_ = Measure::kNone;
  code_prefix_.clear();
  code_measure_ = Measure::kNone;
}

RecordState::Measure RecordState::MeasureNamed(std::string_view text) {
  std::string framed = FramedLabelWords(text);
  if (MentionsAny(framed, {"height", "8302", "8306", "3137", "taille"})) {
    return Measure::kHeight;
  }
  if (MentionsAny(framed, {"weight", "29463", "3141", "poids"})) {
    return Measure::kWeight;
  }
  return Measure::kNone;
}

void RecordState::ObserveCode(const TextUnit& unit) {
  size_t at = MemberAt(unit.path, "code");
  if (at == std::string_view::npos) return;
  std::string_view prefix = std::string_view(unit.path).substr(0, at);
  if (prefix != code_prefix_) {
    code_prefix_.assign(prefix);
    code_measure_ = Measure::kNone;
  }
  Measure m = MeasureNamed(unit.text);
  if (m != Measure::kNone) code_measure_ = m;
}

void RecordState::Observe(const TextUnit& unit) {
  if (unit.record != record_) Reset(unit.record);
  std::string_view label = unit.label;
  xml_resource_ = label.find('/') == std::string_view::npos
                      ? std::string_view()
                      : XmlResourceType(label);
  if (IsHl7Label(label)) {
    if (label.size() != 5 || !LabelIsHl7Field(label, "OBX-3")) return;
    std::string_view segment = Hl7Segment(unit.path);
    if (segment != obx_segment_) {
      obx_segment_.assign(segment);
      measure_ = Measure::kNone;
    }
    Measure m = MeasureNamed(unit.text);
    if (m != Measure::kNone) measure_ = m;
    return;
  }
  if (LabelEndsWith(label, "resourceType")) {
    resource_.assign(unit.text);
    return;
  }
  if (resource() == "Observation" && IsObservationCode(label)) {
    ObserveCode(unit);
    return;
  }
  if (label.find("identifier") == std::string_view::npos) return;
  std::string_view prefix = IdentifierPrefix(unit.path);
  if (LabelEndsWith(label, "identifier.system") ||
      LabelEndsWith(label, "identifier/system")) {
    id_prefix_.assign(prefix);
    id_system_.assign(unit.text);
  } else if (LabelEndsWith(label, "code") || LabelEndsWith(label, "text")) {
    if (type_prefix_ != prefix) id_type_.clear();
    type_prefix_.assign(prefix);
    id_type_.append(unit.text).push_back(' ');
  }
}

Role RecordState::ResourceRole() const {
  std::string_view r = resource();
  if (r == "Patient") return Role::kPatient;
  if (r == "Practitioner" || r == "PractitionerRole") return Role::kStaff;
  if (r == "RelatedPerson") return Role::kRelated;
  return Role::kUnknown;
}

bool RecordState::ClassifyIdentifier(const TextUnit& unit,
                                     RecordVerdict* v) const {
  std::string_view prefix = IdentifierPrefix(unit.path);
  std::string context;
  if (!prefix.empty() && prefix == id_prefix_) context += id_system_;
  if (!prefix.empty() && prefix == type_prefix_) context += " " + id_type_;
  v->role = ResourceRole();
  return ClassifyIdentifierWords(FramedLabelWords(context), v);
}

// HL7: the value component of an identifier repetition whose type code the
// reader carried over (TextUnit::qualifier: "JHN SK", "MR", "PI").
bool RecordState::ClassifyHl7Identifier(const TextUnit& unit,
                                        RecordVerdict* v) const {
  // Identifier (CX) fields only: elsewhere components 4 and 5 mean other
  // things (PID-11's are a province and a postal code).
  static constexpr std::string_view kIdentifierFields[] = {
      "PID-2", "PID-3", "PID-4", "PID-18", "PID-21", "MRG-1", "MRG-2",
      "MRG-3", "PV1-19", "PV1-50", "NK1-33", "IN1-49"};
  std::string_view path = unit.path;
  if (unit.qualifier.empty() || path.size() < 3 ||
      path.substr(path.size() - 3) != "].1" ||
      std::find(std::begin(kIdentifierFields), std::end(kIdentifierFields),
                unit.label) == std::end(kIdentifierFields)) {
    return false;
  }
  v->role = Role::kUnknown;
  std::string_view segment = unit.label.substr(0, 3);
  if (segment == "PID" || segment == "PD1") v->role = Role::kPatient;
  return ClassifyIdentifierWords(FramedLabelWords(unit.qualifier), v);
}

bool RecordState::ClassifyIdentifierWords(const std::string& framed,
                                          RecordVerdict* v) {
  if (MentionsAny(framed, {"hcn", "health_card", "healthcard", "phn", "hsn",
                           "jhn", "ramq", "ohip", "health_number", "hin",
                           "health_insurance", "insurance", "medicare",
                           "nam", "ahcip", "msp", "phin", "hn"})) {
    v->category = "health_insurance_number";
    v->jurisdiction = JurisdictionIn(framed);
    v->confidence = 0.85;
    v->why = "identifier system or type names a health card 0.85";
    return true;
  }
  if (MentionsAny(framed, {"mr", "mrn", "medical_record", "chart"})) {
    v->category = "medical_record_number";
    v->confidence = 0.8;
    v->why = "identifier system or type names a medical record 0.80";
    return true;
  }
  // HL7 table 0203 codes for documents that are not care identifiers.
  if (MentionsAny(framed, {"ss", "ssn", "sin", "nas"})) {
    v->category = "sin";
    v->confidence = 0.8;
    v->why = "identifier type names a social insurance number 0.80";
    return true;
  }
  if (MentionsAny(framed, {"dl", "ppn", "passport"})) {
    v->category = "government_id";
    v->confidence = 0.8;
    v->why = "identifier type names a licence or passport 0.80";
    return true;
  }
  if (v->role == Role::kPatient ||
      MentionsAny(framed, {"pi", "pt", "an", "vn", "patient", "account",
                           "visit"})) {
    v->category = "patient_number";
    v->confidence = 0.65;
    v->why = "identifier of a patient 0.65";
    return true;
  }
  return false;
}

// FHIR: an Observation's valueQuantity after a code naming height or weight
// (LOINC 8302-2 "Body height"), within the same resource.
bool RecordState::ClassifyQuantity(const TextUnit& unit,
                                   RecordVerdict* v) const {
  if (code_measure_ == Measure::kNone || resource() != "Observation") {
    return false;
  }
  size_t at = MemberAt(unit.path, "valueQuantity");
  if (at == std::string_view::npos ||
      std::string_view(unit.path).substr(0, at) != code_prefix_) {
    return false;
  }
  v->category = code_measure_ == Measure::kHeight ? "height" : "weight";
  v->confidence = 0.8;
  v->why = "Observation code names the measurement 0.80";
  v->role = Role::kPatient;
  return true;
}

bool RecordState::Classify(const TextUnit& unit, RecordVerdict* v) const {
  std::string_view label = unit.label;
  if (IsHl7Label(label)) {
    if (ClassifyHl7Identifier(unit, v)) return true;
    if (measure_ == Measure::kNone || label.size() != 5 ||
        !LabelIsHl7Field(label, "OBX-5") ||
        Hl7Segment(unit.path) != obx_segment_) {
      return false;
    }
    v->category = measure_ == Measure::kHeight ? "height" : "weight";
    v->confidence = 0.8;
    v->why = "OBX-3 names the measurement 0.80";
    v->role = Role::kPatient;
    return true;
  }
  if (IsQuantityValue(label)) return ClassifyQuantity(unit, v);
  if (!LabelEndsWith(label, "identifier.value") &&
      !LabelEndsWith(label, "identifier/value")) {
    return false;
  }
  return ClassifyIdentifier(unit, v);
}

}  // namespace breachscope
