#include "detect/detectors/health_number_bc_detector.h"

#include "detect/detectors/health_number_common.h"
#include "detect/validators/id_numbers.h"

namespace breachscope {
namespace {

// "9698 658 215", "9698-658-215" or "9698658215": 10 digits starting with 9,
// mod 11 check digit.
Validation ValidateBc(std::string_view text) {
  std::string digits;
  if (!DigitGroups(text, &digits) || !BcPhnValid(digits)) return {};
  return {Verdict::kConfirmed, HealthNormalized("BC", digits), kHealthCategory,
          "bc phn mod 11 ok"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "health_number_bc";
  spec.category = kHealthCategory;
  spec.description = "British Columbia PHN (10 digits from 9, mod 11), with context";
  spec.triggers = {{.name = "bc_phn",
                    .pattern = R"(9[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3})",
                    .confidence = 0.50}};
  spec.contexts = {{kHealthCategory,
                    Concat({"phn", "msp", "personal health number",
                            "services card", "care card", "carecard",
                            "medical services plan"},
                           Concat(GenericHealthWords(), OtherProvinceWords())),
                    {}}};
  spec.requires_context = true;
  spec.validate = ValidateBc;
  spec.examples = {
      Match("9698 658 215", "PHN", kHealthCategory, "BC:9698658215"),
      Match("9698658215", "MSP Number", kHealthCategory, "BC:9698658215"),
      Match("PHN: 9190748335", "", kHealthCategory, "BC:9190748335"),
      Match("BC Services Card 9788-762-323", "", kHealthCategory,
            "BC:9788762323"),
      Match("Personal Health Number 9860129047", "", kHealthCategory,
            "BC:9860129047"),
      Match("9000123454", "health_number", kHealthCategory, "BC:9000123454"),
      Match("MSP 9190 748 335 active", "", kHealthCategory, "BC:9190748335"),
      FieldMatch("9788762323", "Patient.identifier.phn", kHealthCategory,
                 "BC:9788762323"),
      Match("DOB 1943-04-26, HSN 9698658215", "", kHealthCategory,
            "BC:9698658215"),                       // SK word, BC check digit
      Match("9698658215", "HSN", kHealthCategory, "BC:9698658215"),
      NoMatch("HSN 9698648215"),                    // check digit
      NoMatch("9698658215"),                        // no context
      NoMatch("9698648215", "PHN"),                 // check digit
      NoMatch("5736504210", "PHN"),                 // not from 9
      NoMatch("9698-658 215", "PHN"),               // mixed separators
      NoMatch("96986582150", "PHN"),                // eleven digits
      NoMatch("Invoice 9698 658 215"),              // no context
      NoMatch("9876543217", "PHN"),                 // Luhn-valid, not mod 11
      NoMatch("fax 9698658215", "Fax"),             // phone context only
  };
  return spec;
}

}  // namespace

const DetectorSpec& HealthNumberBcDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
