#include "detect/fields/field_analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detect/detector_engine.h"
#include "detect/fields/column_profile.h"
#include "detect/fields/label_match.h"
#include "detect/fields/value_evidence.h"

namespace breachscope {
namespace {

struct FieldCase {
  UnitKind kind;
  const char* label;
  const char* path;
  const char* text;
  const char* category;  // nullptr: no field finding
  Role role = Role::kUnknown;
  const char* normalized = nullptr;  // checked when set
};

constexpr UnitKind kCell = UnitKind::kTableCell;
constexpr UnitKind kField = UnitKind::kField;

// Findings of the field analyzer only (its ids end in _field / _column).
std::vector<Finding> FieldFindings(const std::vector<Finding>& all) {
  std::vector<Finding> out;
  for (const Finding& f : all) {
    if (f.detector.ends_with("_field") || f.detector.ends_with("_column")) {
      out.push_back(f);
    }
  }
  return out;
}

std::vector<std::string> Detectors(const std::vector<Finding>& all) {
  std::vector<std::string> out;
  for (const Finding& f : all) out.push_back(f.detector);
  return out;
}

const Finding* Find(const std::vector<Finding>& all, std::string_view id) {
  for (const Finding& f : all) {
    if (f.detector == id) return &f;
  }
  return nullptr;
}

class FieldAnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = DetectorEngine::Create({});
    ASSERT_TRUE(engine.ok());
    engine_ = std::move(engine).value();
    scratch_ = engine_->NewScratch();
  }
  // A unit with no classified column: fields, and table cells before their
  // column is classified (the sample) or past the classified tables.
  std::vector<Finding> Scan(const TextUnit& unit) {
    std::vector<Finding> out;
    engine_->ScanUnit(unit, *scratch_, &out);
    return out;
  }
  // A table cell of a column classified `column` (empty: no class).
  std::vector<Finding> Scan(const TextUnit& unit, std::string_view column) {
    std::vector<Finding> out;
    engine_->ScanCell(unit, column, *scratch_, &out);
    return out;
  }
  // The whole value must be one finding of the expected category: the
  // field analyzer's, or a pattern detector's that made it step aside.
  void Check(const FieldCase& c, int64_t record = 0) {
    TextUnit unit{c.kind, c.text, c.label, c.path, {}, record, 0, 0};
    std::vector<Finding> all = Scan(unit);
    std::vector<Finding> fields = FieldFindings(all);
    std::string what = std::string(c.label) + " / " + c.path;
    if (c.category == nullptr) {
      EXPECT_TRUE(fields.empty()) << what << " got " << fields[0].category;
      return;
    }
    std::vector<Finding> whole;
    for (const Finding& f : all) {
      if (f.category == c.category && f.value == c.text) whole.push_back(f);
    }
    ASSERT_EQ(whole.size(), 1u) << what;
    if (fields.empty()) return;  // a pattern detector covered it
    ASSERT_EQ(fields.size(), 1u) << what;
    EXPECT_EQ(fields[0].role, c.role) << what;
    if (c.normalized != nullptr) {
      EXPECT_EQ(fields[0].normalized, c.normalized) << what;
    }
    EXPECT_EQ(fields[0].explanation.find(c.text), std::string::npos) << what;
  }
  std::unique_ptr<const DetectorEngine> engine_;
  std::unique_ptr<DetectorEngine::Scratch> scratch_;
};

TEST_F(FieldAnalyzerTest, CsvLabels) {
  const FieldCase cases[] = {
      {kCell, "first_name", "", "Marie-Ève", "name"},
      {kCell, "Last Name", "", "O'Connor", "name"},
      {kCell, "Account Number", "", "A00482913", "patient_number",
       Role::kPatient},
      {kCell, "lastName", "", "de la Cruz", "name"},
      {kCell, "Patient Name", "", "Jane Q. Doe", "name", Role::kPatient},
      {kCell, "Attending Physician", "", "Dr Amir Patel", "name",
       Role::kStaff},
      {kCell, "Emergency Contact", "", "Paul Doe", "name", Role::kRelated},
      {kCell, "prénom", "", "Héloïse", "name"},
      {kCell, "first_name", "", "12345", nullptr},
      {kCell, "file_name", "", "report", nullptr},
      {kCell, "Street", "", "12 Main St", "address"},
      {kCell, "ville", "", "Regina", "address"},
      {kCell, "MRN", "", "AB123456", "medical_record_number",
       Role::kPatient, "AB123456"},
      {kCell, "Patient ID", "", "P-00042", "patient_number", Role::kPatient,
       "P00042"},
      {kCell, "HSN", "", "123456789", "health_insurance_number",
       Role::kUnknown, "??:123456789"},
      {kCell, "OHIP number", "", "1234-567-890", "health_insurance_number",
       Role::kUnknown, "ON:1234567890"},
      {kCell, "Clinic", "", "Regina North Clinic", "service_location"},
      {kCell, "Diagnosis", "", "E11.9", "diagnosis"},
      {kCell, "Diagnosis Date", "", "2021-03-04", nullptr},
      {kCell, "Reason", "", "Postmenopausal bleeding", "diagnosis"},
      {kCell, "Cancellation Reason", "", "Patient unwell", nullptr},
      {kCell, "Medication", "", "metformin 500 mg", "medication"},
      {kCell, "Height", "", "172 cm", "height"},
      {kCell, "poids", "", "80kg", "weight"},
      {kCell, "Weight", "", "heavy", nullptr},
      {kCell, "Notes", "", "Patient reports chest pain since Monday.",
       "medical_history"},
      {kCell, "Notes", "", "ok", nullptr},
      {kCell, "Signature", "", "/s/ J. Doe", "signature"},
      {kCell, "Driver's Licence", "", "D1234-56789", "government_id"},
      {kCell, "Card Number", "", "4111 1111 1111 1111", "payment_card"},
      {kCell, "Health Card", "", "n/a", nullptr},
      {kCell, "Patient", "", "Jule Ouellet", "name", Role::kPatient},
      {kCell, "Cardholder", "", "Lucy Bélanger", "name"},
  };
  for (const FieldCase& c : cases) Check(c);
}

// Labels that look like a category's but name something else.
TEST_F(FieldAnalyzerTest, LookAlikeLabelDecoys) {
  const FieldCase cases[] = {
      {kCell, "Accession", "", "A81950691", nullptr},
      {kCell, "Requisition", "", "REQ-55120", nullptr},
      {kCell, "Rx No", "", "RX799569", nullptr},
      {kCell, "Prescription Number", "", "RX799569", nullptr},
      {kCell, "DL Province", "", "SK", nullptr},
      {kCell, "Passport Issuing State", "", "Ontario", nullptr},
      {kCell, "Country", "", "Canada", nullptr},
      {kCell, "Patient Status", "", "Active", nullptr},
      {kCell, "Patient Sex", "", "Female", nullptr},
      {kCell, "GL Account 1", "", "5100-200", nullptr},
      {kCell, "General Ledger Account", "", "5200-100", nullptr},
      {kCell, "Bank Account", "", "004-12345-678", nullptr},
      {kField, "name.use", "name[0].use", "official", nullptr},
      {kField, "address.country", "address[0].country", "CA", nullptr},
      {kField, "/patients/patient/healthCard/@province",
       "/patients/patient[7]/healthCard/@province", "NL", nullptr},
  };
  for (const FieldCase& c : cases) Check(c);
}

TEST_F(FieldAnalyzerTest, TokenAwareLabelDecoys) {
  const FieldCase cases[] = {
      {kCell, "cancelled", "", "Yes Indeed", nullptr},
      {kCell, "hotel", "", "Chateau Frontenac", nullptr},
      {kCell, "business", "", "Acme Widgets", nullptr},
      {kCell, "année", "", "1975", nullptr},
      {kCell, "rename", "", "Jane Doe", nullptr},
      {kCell, "Business Name", "", "Acme Widgets", nullptr},
  };
  for (const FieldCase& c : cases) Check(c);
  std::string framed = FramedLabelWords("cancelled");
  EXPECT_FALSE(HasPhrase(framed, "cell"));
  EXPECT_TRUE(HasPhrase(FramedLabelWords("Medical Record #"),
                        "medical_record"));
}

TEST_F(FieldAnalyzerTest, Hl7Fields) {
  const FieldCase cases[] = {
      {kField, "PID-5", "PID-5[1].1", "DOE", "name", Role::kPatient},
      {kField, "PID-5", "PID-5[1].2", "JANE", "name", Role::kPatient},
      {kField, "NK1-2", "NK1-2[1].1", "DOE", "name", Role::kRelated},
      {kField, "IN1-16", "IN1-16[1].1", "DOE", "name", Role::kRelated},
      {kField, "GT1-3", "GT1-3[1].2", "PAUL", "name", Role::kRelated},
      {kField, "PV1-7", "PV1-7[1].2", "PATEL", "name", Role::kStaff},
      {kField, "PV1-7", "PV1-7[1].1", "12345", nullptr},
      {kField, "ORC-12", "ORC-12[1].3", "AMIR", "name", Role::kStaff},
      {kField, "PID-11", "PID-11[1].3", "REGINA", "address"},
      {kField, "PID-3", "PID-3[1].1", "MR55555", "medical_record_number",
       Role::kPatient},
      {kField, "PID-18", "PID-18[1].1", "AC998877", "patient_number",
       Role::kPatient},
      {kField, "PV1-19", "PV1-19[1].1", "V123", "patient_number",
       Role::kPatient},
      {kField, "IN1-36", "IN1-36[1].1", "987654321", "health_insurance_number"},
      {kField, "PV1-3", "PV1-3[1].4", "Regina Lab", "service_location"},
      {kField, "PV1-3", "PV1-3[1].9", "Wascana Family Clinic",
       "service_location"},
      {kField, "MSH-4", "MSH-4[1].1", "CLINIC A", "service_location"},
      {kField, "DG1-3", "DG1-3[1].2", "Type 2 diabetes", "diagnosis"},
      {kField, "RXE-2", "RXE-2[1].2", "Metformin", "medication"},
      {kField, "OBX-5", "OBX-5[1].1", "5.4", "lab_result"},
      {kField, "NTE-3", "NTE-3[1].1", "Fasting sample, patient anxious.",
       "medical_history"},
      {kField, "PID-51", "PID-51[1].1", "DOE", nullptr},
  };
  for (const FieldCase& c : cases) Check(c);
}

TEST_F(FieldAnalyzerTest, Hl7ObxHeightFromObx3) {
  Check({kField, "OBX-3", "OBX(2)-3[1].2", "Body height", nullptr}, 7);
  Check({kField, "OBX-5", "OBX(2)-5[1].1", "172", "height", Role::kPatient},
        7);
  Check({kField, "OBX-5", "OBX(3)-5[1].1", "5.4", "lab_result"}, 7);
}

TEST_F(FieldAnalyzerTest, FhirHealthNumberSystemEndingInHn) {
  Check({kField, "resourceType", "resourceType", "Patient", nullptr}, 5);
  Check({kField, "identifier.system", "identifier[1].system",
         "https://health.gov.ab.ca/hn", nullptr}, 5);
  Check({kField, "identifier.value", "identifier[1].value", "179244027",
         "health_insurance_number", Role::kPatient}, 5);
}

// An Observation's valueQuantity is a height or weight when its code says
// so, in the same resource; other codes leave it a lab result.
TEST_F(FieldAnalyzerTest, FhirObservationMeasureFromCode) {
  const char* kType = "entry.resource.resourceType";
  const char* kCode = "entry.resource.code.coding.display";
  const char* kValue = "entry.resource.valueQuantity.value";
  Check({kField, kType, "entry[0].resource.resourceType", "Observation",
         nullptr}, 6);
  Check({kField, kCode, "entry[0].resource.code.coding[0].display",
         "Body height", nullptr}, 6);
  Check({kField, kValue, "entry[0].resource.valueQuantity.value", "170",
         "height", Role::kPatient}, 6);
  Check({kField, kType, "entry[1].resource.resourceType", "Observation",
         nullptr}, 6);
  Check({kField, kCode, "entry[1].resource.code.coding[0].display",
         "Body weight", nullptr}, 6);
  Check({kField, kValue, "entry[1].resource.valueQuantity.value", "75",
         "weight", Role::kPatient}, 6);
  Check({kField, kType, "entry[2].resource.resourceType", "Observation",
         nullptr}, 6);
  Check({kField, kCode, "entry[2].resource.code.coding[0].display", "Sodium",
         nullptr}, 6);
  Check({kField, kValue, "entry[2].resource.valueQuantity.value", "138",
         "lab_result"}, 6);
  // A height code of another entry does not reach this value.
  Check({kField, kCode, "entry[3].resource.code.coding[0].display",
         "Body height", nullptr}, 6);
  Check({kField, kValue, "entry[4].resource.valueQuantity.value", "5.4",
         "lab_result"}, 6);
}

TEST_F(FieldAnalyzerTest, ForgetRecordStartsTheRecordAfresh) {
  // One item's record 0 names the weight; the next item's record 0 (a
  // value under the same path) must not borrow it.
  const char* kType = "entry.resource.resourceType";
  const char* kCode = "entry.resource.code.coding.display";
  const char* kValue = "entry.resource.valueQuantity.value";
  const char* kTypePath = "entry[0].resource.resourceType";
  const char* kValuePath = "entry[0].resource.valueQuantity.value";
  Check({kField, kType, kTypePath, "Observation", nullptr}, 0);
  Check({kField, kCode, "entry[0].resource.code.coding[0].display",
         "Body weight", nullptr}, 0);
  Check({kField, kValue, kValuePath, "75", "weight", Role::kPatient}, 0);
  Check({kField, kValue, kValuePath, "76", "weight", Role::kPatient}, 0);
  scratch_->ForgetRecord();
  // Not even known to be an Observation's value now.
  Check({kField, kValue, kValuePath, "77", nullptr}, 0);
  // Forgetting does not stop the record from being learned again.
  Check({kField, kType, kTypePath, "Observation", nullptr}, 0);
  Check({kField, kCode, "entry[0].resource.code.coding[0].display",
         "Body weight", nullptr}, 0);
  Check({kField, kValue, kValuePath, "78", "weight", Role::kPatient}, 0);
}

TEST_F(FieldAnalyzerTest, FhirJsonAndXmlPaths) {
  const FieldCase cases[] = {
      {kField, "entry.resource.resourceType", "entry[0].resource.resourceType",
       "Patient", nullptr},
      {kField, "entry.resource.name.family", "entry[0].resource.name[0].family",
       "Doe", "name", Role::kPatient},
      {kField, "entry.resource.address.city",
       "entry[0].resource.address[0].city", "Regina", "address"},
      {kField, "entry.resource.contact.name.family",
       "entry[0].resource.contact[0].name.family", "Doe", "name",
       Role::kRelated},
      {kField, "entry.resource.identifier.system",
       "entry[0].resource.identifier[0].system",
       "https://fhir.infoway-inforoute.ca/NamingSystem/ca-on-patient-hcn",
       nullptr},
      {kField, "entry.resource.identifier.value",
       "entry[0].resource.identifier[0].value", "9876543217",
       "health_insurance_number", Role::kPatient, "ON:9876543217"},
      {kField, "entry.resource.identifier.value",
       "entry[0].resource.identifier[1].value", "X-77", "patient_number",
       Role::kPatient},
  };
  for (const FieldCase& c : cases) Check(c, 0);
  Check({kField, "entry.resource.resourceType", "entry[1].resource.resourceType",
         "Practitioner", nullptr}, 1);
  Check({kField, "entry.resource.name.family", "entry[1].resource.name[0].family",
         "Patel", "name", Role::kStaff}, 1);
  Check({kField, "entry.resource.resourceType", "entry[2].resource.resourceType",
         "Organization", nullptr}, 2);
  Check({kField, "entry.resource.name", "entry[2].resource.name",
         "Regina North Clinic", "service_location"}, 2);
  Check({kField, "/Bundle/entry/resource/Patient/name/given/@value",
         "/Bundle/entry[1]/resource/Patient/name[1]/given/@value", "Jane",
         "name", Role::kPatient}, 3);
  Check({kField, "medicationCodeableConcept.coding.code",
         "medicationCodeableConcept.coding[0].code", "02245693",
         "medication"}, 8);
  Check({kField, "patient.firstName", "patient.firstName", "Jane", "name",
         Role::kPatient}, 4);
}

TEST_F(FieldAnalyzerTest, PatternFindingOfSameCategoryIsNotRepeated) {
  TextUnit phone{kCell, "(306) 555-1234", "Home", "", {}, 0, 0, 0};
  TextUnit labelled = phone;
  labelled.label = "Emergency contact";  // a related-name label
  EXPECT_EQ(Detectors(Scan(labelled)), Detectors(Scan(phone)));
  // A postal code inside an address: both stay (different families).
  TextUnit address{kCell, "12 Main St, Regina SK S4P 3Y2", "Address", "",
                   {}, 0, 0, 0};
  std::vector<Finding> found = Scan(address);
  // The field rule and the free-text address analyzer propose the same span;
  // analyzer findings of one category merge, so exactly one of them stays.
  const Finding* field = Find(found, "address_field");
  if (field == nullptr) field = Find(found, "address_text");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->value, "12 Main St, Regina SK S4P 3Y2");
  EXPECT_EQ(Find(found, "address_field") == nullptr,
            Find(found, "address_text") != nullptr);
  EXPECT_NE(Find(found, "postal_code_ca"), nullptr);
  // Postal code alone under a postal label: the pattern finding covers it.
  TextUnit postal{kCell, "S4P 3Y2", "Postal Code", "", {}, 0, 0, 0};
  found = Scan(postal);
  EXPECT_NE(Find(found, "postal_code_ca"), nullptr);
  EXPECT_EQ(Find(found, "address_field"), nullptr);
}

TEST_F(FieldAnalyzerTest, ColumnClassAppliesWhenLabelSaysNothing) {
  TextUnit cell{kCell, "123456789", "", "", {}, 0, 0, 0};
  EXPECT_TRUE(FieldFindings(Scan(cell)).empty());
  std::vector<Finding> found =
      FieldFindings(Scan(cell, "health_insurance_number"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].normalized, "??:123456789");
  TextUnit dob{kCell, "14/03/1975", "", "", {}, 0, 0, 0};
  found = FieldFindings(Scan(dob, "date_of_birth"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].detector, "dob_column");
  EXPECT_EQ(found[0].normalized, "1975-03-14");
}

// Explanations and provinces are worked out once per label and column
// class, not per cell: their text is pinned here, and a scratch that has
// seen many labels in its columns answers exactly as a fresh one.
TEST_F(FieldAnalyzerTest, ExplanationsAndLabelMemo) {
  TextUnit hsn{kCell, "123456789", "OHIP number", "", {}, 0, 2, 0};
  std::vector<Finding> found = FieldFindings(Scan(hsn));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].normalized, "ON:123456789");
  EXPECT_EQ(found[0].explanation,
            "field rule health_number_field: label word 'ohip' 0.80");
  TextUnit bare{kCell, "123456789", "Ontario", "", {}, 0, 3, 0};
  found = FieldFindings(Scan(bare, "health_insurance_number"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].normalized, "ON:123456789");
  EXPECT_EQ(found[0].explanation,
            "column class health_insurance_number 0.65");

  struct Cell {
    const char* label;
    const char* text;
    const char* column_class;
  };
  const std::vector<Cell> cells = {
      {"OHIP number", "1234-567-890", ""},
      {"Last Name", "Tremblay", ""},
      {"", "123456789", "health_insurance_number"},
      {"MRN", "A1234567", ""},
      {"RAMQ", "TREM 1234 5678", ""},
      {"Ontario", "123456789", "health_insurance_number"},
      {"Date of Birth", "14/03/1975", "date_of_birth"},
      {"notes", "14/03/1975", "date_of_birth"},
  };
  std::vector<Finding> memo_findings, fresh_findings;
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < cells.size(); ++i) {
      // Columns keep their label for a round, then take the next one.
      const Cell& c = cells[(i + round) % cells.size()];
      TextUnit unit{kCell, c.text, c.label, "", {}, round, static_cast<int32_t>(i),
                    0};
      std::vector<Finding> memo = Scan(unit, c.column_class);
      auto fresh_scratch = engine_->NewScratch();
      std::vector<Finding> fresh;
      engine_->ScanCell(unit, c.column_class, *fresh_scratch, &fresh);
      ASSERT_EQ(memo.size(), fresh.size()) << c.label;
      for (size_t f = 0; f < memo.size(); ++f) {
        EXPECT_EQ(memo[f].detector, fresh[f].detector);
        EXPECT_EQ(memo[f].category, fresh[f].category);
        EXPECT_EQ(memo[f].normalized, fresh[f].normalized);
        EXPECT_EQ(memo[f].explanation, fresh[f].explanation);
        EXPECT_EQ(memo[f].confidence, fresh[f].confidence);
      }
      memo_findings.insert(memo_findings.end(), memo.begin(), memo.end());
    }
  }
  EXPECT_FALSE(FieldFindings(memo_findings).empty());
}

TEST(LabelCategoryTest, HeadersSayTheirCategory) {
  EXPECT_EQ(LabelCategory("HSN", kCell), "health_insurance_number");
  EXPECT_EQ(LabelCategory("Surname", kCell), "name");
  EXPECT_EQ(LabelCategory("Visit Date", kCell), "");
  EXPECT_EQ(LabelCategory("", kCell), "");
}

// Strong labels decide alone; weak ones only suggest (contract/fields.md,
// "Strong and weak labels").
TEST(LabelCategoryTest, WeakLabelsOnlySuggest) {
  const struct {
    const char* label;
    const char* strong;
    std::vector<std::string_view> weak;
  } rows[] = {
      {"diagnosis_code", "diagnosis", {}},
      {"ICD10", "diagnosis", {}},
      {"Reason for Visit", "diagnosis", {}},
      {"Reason", "", {"diagnosis"}},
      {"Condition", "", {"diagnosis"}},
      {"Result", "", {"lab_result"}},
      {"Test Result", "lab_result", {}},
      {"Notes", "", {"medical_history"}},
      {"Clinical Notes", "medical_history", {}},
      {"Result Notes", "", {"lab_result", "medical_history"}},
      {"Name", "", {"name"}},
      {"Last Name", "name", {}},
      {"Client", "", {"name"}},
      {"Location", "", {"service_location"}},
      {"Clinic", "service_location", {}},
      {"State", "", {"address"}},
      {"HSN", "health_insurance_number", {}},
      {"Refund Reason", "", {}},  // vetoed outright
      {"Status", "", {}},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(LabelCategory(row.label, kCell), row.strong) << row.label;
    if (*row.strong != 0) continue;
    EXPECT_EQ(WeakLabelCategories(row.label, kCell), row.weak) << row.label;
  }
}

// Weak labels with values of another trade give no finding; with values of
// their category they still do; strong labels need no evidence.
TEST_F(FieldAnalyzerTest, WeakLabelsNeedEvidenceFromTheValue) {
  const FieldCase cases[] = {
      // A billing export's columns.
      {kCell, "Reason", "", "promo", nullptr},
      {kCell, "Reason", "", "refund", nullptr},
      {kCell, "Reason", "", "duplicate charge", nullptr},
      {kCell, "Result", "", "Approved", nullptr},
      {kCell, "Result", "", "Declined", nullptr},
      {kCell, "Notes", "", "Customer requested an emailed receipt", nullptr},
      {kCell, "Notes", "", "Balance carried to next statement", nullptr},
      {kCell, "Department", "", "Accounts Receivable", nullptr},
      {kCell, "Condition", "", "Used", nullptr},
      {kCell, "Client", "", "Acme Widgets Inc", nullptr},
      {kCell, "State", "", "open", nullptr},
      {kField, "order.reason", "order.reason", "refund", nullptr},
      {kField, "payment.result", "payment.result", "declined", nullptr},
      {kField, "ticket.notes", "ticket.notes", "Printer jammed again on Friday",
       nullptr},
      // The same labels over health information.
      {kCell, "Reason", "", "Hypertension", "diagnosis"},
      {kCell, "Reason", "", "E11.9", "diagnosis"},
      {kCell, "Condition", "", "Type 2 diabetes", "diagnosis"},
      {kCell, "Result", "", "5.4", "lab_result"},
      {kCell, "Result", "", "132 mmol/L", "lab_result"},
      {kCell, "Result", "", "Positive", "lab_result"},
      {kCell, "Notes", "", "Stable, no change", "medical_history"},
      {kCell, "Notes", "", "Refill given, see chart, reviewed",
       "medical_history"},
      {kCell, "Location", "", "Regina General Hospital", "service_location"},
      {kCell, "Client", "", "Jane Tremblay", "name", Role::kPatient},
      {kCell, "Name", "", "Lucy Bélanger", "name"},
      {kCell, "Provider", "", "Dr. Anita Sharma", "name", Role::kStaff},
      {kCell, "State", "", "Saskatchewan", "address"},
      {kField, "appointment.reason", "appointment.reason", "Asthma",
       "diagnosis"},
      {kField, "observation.result", "observation.result", "7.2 mmol/L",
       "lab_result"},
      // Strong labels: the label decides, whatever the value.
      {kCell, "HSN", "", "123456789", "health_insurance_number",
       Role::kUnknown, "??:123456789"},
      {kCell, "diagnosis_code", "", "XYZ", "diagnosis"},
      {kCell, "Reason for Visit", "", "annual checkup", "diagnosis"},
      {kCell, "Test Result", "", "see report", "lab_result"},
  };
  for (const FieldCase& c : cases) Check(c);
}

// A column with a class decides for every cell: a weak label's cells are
// claimed when the class is the label's category (the sample confirmed
// it), whatever the cell, and not when it is another. A column left
// without a class (a two-row table) falls back on each value's evidence.
TEST_F(FieldAnalyzerTest, WeakLabelFollowsTheColumnClass) {
  TextUnit cell{kCell, "follow-up visit", "Reason", "", {}, 60, 4, 0};
  std::vector<Finding> found = FieldFindings(Scan(cell, "diagnosis"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category, "diagnosis");
  EXPECT_EQ(found[0].explanation,
            "field rule diagnosis_field: weak label word 'reason' confirmed "
            "by the value 0.75");
  EXPECT_TRUE(FieldFindings(Scan(cell, "")).empty());
  TextUnit other{kCell, "Hypertension", "Reason", "", {}, 60, 4, 0};
  for (const Finding& f : FieldFindings(Scan(other, "service_date"))) {
    EXPECT_NE(f.detector, "diagnosis_field");
  }
  TextUnit names{kCell, "Luc Fortin", "Name", "", {}, 1, 0, 0};
  found = FieldFindings(Scan(names, ""));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category, "name");
  TextUnit firm{kCell, "Acme Widgets Inc", "Name", "", {}, 1, 0, 0};
  EXPECT_TRUE(FieldFindings(Scan(firm, "")).empty());
}

// Rule 1w of column_profile.h: a weak header names the column only when
// enough sampled values confirm it; a strong header needs no value.
TEST(ClassifyColumnTest, WeakHeaderNeedsConfirmingValues) {
  ColumnEvidence billing{.header = "Reason", .values = 40};
  EXPECT_EQ(ClassifyColumn(billing), "");
  ColumnEvidence visits{.header = "Reason", .values = 40};
  for (int i = 0; i < 20; ++i) visits.CountFound("diagnosis");
  EXPECT_EQ(ClassifyColumn(visits), "diagnosis");
  ColumnEvidence few{.header = "Reason", .values = 40};
  for (int i = 0; i < 19; ++i) few.CountFound("diagnosis");
  EXPECT_EQ(ClassifyColumn(few), "");
  // 9-digit numbers without a check digit under HSN: a health number.
  ColumnEvidence hsn{.header = "HSN", .values = 40};
  EXPECT_EQ(ClassifyColumn(hsn), "health_insurance_number");
  // A weak header whose values say something else keeps rule 2.
  ColumnEvidence dates{.header = "Result", .values = 10};
  for (int i = 0; i < 9; ++i) dates.CountFound("service_date");
  EXPECT_EQ(ClassifyColumn(dates), "service_date");
}

TEST(ValueEvidenceTest, ValueChecks) {
  EXPECT_TRUE(LooksLikeLabResult("5.4"));
  EXPECT_TRUE(LooksLikeLabResult("<0.5"));
  EXPECT_TRUE(LooksLikeLabResult("132 mmol/L H"));
  EXPECT_TRUE(LooksLikeLabResult("not detected"));
  EXPECT_FALSE(LooksLikeLabResult("Approved"));
  EXPECT_FALSE(LooksLikeLabResult("12 items shipped late"));
  EXPECT_TRUE(HasClinicalWord("Follow-up; call if worse"));
  EXPECT_FALSE(HasClinicalWord("Customer advised of change in price"));
  EXPECT_TRUE(HasNameWord("Sharma, Anita"));
  EXPECT_FALSE(HasNameWord("Accounts Receivable"));
  EXPECT_FALSE(HasNameWord("Order 1234"));
  EXPECT_TRUE(HasPlaceWord("North Battleford Health Clinic"));
  EXPECT_TRUE(HasPlaceWord("Saskatoon"));
  EXPECT_FALSE(HasPlaceWord("Front Desk"));
  EXPECT_TRUE(HasRegionWord("SK"));
  EXPECT_FALSE(HasRegionWord("pending"));
}

}  // namespace
}  // namespace breachscope

namespace breachscope {
namespace {

// HL7 identifier repetitions: the reader carries the type code and the
// assigning authority (components 5 and 4) over to the value's unit.
TEST(Hl7IdentifierTypeTest, TypeCodeDecidesTheCategory) {
  auto engine = DetectorEngine::Create(DetectOptions());
  ASSERT_TRUE(engine.ok());
  auto scratch = engine.value()->NewScratch();
  struct Row {
    std::string_view label, path, text, qualifier, category, normalized;
  };
  std::vector<Row> rows = {
      {"PID-3", "PID-3[2].1", "784512963", "JHN SK", "health_insurance_number",
       "SK:784512963"},
      {"PID-3", "PID-3[1].1", "A0045123", "MR", "medical_record_number", ""},
      {"PID-3", "PID-3[3].1", "PT-88123", "PI", "patient_number", ""},
      {"PID-3", "PID-3[4].1", "D1234-56789-01234", "DL ON", "government_id", ""},
      // PID-11 is an address: its components 4 and 5 are no type code.
      {"PID-11", "PID-11[1].1", "12 Main St", "S4P3Y2 SK", "", ""},
  };
  for (const Row& row : rows) {
    TextUnit unit;
    unit.kind = UnitKind::kField;
    unit.text = row.text;
    unit.label = row.label;
    unit.path = row.path;
    unit.record = 0;
    unit.qualifier = row.qualifier;
    std::vector<Finding> found;
    engine.value()->ScanUnit(unit, *scratch, &found);
    const Finding* whole = nullptr;
    for (const Finding& f : found) {
      if (f.value == row.text) whole = &f;
    }
    if (row.category.empty()) {
      for (const Finding& f : found) {
        EXPECT_NE(f.category, "patient_number") << row.path;
        EXPECT_NE(f.category, "medical_record_number") << row.path;
      }
      continue;
    }
    ASSERT_NE(whole, nullptr) << row.path;
    EXPECT_EQ(whole->category, row.category) << row.path;
    if (!row.normalized.empty()) EXPECT_EQ(whole->normalized, row.normalized);
  }
}

}  // namespace
}  // namespace breachscope
