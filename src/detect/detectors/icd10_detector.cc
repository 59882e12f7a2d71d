#include "detect/detectors/icd10_detector.h"

#include <string>

#include "detect/medical/medical_data.h"

namespace breachscope {
namespace {

// "E11.9" / "E119" -> "E119"; anything else empty.
std::string CodeKey(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c != '.') key.push_back(c);
  }
  return key;
}

// A code of the ICD-10-CM list, written with its dot after the category
// ("E11.9") or without ("E119").
Validation ValidateIcd10(std::string_view text) {
  size_t dot = text.find('.');
  if (dot != std::string_view::npos && dot != 3) return {};
  std::string key = CodeKey(text);
  if (!medical::IsIcd10Code(key)) return {};
  std::string normalized = key.substr(0, 3);
  if (key.size() > 3) normalized += "." + key.substr(3);
  return {Verdict::kConfirmed, std::move(normalized), {}, "icd-10-cm code"};
}

std::vector<Trigger> Triggers() {
  return {
      // A dotted code is rarely anything else; it may stand alone.
      {.name = "icd10_dotted",
       .pattern = R"([A-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4})",
       .confidence = 0.50},
      // "E11" or "E119" is also a room, a grid square, a part number.
      {.name = "icd10_plain",
       .pattern = R"([A-Z][0-9][0-9A-Z][0-9A-Z]{0,4})",
       .confidence = 0.45,
       .needs = TriggerNeeds::kContext},
  };
}

std::vector<DetectorExample> Examples() {
  return {
      Match("E11.9", "Diagnosis", "diagnosis", "E11.9"),
      Match("E119", "dx_code", "diagnosis", "E11.9"),
      Match("Dx: I10", "", "diagnosis", "I10"),
      Match("Assessment: J45.909 asthma", "", "diagnosis", "J45.909"),
      Match("seen today, E11.65 noted", "", "diagnosis", "E11.65"),
      FieldMatch("F32.9", "DG1-3", "diagnosis", "F32.9"),
      FieldMatch("F329", "DG1-3.1", "diagnosis", "F32.9"),
      Match("ICD-10 code M54.5", "", "diagnosis", "M54.5"),
      Match("Impression: S72.001A", "", "diagnosis", "S72.001A"),
      NoMatch("Room E11, second floor"),
      NoMatch("E11"),
      NoMatch("Part number B20.9 in stock"),
      NoMatch("E119", "Order Number"),
      NoMatch("Dx: U99.9"),
      NoMatch("Flight A12 to Regina"),
      NoMatch("e11.9", "Diagnosis"),
      NoMatch("XE11.9", "Diagnosis"),
      NoMatch("Model E119X2", "Diagnosis"),
  };
}

}  // namespace

const DetectorSpec& Icd10Detector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "icd10",
      .category = "diagnosis",
      .description = "ICD-10-CM diagnosis codes, validated against the list",
      .triggers = Triggers(),
      .contexts = {{"diagnosis",
                    {"diagnosis", "diagnoses", "diagnostic", "dx", "icd",
                     "icd10", "icd 10", "assessment", "impression",
                     "condition", "problem"},
                    {"DG1-3", "PRB-3"}}},
      .validate = ValidateIcd10,
      .examples = Examples(),
  };
  return *kSpec;
}

}  // namespace breachscope
