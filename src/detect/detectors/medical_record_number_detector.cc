#include "detect/detectors/medical_record_number_detector.h"

namespace breachscope {
namespace {

constexpr std::string_view kMrn = "medical_record_number";
constexpr std::string_view kPatient = "patient_number";

// Facility numbers have no public structure; the shape only keeps out
// what cannot be one (fewer than 3 digits). Normalised to upper case as
// written: the prefix is part of the number in the facility's system.
Validation ValidateRecordNumber(std::string_view text) {
  std::string value;
  int digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') ++digits;
    value.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  }
  if (digits < 3) return {};
  return {Verdict::kPlausible, std::move(value), {}, "format only"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "medical_record_number";
  spec.category = kMrn;
  spec.description = "Medical record and patient/account/visit numbers, with context";
  // Low base: any label-matched number of another detector (a compact date
  // under "encounter", a health number near "MRN") outranks these.
  spec.triggers = {
      {.name = "record_number",
       .pattern = R"([A-Z]{1,4}[-#]?[0-9]{3,11}|[0-9]{5,12})",
       .confidence = 0.42},
      // Year-prefixed and grouped numbers (`24-118873`) as one value, not
      // their last group.
      {.name = "record_number_grouped",
       .pattern = R"([0-9]{2,4}-[0-9]{5,10})",
       .confidence = 0.42},
      // "MRN-000123" names itself.
      {.name = "mrn_prefixed",
       .pattern = R"(MRN[-#:]?[0-9]{3,12})",
       .caseless = true,
       .confidence = 0.55},
  };
  // Order matters: a label naming both ("patient_mrn") reads as a record
  // number, the first set.
  spec.contexts = {
      {kMrn,
       {"mrn", "medical record", "record number", "record no", "chart",
        "dossier", "numéro de dossier", "hospital number", "unit number"},
       {}},
      {kPatient,
       {"patient id", "patient no", "patient number", "patientid",
        "account number", "account no", "acct", "encounter number",
        "encounter no", "encounter id", "visit number", "visit no",
        "visit id", "client id", "pt id"},
       {}},
  };
  spec.validate = ValidateRecordNumber;
  spec.examples = {
      Match("1234567", "MRN", kMrn, "1234567"),
      Match("MRN-000123", "", kMrn, "MRN-000123"),
      Match("MRN: A0012345", "", kMrn, "A0012345"),
      Match("0456789", "No dossier", kMrn, "0456789"),
      Match("Chart # 88123", "", kMrn, "88123"),
      Match("P000123", "Patient ID", kPatient, "P000123"),
      Match("Account number 40012345", "", kPatient, "40012345"),
      Match("Visit no. V-2231", "", kPatient, "V-2231"),
      Match("1234567", "patient_mrn", kMrn, "1234567"),
      Match("24-118873", "MRN", kMrn, "24-118873"),
      Match("RVH-0042371", "Medical Record #", kMrn, "RVH-0042371"),
      FieldMatch("ENC00042", "Encounter.identifier.encounter id", kPatient,
                 "ENC00042"),
      NoMatch("1234567"),                         // no context
      NoMatch("A12", "MRN"),                      // too short
      NoMatch("Order 1234567 shipped"),           // no context
      NoMatch("MRN pending", "MRN"),              // no digits
      NoMatch("1234567", "Patient Name"),         // not a number label
      NoMatch("ABCDE12", "MRN"),                  // five letters
      NoMatch("1234567890123", "MRN"),            // thirteen digits
      NoMatch("MRNX-000123"),                     // no context
      NoMatch("24-118873"),                       // no context
  };
  return spec;
}

}  // namespace

const DetectorSpec& MedicalRecordNumberDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
