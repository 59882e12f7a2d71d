#include "detect/detectors/phone_intl_detector.h"

#include "detect/validators/phone_intl.h"

namespace breachscope {
namespace {

// The '+' and country code make the number: libphonenumber's per-country
// rules decide validity, so no context is needed.
Validation ValidateInternational(std::string_view candidate) {
  std::optional<std::string> e164 = InternationalToE164(candidate);
  if (!e164) return {};
  return {Verdict::kConfirmed, std::move(*e164), {}, "valid for its country"};
}

std::vector<DetectorExample> Examples() {
  return {
      Match("+44 20 7946 0958", "", "phone", "+442079460958"),
      Match("Call +33 1 42 68 53 00 tomorrow", "", "phone", "+33142685300"),
      Match("daughter in Sydney: +61 2 9374 4000", "", "phone", "+61293744000"),
      Match("+49 30 901820", "Phone", "phone", "+4930901820"),
      Match("+44 (0)20 7946 0958", "", "phone", "+442079460958"),
      Match("+353 1 234 5678", "", "phone", "+35312345678"),
      NoMatch("+1 306 721 0100"),  // phone_nanp finds it
      NoMatch("+44 12"),
      NoMatch("+999 123 456 789"),
      NoMatch("44 20 7946 0958"),
      NoMatch("score +12 3456 7890"),
      NoMatch("v2+44 20 7946 0958"),
  };
}

}  // namespace

const DetectorSpec& PhoneIntlDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "phone_intl",
      .category = "phone",
      .description = "Phone numbers outside North America, with '+' and a "
                     "country code, valid for libphonenumber",
      .triggers = {{.name = "phone_international",
                    .pattern = "\\+[2-9][0-9 ().-]{6,22}[0-9]",
                    .confidence = 0.75,
                    .max_length = 28}},
      .contexts = {{"phone",
                    {"phone", "tel", "telephone", "téléphone", "cell",
                     "mobile", "fax", "contact", "call"},
                    {}}},
      .validate = ValidateInternational,
      .examples = Examples(),
  };
  return *kSpec;
}

}  // namespace breachscope
