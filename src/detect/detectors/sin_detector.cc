#include "detect/detectors/sin_detector.h"

#include "detect/validators/luhn.h"

namespace breachscope {
namespace {

// "046 454 286", "046-454-286" or "046454286": one separator used twice,
// or none.
bool SeparatorsConsistent(std::string_view text) {
  if (text.size() == 9) return true;
  return text.size() == 11 && text[3] == text[7] && (text[3] == ' ' || text[3] == '-');
}

// Nine Luhn-valid digits. Issuance by first digit: 0 is never issued, 8 is
// used for business numbers (not SINs), 9 goes to temporary residents and
// is a valid SIN; 1-7 by region of registration.
Validation ValidateSin(std::string_view text) {
  if (!SeparatorsConsistent(text)) return {};
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() != 9 || digits[0] == '0' || digits[0] == '8' ||
      !LuhnValid(digits)) {
    return {};
  }
  return {Verdict::kConfirmed, std::move(digits), {}, "luhn ok"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "sin";
  spec.category = "sin";
  spec.description = "Canadian Social Insurance Numbers (Luhn), with context";
  spec.triggers = {{.name = "sin_digits",
                    .pattern = R"([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3})",
                    .confidence = 0.50}};
  spec.contexts = {{"sin",
                    {"sin", "nas", "social insurance", "assurance sociale",
                     "ssn"},
                    {"PID-19"}}};
  spec.requires_context = true;
  spec.validate = ValidateSin;
  spec.examples = {
      Match("130 692 544", "SIN", "sin", "130692544"),
      Match("130-692-544", "Social Insurance Number", "sin", "130692544"),
      Match("SIN: 193456787", "", "sin", "193456787"),
      Match("NAS 130 692 544", "", "sin", "130692544"),
      FieldMatch("193456787", "PID-19", "sin", "193456787"),
      Match("numéro d'assurance sociale : 130-692-544", "", "sin", "130692544"),
      NoMatch("130 692 545", "SIN"),
      NoMatch("046 454 286", "SIN"),
      NoMatch("830 692 547", "SIN"),
      NoMatch("130692544"),
      NoMatch("Invoice 130 692 544"),
      NoMatch("130-692 544", "SIN"),
      NoMatch("1306925440", "SIN"),
  };
  return spec;
}

}  // namespace

const DetectorSpec& SinDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
