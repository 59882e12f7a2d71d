#include "detect/detectors/health_number_qc_detector.h"

#include "detect/detectors/health_number_common.h"
#include "detect/validators/id_numbers.h"

namespace breachscope {
namespace {

// "TREM 7503 1412" or "TREM75031412": both spaces or none.
Validation ValidateQuebec(std::string_view text) {
  std::string compact;
  if (text.size() == 14) {
    if (text[4] != ' ' || text[9] != ' ') return {};
    compact.append(text.substr(0, 4)).append(text.substr(5, 4));
    compact.append(text.substr(10));
  } else {
    compact = std::string(text);
  }
  if (!RamqValid(compact)) return {};
  return {Verdict::kConfirmed, HealthNormalized("QC", compact),
          kHealthCategory, "ramq birth date ok"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "health_number_qc";
  spec.category = kHealthCategory;
  spec.description = "Quebec RAMQ numbers (4 letters, YYMMDD, 2 digits), with context";
  spec.triggers = {{.name = "qc_ramq",
                    .pattern = R"([A-Z]{4} ?[0-9]{4} ?[0-9]{4})",
                    .confidence = 0.50}};
  spec.contexts = {{kHealthCategory,
                    Concat({"ramq", "numéro d'assurance maladie",
                            "carte soleil", "régie de l'assurance maladie"},
                           Concat(GenericHealthWords(), OtherProvinceWords())),
                    {}}};
  spec.requires_context = true;
  spec.validate = ValidateQuebec;
  spec.examples = {
      Match("TREM75031412", "RAMQ", kHealthCategory, "QC:TREM75031412"),
      Match("TREM 7553 1412", "NAM RAMQ", kHealthCategory, "QC:TREM75531412"),
      Match("Carte soleil : GAGM 0002 2912", "", kHealthCategory,
            "QC:GAGM00022912"),
      Match("RAMQ TREM75031412", "", kHealthCategory, "QC:TREM75031412"),
      Match("numéro d'assurance maladie TREM 7503 1412", "", kHealthCategory,
            "QC:TREM75031412"),
      Match("TREM75031412", "No carte santé", kHealthCategory,
            "QC:TREM75031412"),
      Match("Health card: LAPM 8512 0503", "", kHealthCategory,
            "QC:LAPM85120503"),
      FieldMatch("TREM75031412", "Patient.identifier.ramq", kHealthCategory,
                 "QC:TREM75031412"),
      Match("DOB 14 Mar 1975, HSN TREM 7503 1412", "", kHealthCategory,
            "QC:TREM75031412"),                     // SK word, RAMQ shape
      NoMatch("HSN TREM 7513 1412"),              // month 13
      NoMatch("TREM75031412"),                    // no context
      NoMatch("TREM75131412", "RAMQ"),            // month 13
      NoMatch("TREM75043112", "RAMQ"),            // 31 April
      NoMatch("TREM 75031412", "RAMQ"),           // one space of two
      NoMatch("trem75031412", "RAMQ"),            // lower case
      NoMatch("ABCD12345678", "RAMQ"),            // month 34
      NoMatch("Part ABCD 7503 1412 in stock"),    // no context
      NoMatch("TREM750314123", "RAMQ"),           // nine digits
  };
  return spec;
}

}  // namespace

const DetectorSpec& HealthNumberQcDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
