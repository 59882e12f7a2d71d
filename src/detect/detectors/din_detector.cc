#include "detect/detectors/din_detector.h"

#include "detect/medical/medical_data.h"

namespace breachscope {
namespace {

// The 8 digits after a leading "DIN" and its separators, or `text`.
std::string_view DinDigits(std::string_view text) {
  if (text.size() <= 8 || (text[0] != 'D' && text[0] != 'd')) return text;
  return text.substr(text.size() - 8);
}

// Eight digits that are a marketed human drug's DIN. Order numbers,
// dates and phone fragments of the same shape are not in the database.
// A number written right after "DIN" names itself: records keep the DINs of
// products since cancelled or dormant, which the marketed list lacks, so
// there any 8 digits starting with 0 (every DIN issued so far) count.
Validation ValidateDin(std::string_view text) {
  std::string_view digits = DinDigits(text);
  if (medical::IsMarketedDin(digits)) {
    return {Verdict::kConfirmed, std::string(digits), {},
            "din in drug database"};
  }
  if (digits.size() == text.size() || digits[0] != '0') return {};
  return {Verdict::kPlausible, std::string(digits), {},
          "named din, not a marketed product"};
}

std::vector<DetectorExample> Examples() {
  return {
      Match("02099233", "DIN", "medication", "02099233"),
      Match("DIN 02099233", "", "medication", "02099233"),
      Match("Rx: metformin DIN: 02099233", "", "medication", "02099233"),
      Match("02099233", "drug_identification_number", "medication",
            "02099233"),
      Match("medication 00015741", "", "medication", "00015741"),
      Match("00015741", "Rx", "medication", "00015741"),
      FieldMatch("02099233", "RXE-2.1", "medication", "02099233"),
      Match("prescription: 00015229", "", "medication", "00015229"),
      Match("(DIN 02245693)", "", "medication", "02245693"),  // unlisted
      Match("DIN: 02245693", "", "medication", "02245693"),
      Match("no DIN : 02245693", "", "medication", "02245693"),
      NoMatch("DIN 12245693"),             // no DIN starts with 1
      NoMatch("DIN 022456931"),            // nine digits
      NoMatch("Rx 02245693"),              // unlisted needs the DIN word
      NoMatch("DINE 02245693"),
      NoMatch("02099233"),
      NoMatch("Order 02099233"),
      NoMatch("12345678", "DIN"),
      NoMatch("20210314", "Drug"),
      NoMatch("DIN 020992331"),
      NoMatch("Invoice 00015741 paid"),
      NoMatch("0224-2903", "DIN"),
      NoMatch("Tracking no. 00015229"),
  };
}

}  // namespace

const DetectorSpec& DinDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "din",
      .category = "medication",
      .description = "Drug Identification Numbers in Health Canada's DPD",
      .triggers = {{.name = "din_digits", .pattern = "[0-9]{8}",
                    .confidence = 0.55,
                    .needs = TriggerNeeds::kContext},
                   // The DIN word itself is the context.
                   {.name = "din_named",
                    .pattern = "DIN ?[:#]? ?0[0-9]{7}",
                    .caseless = true,
                    .confidence = 0.55}},
      .contexts = {{"medication",
                    {"din", "drug", "rx", "medication", "medications",
                     "prescription", "prescribed", "médicament", "medicament",
                     "meds", "pharmacy", "pharmacie"},
                    {"RXE-2", "RXO-1", "RXD-2", "RXA-5", "RXG-4"}}},
      .requires_context = false,
      .validate = ValidateDin,
      .examples = Examples(),
  };
  return *kSpec;
}

}  // namespace breachscope
