#include "detect/detectors/phone_intl_detector.h"

#include <string>

#include "detect/validators/phone_intl.h"

namespace breachscope {
namespace {

// The '+' and country code make the number: libphonenumber's per-country
// rules decide validity, so no context is needed.
// An international call prefix stands for the '+': "011" dialled from North
// America, "00" from most other countries ("011 44 20 7946 0958",
// "0033 1 42 68 53 00"). No country code starts with 1 but North America's,
// so "011" is never "00" followed by a country code.
std::string WithPlus(std::string_view candidate) {
  size_t skip = candidate.starts_with("011") ? 3 : 2;
  candidate.remove_prefix(skip);
  while (!candidate.empty() && candidate.front() == ' ') {
    candidate.remove_prefix(1);
  }
  return "+" + std::string(candidate);
}

Validation ValidateInternational(std::string_view candidate) {
  std::string plus;
  if (candidate.starts_with("00") || candidate.starts_with("011")) {
    plus = WithPlus(candidate);
    candidate = plus;
  }
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
      Match("Tel: 011 44 20 7946 0958", "", "phone", "+442079460958"),
      Match("0033 1 42 68 53 00", "Phone", "phone", "+33142685300"),
      Match("call her at 0061 2 9374 4000", "", "phone", "+61293744000"),
      NoMatch("Invoice 0044 2079 460958"),  // no phone context
      NoMatch("phone 0099 123 456 789"),    // no such country code
  };
}

}  // namespace

const DetectorSpec& PhoneIntlDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "phone_intl",
      .category = "phone",
      .description = "Phone numbers outside North America, with '+' (or "
                     "00/011 and a phone word) and a country code, valid "
                     "for libphonenumber",
      .triggers = {{.name = "phone_international",
                    .pattern = "\\+[2-9][0-9 ().-]{6,22}[0-9]",
                    .confidence = 0.75,
                    .max_length = 28},
                   // Call prefixes look like account numbers more often
                   // than '+' does: only with a phone word or label.
                   {.name = "phone_international_prefix",
                    .pattern = "(00|011) ?[2-9][0-9 ().-]{6,22}[0-9]",
                    .confidence = 0.65,
                    .needs = TriggerNeeds::kContext,
                    .max_length = 31}},
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
