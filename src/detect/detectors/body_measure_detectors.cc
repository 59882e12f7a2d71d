#include "detect/detectors/body_measure_detectors.h"

#include <cmath>
#include <string>

#include "detect/medical/measures.h"

namespace breachscope {
namespace {

constexpr double kMinHeightCm = 40, kMaxHeightCm = 230;
constexpr double kMinWeightKg = 1, kMaxWeightKg = 350;

Validation ValidateHeight(std::string_view text) {
  std::optional<double> cm = medical::ParseHeightCm(text);
  if (!cm || *cm < kMinHeightCm || *cm > kMaxHeightCm) return {};
  return {Verdict::kConfirmed, medical::FormatMetric(*cm, "cm"), {}, "plausible height"};
}

Validation ValidateWeight(std::string_view text) {
  std::optional<double> kg = medical::ParseWeightKg(text);
  if (!kg || *kg < kMinWeightKg || *kg > kMaxWeightKg) return {};
  return {Verdict::kConfirmed, medical::FormatMetric(*kg, "kg"), {}, "plausible weight"};
}

#define BS_NUMBER "[0-9]{1,3}([.,][0-9]{1,2})?"
// Bare numbers count only as the whole value of a labelled cell or field.

std::vector<Trigger> HeightTriggers() {
  return {
      {.name = "height_cm", .pattern = BS_NUMBER " ?cm", .confidence = 0.55},
      {.name = "height_m", .pattern = "[0-2][.,][0-9]{1,2} ?m",
       .confidence = 0.50},
      {.name = "height_ft_in",
       .pattern = "[2-8] ?' ?[0-9]{1,2}(\\.5)? ?(\"|'')?", .confidence = 0.55},
      {.name = "height_ft_in_words",
       .pattern = "[2-8] ?(ft|feet|foot)( ?[0-9]{1,2} ?(in|inches))?",
       .confidence = 0.55},
      {.name = "height_in", .pattern = BS_NUMBER " ?(in|inches)",
       .confidence = 0.50},
      {.name = "height_bare", .pattern = "^" BS_NUMBER "$", .confidence = 0.50,
       .needs = TriggerNeeds::kLabel},
  };
}

std::vector<Trigger> WeightTriggers() {
  return {
      {.name = "weight_kg", .pattern = BS_NUMBER " ?(kg|kgs|kilograms?)",
       .confidence = 0.55},
      {.name = "weight_lb", .pattern = BS_NUMBER " ?(lb|lbs|pounds?|livres?)",
       .confidence = 0.55},
      {.name = "weight_bare", .pattern = "^" BS_NUMBER "$", .confidence = 0.50,
       .needs = TriggerNeeds::kLabel},
  };
}

#undef BS_NUMBER

std::vector<DetectorExample> HeightExamples() {
  return {
      Match("172 cm", "Height", "height", "172 cm"),
      Match("Height: 1.72 m", "", "height", "172 cm"),
      Match("Hgt 5'8\"", "", "height", "172.7 cm"),
      Match("height 5 ft 8 in", "", "height", "172.7 cm"),
      Match("68 in", "height_in", "height", "172.7 cm"),
      Match("taille : 165 cm", "", "height", "165 cm"),
      Match("172", "Height (cm)", "height", "172 cm"),
      FieldMatch("180.5", "entry.resource.height", "height", "180.5 cm"),
      NoMatch("172 cm"),
      NoMatch("Height: 12 cm"),
      NoMatch("172", "Patient ID"),
      NoMatch("lesion 3 cm, height of the lesion 2 cm"),
      NoMatch("Height 172"),
      NoMatch("Height: 250 cm"),
      NoMatch("Room 5'8", "Location"),
      NoMatch("2021-03-04", "Height"),
  };
}

std::vector<DetectorExample> WeightExamples() {
  return {
      Match("70 kg", "Weight", "weight", "70 kg"),
      Match("Weight: 154 lbs", "", "weight", "69.9 kg"),
      Match("Wt 154 lb", "", "weight", "69.9 kg"),
      Match("poids 72,5 kg", "", "weight", "72.5 kg"),
      Match("weighs 200 pounds", "", "weight", "90.7 kg"),
      Match("70", "weight_kg", "weight", "70 kg"),
      Match("Height 172 cm, weight 70 kg", "", "weight", "70 kg"),
      FieldMatch("82.3", "Observation.weight", "weight", "82.3 kg"),
      NoMatch("70 kg"),
      NoMatch("a 20 kg bag of flour"),
      NoMatch("Weight: 400 kg"),
      NoMatch("70", "Height"),
      NoMatch("Weight 70"),
      NoMatch("weight 0.5 kg"),
      NoMatch("Shipping box weight 12 kg"),
      NoMatch("Parcel weight: 2.5 kg"),
      NoMatch("Max load capacity 150 kg"),
      NoMatch("poids du colis 3 kg"),
      NoMatch("2021-03-04", "Weight"),
      NoMatch("Weight 70 km"),
  };
}

}  // namespace

const DetectorSpec& HeightDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "height",
      .category = "height",
      .description = "Body height with units, or a number under a height label",
      .triggers = HeightTriggers(),
      .contexts = {{"height", {"height", "taille", "hgt", "stature"},
                    {}}},
      .requires_context = true,
      .validate = ValidateHeight,
      .examples = HeightExamples(),
  };
  return *kSpec;
}

const DetectorSpec& WeightDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "weight",
      .category = "weight",
      .description = "Body weight with units, or a number under a weight label",
      .triggers = WeightTriggers(),
      .contexts = {{"weight",
                    {"weight", "poids", "wt", "weighs", "weighed", "pesée"},
                    {}}},
      .requires_context = true,
      // Things that are weighed and are not a person.
      .counter_words = {"box", "boxes", "package", "parcel", "shipping",
                        "shipment", "freight", "cargo", "crate", "pallet",
                        "container", "luggage", "baggage", "load", "capacity",
                        "payload", "colis", "boite", "boîte", "envoi"},
      .validate = ValidateWeight,
      .examples = WeightExamples(),
  };
  return *kSpec;
}

}  // namespace breachscope
