#include "detect/detectors/health_number_on_detector.h"

#include "detect/detectors/health_number_common.h"
#include "detect/validators/id_numbers.h"

namespace breachscope {
namespace {

// "1234 567 897", "1234-567-897-AB", "1234567897AB": ten digits, Luhn-valid,
// with an optional two-letter version code that is dropped (it changes with
// every new card; the number stays).
Validation ValidateOntario(std::string_view text) {
  size_t letters = text.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  std::string_view number = text.substr(0, letters);
  if (letters != std::string_view::npos && !number.empty() &&
      (number.back() == ' ' || number.back() == '-')) {
    number.remove_suffix(1);
  }
  std::string digits;
  if (!DigitGroups(number, &digits) || !OntarioHealthNumberValid(digits)) {
    return {};
  }
  return {Verdict::kConfirmed, HealthNormalized("ON", digits), kHealthCategory,
          "ontario mod 10 ok"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "health_number_on";
  spec.category = kHealthCategory;
  spec.description = "Ontario health numbers (10 digits, mod 10), version code dropped";
  spec.triggers = {
      // The version code makes the shape distinctive enough on its own.
      {.name = "on_hn_version",
       .pattern = R"([0-9]{4}-[0-9]{3}-[0-9]{3}-?[A-Z]{2}|)"
                  R"([0-9]{4} [0-9]{3} [0-9]{3} ?[A-Z]{2}|[0-9]{10}[A-Z]{2})",
       .confidence = 0.55},
      {.name = "on_hn_digits",
       .pattern = R"([0-9]{4}[ -]?[0-9]{3}[ -]?[0-9]{3})",
       .confidence = 0.50,
       .needs = TriggerNeeds::kContext},
  };
  spec.contexts = {{kHealthCategory,
                    Concat(Concat({"ohip", "ontario health", "ontario health card"},
                                  GenericHealthWords()),
                           OtherProvinceWords()),
                    {}}};
  spec.validate = ValidateOntario;
  spec.examples = {
      Match("1234567897", "OHIP", kHealthCategory, "ON:1234567897"),
      Match("1234-567-897-AB", "", kHealthCategory, "ON:1234567897"),
      Match("Card 1234 567 897 AB on file", "", kHealthCategory, "ON:1234567897"),
      Match("9876543217XY", "", kHealthCategory, "ON:9876543217"),
      Match("Health card: 4512 345 671", "", kHealthCategory, "ON:4512345671"),
      Match("OHIP # 4512-345-671", "", kHealthCategory, "ON:4512345671"),
      Match("4512345671", "health_card_no", kHealthCategory, "ON:4512345671"),
      FieldMatch("1234567897", "patient.healthCard", kHealthCategory,
                 "ON:1234567897"),
      Match("Re: J. Doe, HSN 4512345671", "", kHealthCategory,
            "ON:4512345671"),                      // SK word, ON check digit
      NoMatch("Re: J. Doe, HSN 4512345672"),       // check digit
      NoMatch("1234567897"),                       // no context, no version
      NoMatch("1234567890", "OHIP"),               // check digit
      NoMatch("1234-567-890-AB"),                  // check digit
      NoMatch("1234-567 897", "Health Card"),      // mixed separators
      NoMatch("12345678970", "OHIP"),              // eleven digits
      NoMatch("Order 1234 567 897 shipped"),       // no context
      NoMatch("1234-567-897-ABC"),                 // three letters
      NoMatch("tel 1234567897", "Phone"),          // phone context only
  };
  return spec;
}

}  // namespace

const DetectorSpec& HealthNumberOnDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
