#include "detect/detectors/government_id_detectors.h"

#include <string>

namespace breachscope {
namespace {

constexpr std::string_view kGov = "government_id";

std::vector<std::string_view> LicenceWords() {
  return {"driver's licence", "drivers licence", "driver licence",
          "driver's license", "drivers license", "driver license",
          "licence number", "license number", "licence no", "license no",
          "dl", "dln", "permis de conduire", "no de permis"};
}

std::vector<std::string_view> PassportWords() {
  return {"passport", "passeport", "passport no", "passport number"};
}

// Letters and digits of the candidate, separators dropped; false when
// anything else is in it.
bool Compact(std::string_view text, std::string* out) {
  out->clear();
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
    out->push_back(c);
  }
  return true;
}

Validation Found(std::string_view prefix, const std::string& value) {
  return {Verdict::kPlausible, std::string(prefix) + value, kGov,
          "format only"};
}

Validation ValidateOn(std::string_view text) {
  std::string v;
  if (!Compact(text, &v) || v.size() != 15) return {};
  return Found("ON-DL:", v);
}

Validation ValidateQc(std::string_view text) {
  std::string v;
  if (!Compact(text, &v) || v.size() != 13) return {};
  return Found("QC-DL:", v);
}

// 7 digits are BC's, 8 Saskatchewan's; Alberta's are 6 to 9 and so take
// the lengths no other western province uses.
Validation ValidateWest(std::string_view text) {
  std::string v;
  if (!Compact(text, &v)) return {};
  switch (v.size()) {
    case 7: return Found("BC-DL:", v);
    case 8: return Found("SK-DL:", v);
    case 6:
    case 9: return Found("AB-DL:", v);
    default: return {};
  }
}

Validation ValidatePassportCa(std::string_view text) {
  std::string v;
  if (!Compact(text, &v) || v.size() != 8) return {};
  return Found("CA-PP:", v);
}

Validation ValidatePassportUs(std::string_view text) {
  std::string v;
  if (!Compact(text, &v) || v.size() != 9) return {};
  return Found("US-PP:", v);
}

DetectorSpec Spec(std::string_view id, std::string_view description,
                  std::string_view pattern, std::vector<std::string_view> words,
                  Validator validate, std::vector<DetectorExample> examples) {
  DetectorSpec spec;
  spec.id = id;
  spec.category = kGov;
  spec.description = description;
  spec.triggers = {{.name = id, .pattern = pattern, .confidence = 0.50}};
  spec.contexts = {{kGov, std::move(words), {}}};
  spec.requires_context = true;
  spec.validate = validate;
  spec.examples = std::move(examples);
  return spec;
}

const DetectorSpec& Keep(DetectorSpec spec) {
  return *new DetectorSpec(std::move(spec));
}

}  // namespace

const DetectorSpec& DriversLicenceOnDetector() {
  static const DetectorSpec& kSpec = Keep(Spec(
      "drivers_licence_on", "Ontario driver's licences (letter + 14 digits)",
      R"([A-Z][0-9]{4}-[0-9]{5}-[0-9]{5}|[A-Z][0-9]{14})", LicenceWords(),
      ValidateOn,
      {Match("A1234-56789-01234", "Driver's Licence", kGov,
             "ON-DL:A12345678901234"),
       Match("DL: A12345678901234", "", kGov, "ON-DL:A12345678901234"),
       Match("Permis de conduire B9876-54321-09876", "", kGov,
             "ON-DL:B98765432109876"),
       Match("Drivers license number S1234-56789-01234", "", kGov,
             "ON-DL:S12345678901234"),
       Match("A12345678901234", "dl_number", kGov, "ON-DL:A12345678901234"),
       Match("Licence no. Z0000-11111-22222 (ON)", "", kGov,
             "ON-DL:Z00001111122222"),
       Match("A1234-56789-01234", "licence_no", kGov, "ON-DL:A12345678901234"),
       FieldMatch("A12345678901234", "Patient.identifier.dl", kGov,
                  "ON-DL:A12345678901234"),
       NoMatch("A1234-56789-01234"), NoMatch("A1234-5678-901234", "DL"),
       NoMatch("A1234-56789-0123", "DL"), NoMatch("a1234-56789-01234", "DL"),
       NoMatch("AB234-56789-01234", "DL"), NoMatch("Part A1234-56789-01234"),
       NoMatch("A123456789012345", "DL"),
       NoMatch("A12345678901234", "Passport")}));
  return kSpec;
}

const DetectorSpec& DriversLicenceQcDetector() {
  static const DetectorSpec& kSpec = Keep(Spec(
      "drivers_licence_qc", "Quebec driver's licences (letter + 12 digits)",
      R"([A-Z][0-9]{4}[ -]?[0-9]{6}[ -]?[0-9]{2})", LicenceWords(), ValidateQc,
      {Match("T1234-567890-12", "Permis de conduire", kGov,
             "QC-DL:T123456789012"),
       Match("T123456789012", "DL", kGov, "QC-DL:T123456789012"),
       Match("permis de conduire T1234 567890 12", "", kGov,
             "QC-DL:T123456789012"),
       Match("Driver's licence: L5555-123456-78", "", kGov,
             "QC-DL:L555512345678"),
       Match("L555512345678", "no_de_permis", kGov, "QC-DL:L555512345678"),
       Match("DL T123456789012.", "", kGov, "QC-DL:T123456789012"),
       Match("T123456789012", "drivers_license", kGov, "QC-DL:T123456789012"),
       FieldMatch("T123456789012", "person.licence number", kGov,
                  "QC-DL:T123456789012"),
       NoMatch("T123456789012"), NoMatch("T12345678901", "DL"),
       NoMatch("T1234567890123", "DL"), NoMatch("t123456789012", "DL"),
       NoMatch("Ref T1234-567890-12"), NoMatch("TT23456789012", "DL"),
       NoMatch("T123456789012", "Passport"),
       NoMatch("T123456789012", "Account")}));
  return kSpec;
}

const DetectorSpec& DriversLicenceWestDetector() {
  static const DetectorSpec& kSpec = Keep(Spec(
      "drivers_licence_west",
      "BC (7 digits), SK (8) and AB (6 or 9, 6-3) driver's licences",
      R"([0-9]{6,9}|[0-9]{6}-[0-9]{3})", LicenceWords(), ValidateWest,
      {Match("1234567", "Driver's Licence", kGov, "BC-DL:1234567"),
       Match("DL 12345678", "", kGov, "SK-DL:12345678"),
       Match("Driver license 123456-789", "", kGov, "AB-DL:123456789"),
       Match("123456", "licence_no", kGov, "AB-DL:123456"),
       Match("Licence number: 7654321", "", kGov, "BC-DL:7654321"),
       Match("87654321", "drivers_licence", kGov, "SK-DL:87654321"),
       Match("dl#123456789", "", kGov, "AB-DL:123456789"),
       FieldMatch("1234567", "person.dl", kGov, "BC-DL:1234567"),
       NoMatch("1234567"), NoMatch("12345", "DL"),
       NoMatch("1234567890", "DL"), NoMatch("1234567", "Passport"),
       NoMatch("Order 12345678"), NoMatch("123-4567", "DL"),
       NoMatch("X1234567", "DL"), NoMatch("1234567", "Account")}));
  return kSpec;
}

const DetectorSpec& PassportCaDetector() {
  static const DetectorSpec& kSpec = Keep(Spec(
      "passport_ca", "Canadian passports (2 letters + 6 digits)",
      R"([A-Z]{2}[0-9]{6})", PassportWords(), ValidatePassportCa,
      {Match("AB123456", "Passport", kGov, "CA-PP:AB123456"),
       Match("Passport no. GA302922", "", kGov, "CA-PP:GA302922"),
       Match("passeport : HK654321", "", kGov, "CA-PP:HK654321"),
       Match("AB123456", "passport_number", kGov, "CA-PP:AB123456"),
       Match("Canadian passport AB123456 expires", "", kGov, "CA-PP:AB123456"),
       Match("Passport: ZZ000001.", "", kGov, "CA-PP:ZZ000001"),
       Match("AB123456", "No passeport", kGov, "CA-PP:AB123456"),
       FieldMatch("AB123456", "traveller.passport", kGov, "CA-PP:AB123456"),
       NoMatch("AB123456"), NoMatch("ab123456", "Passport"),
       NoMatch("AB12345", "Passport"), NoMatch("AB1234567", "Passport"),
       NoMatch("ABC123456", "Passport"), NoMatch("Flight AB123456"),
       NoMatch("AB123456", "DL"), NoMatch("AB-123456", "Passport")}));
  return kSpec;
}

const DetectorSpec& PassportUsDetector() {
  static const DetectorSpec& kSpec = Keep(Spec(
      "passport_us", "US passports (9 digits)", R"([0-9]{9})", PassportWords(),
      ValidatePassportUs,
      {Match("123456789", "Passport", kGov, "US-PP:123456789"),
       Match("US passport 987654321", "", kGov, "US-PP:987654321"),
       Match("Passport no. 555000111", "", kGov, "US-PP:555000111"),
       Match("123456789", "passport_number", kGov, "US-PP:123456789"),
       Match("passeport : 123456789", "", kGov, "US-PP:123456789"),
       Match("Passport: 123456789.", "", kGov, "US-PP:123456789"),
       Match("123456789", "No passeport", kGov, "US-PP:123456789"),
       FieldMatch("123456789", "traveller.passport", kGov, "US-PP:123456789"),
       NoMatch("123456789"), NoMatch("12345678", "Passport"),
       NoMatch("1234567890", "Passport"), NoMatch("123 456 789", "Passport"),
       NoMatch("Invoice 123456789"), NoMatch("123456789", "DL"),
       NoMatch("A23456789", "Passport"), NoMatch("123456789", "SIN")}));
  return kSpec;
}

}  // namespace breachscope
