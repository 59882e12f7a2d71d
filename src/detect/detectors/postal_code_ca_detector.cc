#include "detect/detectors/postal_code_ca_detector.h"

#include "detect/validators/postal_code.h"

namespace breachscope {
namespace {

Validation ValidatePostalCode(std::string_view text) {
  std::optional<std::string> canonical = CanonicalPostalCode(text);
  if (!canonical) return {};
  return {Verdict::kConfirmed, std::move(*canonical), {}, "valid letters"};
}

constexpr std::string_view kShape = "[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]";

std::vector<DetectorExample> Examples() {
  return {
      Match("S4P 3Y2", "", "address", "S4P 3Y2"),
      Match("Regina SK S4P3Y2", "", "address", "S4P 3Y2"),
      Match("k1a 0b1", "Postal Code", "address", "K1A 0B1"),
      Match("h2x1y4", "zip", "address", "H2X 1Y4"),
      Match("X0A 0H0", "Address", "address", "X0A 0H0"),
      FieldMatch("t2p 2w2", "PID-11", "address", "T2P 2W2"),
      Match("Code postal : V6B 4Y8.", "", "address", "V6B 4Y8"),
      NoMatch("k1a 0b1"),
      NoMatch("postal k1a 0b1"),
      NoMatch("D1A 0B1"),
      NoMatch("K1F 0B1"),
      NoMatch("W1A 0B1"),
      NoMatch("K1A 0U1", "Postal Code"),
      NoMatch("KIA 0B1"),
      NoMatch("AK1A 0B1"),
      NoMatch("K1A 0B1C"),
  };
}

}  // namespace

const DetectorSpec& PostalCodeCaDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "postal_code_ca",
      .category = "address",
      .description = "Canadian postal codes A1A 1A1",
      .triggers =
          {{.name = "postal_code", .pattern = kShape, .confidence = 0.70},
           // Lower or mixed case only under a postal label.
           {.name = "postal_code_any_case", .pattern = kShape,
            .caseless = true, .confidence = 0.45,
            .needs = TriggerNeeds::kLabel}},
      .contexts = {{"address",
                    {"postal", "postcode", "zip", "code postal"},
                    {"PID-11"}}},
      .validate = ValidatePostalCode,
      .examples = Examples(),
  };
  return *kSpec;
}

}  // namespace breachscope
