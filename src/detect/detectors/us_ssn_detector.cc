#include "detect/detectors/us_ssn_detector.h"

#include "detect/validators/id_numbers.h"

namespace breachscope {
namespace {

// "123-45-6789", "123 45 6789" or "123456789" with the SSA's never-issued
// ranges rejected. Reported under `sin` (one category for both countries);
// the note tells the country.
Validation ValidateSsn(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (text.size() == 11 && text[3] != text[6]) return {};
  if (!SsnValid(digits)) return {};
  return {Verdict::kPlausible, std::move(digits), {}, "us ssn ranges ok"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "us_ssn";
  spec.category = "sin";
  spec.description = "US Social Security Numbers (SSA ranges), with context";
  // Below the `sin` detector, which keeps a Luhn-valid nine-digit number
  // that both could read.
  spec.triggers = {{.name = "ssn_grouped",
                    .pattern = R"([0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{3} [0-9]{2} [0-9]{4})",
                    .confidence = 0.50},
                   {.name = "ssn_bare", .pattern = "[0-9]{9}",
                    .confidence = 0.45}};
  spec.contexts = {{"sin", {"ssn", "social security", "soc sec"}, {}}};
  spec.requires_context = true;
  spec.validate = ValidateSsn;
  spec.examples = {
      Match("123-45-6789", "SSN", "sin", "123456789"),
      Match("SSN: 078-05-1120", "", "sin", "078051120"),
      Match("Social Security Number 899 99 1234", "", "sin", "899991234"),
      Match("123456789", "patient_ssn", "sin", "123456789"),
      Match("social security no. 219-09-9999", "", "sin", "219099999"),
      Match("SSN 555-12-3456 on file", "", "sin", "555123456"),
      Match("ssn#123-45-6789", "", "sin", "123456789"),
      FieldMatch("123456789", "Patient.identifier.ssn", "sin", "123456789"),
      NoMatch("123-45-6789"),                  // no context
      NoMatch("000-12-3456", "SSN"),           // area 000
      NoMatch("666-12-3456", "SSN"),           // area 666
      NoMatch("912-34-5678", "SSN"),           // area 9xx
      NoMatch("123-00-4567", "SSN"),           // group 00
      NoMatch("123-45-0000", "SSN"),           // serial 0000
      NoMatch("123-45 6789", "SSN"),           // mixed separators
      NoMatch("Ticket 123-45-6789"),           // no context
  };
  return spec;
}

}  // namespace

const DetectorSpec& UsSsnDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
