#include "detect/detectors/phone_nanp_detector.h"

#include "detect/validators/phone.h"

namespace breachscope {
namespace {

Validation ValidatePhone(std::string_view text) {
  std::optional<std::string> e164 = NanpToE164(text);
  if (!e164) return {};
  return {Verdict::kConfirmed, std::move(*e164), {}, "valid NANP"};
}

// Area code and exchange start with 2-9; an optional +1 / 1 prefix; the
// area code in parentheses or followed by a separator; an optional
// extension "x123", "ext 123", "ext. 123".
constexpr std::string_view kFormatted =
    R"((\+?1[ .-]?)?(\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4})"
    R"(( ?(x|ext\.?) ?[0-9]{1,6})?)";

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "phone_nanp";
  spec.category = "phone";
  spec.description = "North American phone numbers (NANP), E.164 normalised";
  spec.triggers = {
      {.name = "phone_formatted", .pattern = kFormatted, .caseless = true,
       .confidence = 0.70},
      // E.164 as stored by FHIR and most systems: +1 and ten digits.
      {.name = "phone_e164", .pattern = R"(\+1[2-9][0-9]{2}[2-9][0-9]{6})",
       .confidence = 0.70},
      {.name = "phone_bare", .pattern = R"([2-9][0-9]{2}[2-9][0-9]{6})",
       .confidence = 0.55, .needs = TriggerNeeds::kContext},
  };
  spec.contexts = {{"phone",
                    {"phone", "tel", "telephone", "téléphone", "cell",
                     "mobile", "fax", "contact", "call"},
                    {"PID-13", "PID-14", "NK1-5", "NK1-6"}}};
  spec.validate = ValidatePhone;
  spec.examples = {
      Match("(306) 555-1234", "", "phone", "+13065551234"),
      Match("Call 306-555-1234 ext. 22 today", "", "phone",
            "+13065551234;ext=22"),
      Match("306.555.1234", "", "phone", "+13065551234"),
      Match("+1 306 555 1234", "", "phone", "+13065551234"),
      Match("1-416-555-0199 x7", "", "phone", "+14165550199;ext=7"),
      Match("3065551234", "Home Phone", "phone", "+13065551234"),
      Match("tel: 3065551234", "", "phone", "+13065551234"),
      FieldMatch("3065551234", "PID-13", "phone", "+13065551234"),
      Match("+13065551234", "", "phone", "+13065551234"),
      NoMatch("Order 3065551234 shipped"),
      NoMatch("3065551234", "Order Number"),
      NoMatch("123-456-7890"),
      NoMatch("306-055-1234"),
      NoMatch("306-555-12345"),
      NoMatch("A306-555-1234"),
      NoMatch("30655512"),
      NoMatch("phone 2306-555-1234"),
  };
  return spec;
}

}  // namespace

const DetectorSpec& PhoneNanpDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
