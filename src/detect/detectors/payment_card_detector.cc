#include "detect/detectors/payment_card_detector.h"

#include "detect/validators/id_numbers.h"
#include "detect/validators/luhn.h"

namespace breachscope {
namespace {

// Luhn-valid and in a known issuer's range and length. Group separators are
// one kind throughout.
Validation ValidateCard(std::string_view text) {
  std::string digits;
  if (!DigitGroups(text, &digits) || !LuhnValid(digits) ||
      CardIssuer(digits).empty()) {
    return {};
  }
  return {Verdict::kConfirmed, std::move(digits), {}, "luhn and issuer ok"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "payment_card";
  spec.category = "payment_card";
  spec.description = "Payment card numbers (Visa, Mastercard, Amex, Discover; Luhn)";
  spec.triggers = {
      // 4-4-4-4 (and 4-4-4-4-3 for 19 digits) or Amex 4-6-5: the grouping
      // is how cards are written, so no context is needed.
      {.name = "card_grouped",
       .pattern = R"([0-9]{4}( [0-9]{4}){3}( [0-9]{3})?|)"
                  R"([0-9]{4}(-[0-9]{4}){3}(-[0-9]{3})?|)"
                  R"([0-9]{4} [0-9]{6} [0-9]{5}|[0-9]{4}-[0-9]{6}-[0-9]{5})",
       .confidence = 0.55},
      {.name = "card_bare",
       .pattern = "[0-9]{13,19}",
       .confidence = 0.50,
       .needs = TriggerNeeds::kContext},
  };
  spec.contexts = {{"payment_card",
                    {"card", "credit card", "card number", "card no", "cc",
                     "visa", "mastercard", "amex", "american express",
                     "discover", "pan", "carte de crédit", "carte", "payment"},
                    {}}};
  spec.validate = ValidateCard;
  spec.examples = {
      Match("4111 1111 1111 1111", "", "payment_card", "4111111111111111"),
      Match("5555-5555-5555-4444", "", "payment_card", "5555555555554444"),
      Match("3782 822463 10005", "", "payment_card", "378282246310005"),
      Match("Visa 4111111111111111 exp 12/27", "", "payment_card",
            "4111111111111111"),
      Match("2223000000000007", "card_number", "payment_card",
            "2223000000000007"),
      Match("Paid by card 6011111111111117", "", "payment_card",
            "6011111111111117"),
      Match("4000 0000 0000 0000 006", "", "payment_card", "4000000000000000006"),
      Match("6500000000000002", "cc_pan", "payment_card", "6500000000000002"),
      NoMatch("4111111111111111"),                       // bare, no context
      NoMatch("4111 1111 1111 1112"),                    // Luhn
      NoMatch("1234 5678 9012 3452"),                    // Luhn ok, no issuer
      NoMatch("Order 1234567890123452", "Order Number"),  // Luhn ok, no issuer
      NoMatch("Tracking 1Z9999W99999999999"),            // tracking number
      NoMatch("4111-1111 1111-1111"),                    // mixed separators
      NoMatch("7001 2345 6789 0123"),                    // Luhn ok, no issuer
      NoMatch("41111111111111111111", "Card"),           // 20 digits
  };
  return spec;
}

}  // namespace

const DetectorSpec& PaymentCardDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
