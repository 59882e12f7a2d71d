#include "subjects/address_parts.h"

#include <cctype>
#include <vector>

#include "subjects/label_words.h"

namespace breachscope {

bool IsProvinceCode(std::string_view value) {
  static constexpr std::string_view kCodes[] = {
      "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"};
  if (value.size() != 2) return false;
  const char up[2] = {static_cast<char>(std::toupper(static_cast<unsigned char>(value[0]))),
                      static_cast<char>(std::toupper(static_cast<unsigned char>(value[1])))};
  for (std::string_view code : kCodes) {
    if (code == std::string_view(up, 2)) return true;
  }
  return false;
}

std::string NormalizePostalCode(std::string_view value) {
  std::string compact;
  for (char c : value) {
    if (c != ' ' && c != '-') compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (compact.size() != 6) return std::string(value);
  return compact.substr(0, 3) + " " + compact.substr(3);
}

AddressPart AddressPartOf(const Finding& finding) {
  if (finding.detector.rfind("postal_code", 0) == 0) return AddressPart::kPostalCode;
  const Hl7Position hl7 = ParseHl7Path(finding.location.path);
  if (hl7.ok) {
    switch (hl7.component) {
      case 3: return AddressPart::kCity;
      case 4: return AddressPart::kProvince;
      case 5: return AddressPart::kPostalCode;
      default: return AddressPart::kStreet;
    }
  }
  if (finding.location.kind == UnitKind::kText) return AddressPart::kLine;
  const std::vector<std::string> words = LabelWords(finding.location.label);
  if (HasAnyWord(words, {"postal", "postcode", "postalcode", "zip", "cp"})) {
    return AddressPart::kPostalCode;
  }
  if (HasAnyWord(words, {"city", "ville", "town", "municipality"})) return AddressPart::kCity;
  if (HasAnyWord(words, {"province", "prov", "state", "region"})) return AddressPart::kProvince;
  if (IsProvinceCode(finding.value)) return AddressPart::kProvince;
  // An "Address" cell that already holds its city: a whole line.
  if (finding.normalized.find(',') != std::string::npos) return AddressPart::kLine;
  return AddressPart::kStreet;
}

std::string AddressParts::Line() const {
  std::string out = street;
  auto add = [&out](std::string_view sep, const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += sep;
    out += part;
  };
  add(", ", city);
  std::string region = province;
  if (!postal_code.empty()) region += (region.empty() ? "" : " ") + postal_code;
  add(", ", region);
  return out;
}

}  // namespace breachscope
