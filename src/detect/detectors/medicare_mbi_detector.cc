#include "detect/detectors/medicare_mbi_detector.h"

#include "detect/detectors/health_number_common.h"
#include "detect/validators/id_numbers.h"

namespace breachscope {
namespace {

// "1EG4TE5MK73" or as printed on the card "1EG4-TE5-MK73" (dashes after
// positions 4 and 7).
Validation ValidateMbi(std::string_view text) {
  std::string compact(text);
  if (text.size() == 13) {
    if (text[4] != '-' || text[8] != '-') return {};
    compact = std::string(text.substr(0, 4)) + std::string(text.substr(5, 3)) +
              std::string(text.substr(9));
  }
  if (!MbiValid(compact)) return {};
  return {Verdict::kConfirmed, HealthNormalized("US", compact),
          kHealthCategory, "mbi character rules ok"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "medicare_mbi";
  spec.category = kHealthCategory;
  spec.description = "US Medicare Beneficiary Identifiers (11 characters, CMS rules)";
  // The position rules (letters at 2, 5, 8, 9, never S L O I B Z) make a
  // random match rare, so only the bare shape needs context.
  spec.triggers = {
      {.name = "mbi_card",
       .pattern = R"([1-9][A-Z][0-9A-Z][0-9]-[A-Z][0-9A-Z][0-9]-[A-Z]{2}[0-9]{2})",
       .confidence = 0.55},
      {.name = "mbi",
       .pattern = R"([1-9][A-Z][0-9A-Z][0-9][A-Z][0-9A-Z][0-9][A-Z]{2}[0-9]{2})",
       .confidence = 0.50,
       .needs = TriggerNeeds::kContext},
  };
  spec.contexts = {{kHealthCategory,
                    {"mbi", "medicare", "beneficiary", "medicare number",
                     "medicare id", "hicn"},
                    {}}};
  spec.validate = ValidateMbi;
  spec.examples = {
      Match("1EG4TE5MK73", "MBI", kHealthCategory, "US:1EG4TE5MK73"),
      Match("1EG4-TE5-MK73", "", kHealthCategory, "US:1EG4TE5MK73"),
      Match("Medicare: 9AA0AA0AA00", "", kHealthCategory, "US:9AA0AA0AA00"),
      Match("Medicare Beneficiary Identifier 1E24T35MK73", "", kHealthCategory,
            "US:1E24T35MK73"),
      Match("1EG4TE5MK73", "medicare_id", kHealthCategory, "US:1EG4TE5MK73"),
      Match("Card 2AC3-DE4-FG56 on file", "", kHealthCategory,
            "US:2AC3DE4FG56"),
      Match("MBI 2AC3DE4FG56.", "", kHealthCategory, "US:2AC3DE4FG56"),
      FieldMatch("1EG4TE5MK73", "coverage.subscriberId.mbi", kHealthCategory,
                 "US:1EG4TE5MK73"),
      NoMatch("1EG4TE5MK73"),                 // bare, no context
      NoMatch("0EG4TE5MK73", "MBI"),          // first is 1-9
      NoMatch("1SG4TE5MK73", "MBI"),          // S excluded
      NoMatch("1EG4-TE5-MK7O", "MBI"),        // O excluded
      NoMatch("1EG4TE5MK73X", "MBI"),         // twelve characters
      NoMatch("1eg4te5mk73", "MBI"),          // lower case
      NoMatch("1EG4-TE5MK73", "MBI"),         // one dash of two
      NoMatch("Part 1AB2CD3EF45 shipped"),    // no context
  };
  return spec;
}

}  // namespace

const DetectorSpec& MedicareMbiDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
