#include "detect/detectors/din_detector.h"

#include "detect/medical/medical_data.h"

namespace breachscope {
namespace {

// Eight digits that are a marketed human drug's DIN. Order numbers,
// dates and phone fragments of the same shape are not in the database.
Validation ValidateDin(std::string_view text) {
  if (!medical::IsMarketedDin(text)) return {};
  return {Verdict::kConfirmed, std::string(text), {}, "din in drug database"};
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
                    .confidence = 0.55}},
      .contexts = {{"medication",
                    {"din", "drug", "rx", "medication", "medications",
                     "prescription", "prescribed", "médicament", "medicament",
                     "meds", "pharmacy", "pharmacie"},
                    {"RXE-2", "RXO-1", "RXD-2", "RXA-5", "RXG-4"}}},
      .requires_context = true,
      .validate = ValidateDin,
      .examples = Examples(),
  };
  return *kSpec;
}

}  // namespace breachscope
