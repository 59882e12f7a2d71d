#include "detect/detectors/provincial_health_detectors.h"

#include "detect/detectors/health_number_common.h"
#include "detect/validators/id_numbers.h"

namespace breachscope {
namespace {

// How a jurisdiction's number is written.
struct Shape {
  std::string_view jurisdiction;  // "SK"
  int digits;                     // count; 0 for the generic 8-12
  bool letter_first;              // NT: one letter, then the digits
};

inline constexpr Shape kSk{"SK", 9, false};
inline constexpr Shape kAb{"AB", 9, false};
inline constexpr Shape kMb{"MB", 9, false};
inline constexpr Shape kNb{"NB", 9, false};
inline constexpr Shape kNs{"NS", 10, false};
inline constexpr Shape kPe{"PE", 8, false};
inline constexpr Shape kNl{"NL", 12, false};
inline constexpr Shape kYt{"YT", 9, false};
inline constexpr Shape kNt{"NT", 7, true};
inline constexpr Shape kNu{"NU", 9, false};
inline constexpr Shape kCa{"CA", 0, false};

// Format only: the right count of digits in consistent groups. Plausible,
// never confirmed: there is no check digit to confirm.
template <const Shape& kShape>
Validation ValidateShape(std::string_view text) {
  std::string number;
  if (kShape.letter_first) {
    if (text.empty() || text[0] < 'A' || text[0] > 'Z') return {};
    number.push_back(text[0]);
    text.remove_prefix(1);
  }
  std::string digits;
  if (!DigitGroups(text, &digits)) return {};
  int n = static_cast<int>(digits.size());
  bool length_ok = kShape.digits > 0 ? n == kShape.digits : n >= 8 && n <= 12;
  if (!length_ok) return {};
  number += digits;
  return {Verdict::kPlausible, HealthNormalized(kShape.jurisdiction, number),
          kHealthCategory, "format only"};
}

// Patterns: digits with optional ' '/'-' between the usual groups.
constexpr std::string_view kNine =
    R"([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3}|[0-9]{5}-[0-9]{4})";
constexpr std::string_view kTen = R"([0-9]{4}[ -]?[0-9]{3}[ -]?[0-9]{3})";

// Everything a detector of this file differs by.
struct Province {
  const Shape* shape;
  Validator validate;
  std::string_view id;
  std::string_view description;
  std::string_view pattern;
  std::vector<std::string_view> words;
  std::string_view formatted;  // a sample number as written
  std::string_view label;      // a label naming the province's number
  std::string_view phrase;     // free text naming it, before the number
};

std::string Compact(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '-') out.push_back(c);
  }
  return out;
}

// Sixteen examples from one sample number, the same cases for every
// jurisdiction.
std::vector<DetectorExample> Examples(const Province& p) {
  std::string bare = Compact(p.formatted);
  std::string_view norm = KeepText(HealthNormalized(p.shape->jurisdiction, bare));
  std::string_view b = KeepText(bare);
  std::string phrase(p.phrase);
  std::string_view c = kHealthCategory;
  return {
      Match(b, p.label, c, norm),
      Match(p.formatted, p.label, c, norm),
      Match(KeepText(phrase + ": " + bare), "", c, norm),
      Match(KeepText(phrase + " " + std::string(p.formatted)), "", c, norm),
      Match(KeepText("Pt seen today, " + phrase + " #" + bare + "."), "", c, norm),
      Match(b, KeepText("Patient " + std::string(p.label)), c, norm),
      Match(KeepText(" " + bare + " "), p.label, c, norm),
      FieldMatch(b, KeepText("patient." + std::string(p.label)), c, norm),
      NoMatch(b),
      NoMatch(KeepText("Reference " + std::string(p.formatted))),
      NoMatch(KeepText(bare + "1234"), p.label),
      NoMatch(KeepText("X" + bare), p.label),
      NoMatch(b, "Order Number"),
      NoMatch(KeepText(phrase + " " + std::string(48, '.') + " " + bare)),
      NoMatch(KeepText(bare.substr(0, bare.size() - 3)), p.label),
      NoMatch(KeepText(bare.substr(0, bare.size() - 1) + "O"), p.label),
  };
}

DetectorSpec MakeSpec(const Province& p) {
  DetectorSpec spec;
  spec.id = p.id;
  spec.category = kHealthCategory;
  spec.description = p.description;
  spec.triggers = {{.name = p.id, .pattern = p.pattern, .confidence = 0.50}};
  spec.contexts = {{kHealthCategory, p.words, {}}};
  spec.requires_context = true;
  spec.validate = p.validate;
  spec.examples = Examples(p);
  return spec;
}

const DetectorSpec& Build(const Province& p) {
  return *new DetectorSpec(MakeSpec(p));
}

}  // namespace

const DetectorSpec& HealthNumberSkDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kSk, ValidateShape<kSk>, "health_number_sk",
       "Saskatchewan HSN (9 digits), with an SK word", kNine,
       {"hsn", "health services number", "saskatchewan health",
        "sask health", "sk health"},
       "123 456 789", "HSN", "Saskatchewan health services number"});
  return kSpec;
}

const DetectorSpec& HealthNumberAbDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kAb, ValidateShape<kAb>, "health_number_ab",
       "Alberta PHN/ULI (9 digits), with an AB word", kNine,
       {"ahcip", "alberta health", "alberta personal health",
        "unique lifetime identifier", "ab phn", "phn"},
       "12345-6789", "AHCIP", "Alberta Health Care"});
  return kSpec;
}

const DetectorSpec& HealthNumberMbDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kMb, ValidateShape<kMb>, "health_number_mb",
       "Manitoba PHIN (9 digits), with an MB word", kNine,
       {"phin", "manitoba health", "mb health"},
       "234 567 891", "PHIN", "Manitoba Health"});
  return kSpec;
}

const DetectorSpec& HealthNumberNbDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kNb, ValidateShape<kNb>, "health_number_nb",
       "New Brunswick Medicare (9 digits), with an NB word", kNine,
       {"nb medicare", "medicare nb", "new brunswick medicare",
        "new brunswick health", "assurance maladie nb"},
       "345 678 912", "NB Medicare", "New Brunswick Medicare"});
  return kSpec;
}

const DetectorSpec& HealthNumberNsDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kNs, ValidateShape<kNs>, "health_number_ns",
       "Nova Scotia health card (10 digits), with an NS word", kTen,
       {"msi", "nova scotia health", "ns health", "ns health card"},
       "0123 456 789", "NS Health Card", "Nova Scotia health card"});
  return kSpec;
}

const DetectorSpec& HealthNumberPeDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kPe, ValidateShape<kPe>, "health_number_pe",
       "Prince Edward Island health number (8 digits), with a PE word",
       R"([0-9]{8}|[0-9]{4}[ -][0-9]{4})",
       {"pei health", "pe health", "prince edward island health"},
       "1234 5678", "PEI Health Number", "PEI health card"});
  return kSpec;
}

const DetectorSpec& HealthNumberNlDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kNl, ValidateShape<kNl>, "health_number_nl",
       "Newfoundland and Labrador MCP (12 digits), with an NL word",
       R"([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3})",
       {"mcp", "newfoundland", "nl health"},
       "123 456 789 012", "MCP", "Newfoundland MCP number"});
  return kSpec;
}

const DetectorSpec& HealthNumberYtDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kYt, ValidateShape<kYt>, "health_number_yt",
       "Yukon health care number (9 digits), with a YT word", kNine,
       {"yukon health", "yhcip", "yukon health care"},
       "456 789 123", "Yukon Health Care", "Yukon health care number"});
  return kSpec;
}

const DetectorSpec& HealthNumberNtDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kNt, ValidateShape<kNt>, "health_number_nt",
       "Northwest Territories health care number (letter + 7 digits), "
       "with an NT word",
       R"([A-Z][0-9]{7})",
       {"nwt health", "nt health", "northwest territories health",
        "nwt hcp"},
       "N1234567", "NWT Health Care", "NWT health care number"});
  return kSpec;
}

const DetectorSpec& HealthNumberNuDetector() {
  static const DetectorSpec& kSpec = Build(
      {&kNu, ValidateShape<kNu>, "health_number_nu",
       "Nunavut health care number (9 digits), with a NU word", kNine,
       {"nunavut health", "nu health", "nunavut health care"},
       "567 891 234", "Nunavut Health Card", "Nunavut health care number"});
  return kSpec;
}

const DetectorSpec& HealthNumberCaDetector() {
  static const DetectorSpec* const kSpec = [] {
    auto* spec = new DetectorSpec(MakeSpec(
        {&kCa, ValidateShape<kCa>, "health_number_ca",
         "Canadian health numbers of unnamed province (8-12 digits), with a "
         "health card word",
         R"([0-9]{8,12}|[0-9]{3,4}[ -][0-9]{3}[ -][0-9]{3}([ -][0-9]{3})?)",
         GenericHealthWords(), "123 456 789", "Health Card",
         "Health card number"}));
    // Below the province detectors, which win the same span when both
    // have context.
    spec->triggers[0].confidence = 0.45;
    return spec;
  }();
  return *kSpec;
}

}  // namespace breachscope
