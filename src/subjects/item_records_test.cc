#include "subjects/item_records.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace breachscope {
namespace {

using ::testing::ElementsAre;

// A finding as the detectors would give it.
Finding F(std::string category, std::string value, UnitKind kind, int64_t record,
          std::string label, std::string path = "", Role role = Role::kUnknown,
          std::string normalized = "", std::string detector = "x") {
  Finding f;
  f.category = std::move(category);
  f.value = std::move(value);
  f.normalized = normalized.empty() ? f.value : std::move(normalized);
  f.detector = std::move(detector);
  f.location.kind = kind;
  f.location.record = record;
  f.location.label = std::move(label);
  f.location.path = std::move(path);
  f.role = role;
  return f;
}

Finding Cell(std::string category, std::string value, int64_t row, std::string header,
             Role role = Role::kUnknown, std::string normalized = "") {
  return F(std::move(category), std::move(value), UnitKind::kTableCell, row, std::move(header),
           "", role, std::move(normalized));
}

Finding Hl7(std::string category, std::string value, int64_t message, std::string path,
            Role role = Role::kUnknown, std::string normalized = "") {
  std::string label = path.substr(0, path.find('['));
  return F(std::move(category), std::move(value), UnitKind::kField, message, label,
           std::move(path), role, std::move(normalized));
}

Finding Text(std::string category, std::string value, uint64_t offset,
             Role role = Role::kUnknown, std::string normalized = "") {
  Finding f = F(std::move(category), std::move(value), UnitKind::kText, -1, "", "", role,
                std::move(normalized));
  f.location.offset = offset;
  return f;
}

Finding Postal(Finding f) {
  f.detector = "postal_code_ca";
  return f;
}

std::vector<PersonRecord> Records(const std::vector<Finding>& findings,
                                  ItemRecordStats* stats = nullptr) {
  ItemRecordStats local;
  return RecordsOfItem("a.zip!b.csv", findings, stats ? stats : &local);
}

TEST(ItemRecordsTest, TableRowIsOneRecordWithNamePartsAndAddressLine) {
  std::vector<PersonRecord> r = Records({
      Cell("patient_number", "P000001", 0, "Patient ID"),
      Cell("name", "Jean", 0, "First Name"),
      Cell("name", "Côté", 0, "Last Name"),
      Cell("date_of_birth", "10/07/1968", 0, "DOB", Role::kUnknown, "1968-07-10"),
      Cell("address", "15-6852 Prairie Blvd NW", 0, "Address"),
      Cell("address", "Regina", 0, "City"),
      Cell("address", "SK", 0, "Province"),
      Cell("address", "S9Y6B3", 0, "Postal Code", Role::kUnknown, "S9Y 6B3"),
      Cell("phone", "306-247-4744 x12", 0, "Phone", Role::kUnknown, "+13062474744;ext=12"),
      Cell("health_insurance_number", "886579759", 0, "Health Card", Role::kUnknown,
           "CA:886579759"),
      Cell("name", "Ann", 1, "First Name"),
      Cell("name", "Roy", 1, "Last Name"),
  });
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].key, "a.zip!b.csv#row 1");
  EXPECT_EQ(r[0].source, "a.zip!b.csv");
  ASSERT_EQ(r[0].names.size(), 1u);
  EXPECT_EQ(r[0].names[0].given, "Jean");
  EXPECT_EQ(r[0].names[0].family, "Côté");
  EXPECT_EQ(r[0].names[0].full, "Jean Côté");
  EXPECT_THAT(r[0].dates_of_birth, ElementsAre("1968-07-10"));
  EXPECT_THAT(r[0].addresses, ElementsAre("15-6852 Prairie Blvd NW, Regina, SK S9Y 6B3"));
  EXPECT_THAT(r[0].postal_codes, ElementsAre("S9Y 6B3"));
  EXPECT_THAT(r[0].phones, ElementsAre("+13062474744"));
  EXPECT_THAT(r[0].record_numbers, ElementsAre("patient_number:P000001"));
  ASSERT_EQ(r[0].health_numbers.size(), 1u);
  // The detector could not tell the province; the address can.
  EXPECT_EQ(r[0].health_numbers[0].jurisdiction, "SK");
  EXPECT_EQ(r[0].health_numbers[0].number, "886579759");
  EXPECT_THAT(r[0].categories,
              ElementsAre("address", "date_of_birth", "health_insurance_number", "name",
                          "patient_number", "phone"));
  EXPECT_EQ(r[1].key, "a.zip!b.csv#row 2");
}

TEST(ItemRecordsTest, CheckDigitCheckedWhereTheProvinceHasOne) {
  std::vector<PersonRecord> r = Records({
      Hl7("name", "LEE", 0, "PID-5[1].1", Role::kPatient),
      Hl7("health_insurance_number", "4512345671", 0, "PID-3[2].1", Role::kPatient,
          "ON:4512345671"),
      Hl7("health_insurance_number", "4512345672", 0, "PID-3[3].1", Role::kPatient,
          "ON:4512345672"),
      Hl7("health_insurance_number", "886579759", 0, "PID-3[4].1", Role::kPatient,
          "SK:886579759"),
  });
  ASSERT_EQ(r.size(), 1u);
  ASSERT_EQ(r[0].health_numbers.size(), 3u);
  EXPECT_TRUE(r[0].health_numbers[0].check_digit_valid);
  EXPECT_FALSE(r[0].health_numbers[1].check_digit_valid);
  EXPECT_FALSE(r[0].health_numbers[2].check_digit_valid);  // no public check digit
}

TEST(ItemRecordsTest, SqlTablesKeepTheirNameInTheKey) {
  Finding f = Cell("medical_record_number", "5129255", 2, "mrn");
  f.location.table = "visits";
  std::vector<PersonRecord> r = Records({f});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].key, "a.zip!b.csv#table visits, row 3");
  EXPECT_THAT(r[0].record_numbers, ElementsAre("medical_record_number:5129255"));
}

TEST(ItemRecordsTest, DumpRowNamingNobodyJoinsThePatientRowOfItsRecordNumber) {
  auto in_table = [](Finding f, const char* table) {
    f.location.table = table;
    return f;
  };
  std::vector<PersonRecord> r = Records({
      in_table(Cell("medical_record_number", "5129255", 0, "mrn"), "patients"),
      in_table(Cell("name", "Caswell", 0, "first_name"), "patients"),
      in_table(Cell("address", "S9Y 6B3", 0, "postal_code"), "patients"),
      in_table(Cell("medical_record_number", "7128755", 1, "mrn"), "patients"),
      in_table(Cell("name", "Lucy", 1, "first_name"), "patients"),
      in_table(Cell("medical_record_number", "5129255", 0, "patient_mrn"), "visits"),
      in_table(Cell("diagnosis", "E11.65", 0, "icd10"), "visits"),
      in_table(Cell("medical_record_number", "0000001", 1, "patient_mrn"), "visits"),
      in_table(Cell("diagnosis", "N39.0", 1, "icd10"), "visits"),
  });
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].key, "a.zip!b.csv#table patients, row 1");
  EXPECT_THAT(r[0].categories,
              ElementsAre("address", "diagnosis", "medical_record_number", "name"));
  EXPECT_TRUE(r[0].addresses.empty());  // a postal code alone is no address line
  EXPECT_THAT(r[0].postal_codes, ElementsAre("S9Y 6B3"));
  EXPECT_EQ(r[1].key, "a.zip!b.csv#table patients, row 2");
  // No patient row holds its number: it stays a record of its own.
  EXPECT_EQ(r[2].key, "a.zip!b.csv#table visits, row 2");
}

TEST(ItemRecordsTest, EmergencyContactInARowIsARelatedRecord) {
  std::vector<PersonRecord> r = Records({
      Cell("name", "Emmani Friesen", 0, "Name"),
      Cell("name", "Dick Friesen", 0, "Emergency Contact", Role::kRelated),
      Cell("phone", "306-527-7761", 0, "Emergency Phone", Role::kUnknown, "+13065277761"),
      Cell("name", "Dr. Paul Kowalski", 0, "Family Physician", Role::kStaff),
  });
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].role, Role::kPatient);
  EXPECT_EQ(r[0].names[0].full, "Emmani Friesen");
  EXPECT_TRUE(r[0].phones.empty());
  EXPECT_EQ(r[1].key, "a.zip!b.csv#row 1/related");
  EXPECT_EQ(r[1].role, Role::kRelated);
  EXPECT_EQ(r[1].names[0].given, "Dick");
  EXPECT_THAT(r[1].phones, ElementsAre("+13065277761"));
}

TEST(ItemRecordsTest, StaffOnlyRowMakesNoRecord) {
  ItemRecordStats stats;
  std::vector<PersonRecord> r =
      Records({Cell("name", "Dr. Omar Haddad", 0, "Provider", Role::kStaff)}, &stats);
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(stats.staff_findings, 1u);
}

TEST(ItemRecordsTest, RowWithoutIdentityIsDropped) {
  ItemRecordStats stats;
  std::vector<PersonRecord> r = Records({Cell("lab_result", "5.0", 0, "Result")}, &stats);
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(stats.dropped_records, 1u);
}

TEST(ItemRecordsTest, Hl7MessagePatientAndNextOfKin) {
  std::vector<PersonRecord> r = Records({
      Hl7("service_location", "WASCANA FC", 0, "MSH-4[1].1"),
      Hl7("medical_record_number", "7632138", 0, "PID-3[1].1", Role::kPatient),
      Hl7("health_insurance_number", "897016874", 0, "PID-3[2].1", Role::kPatient,
          "SK:897016874"),
      Hl7("name", "BROWN", 0, "PID-5[1].1", Role::kPatient),
      Hl7("name", "NATHAN", 0, "PID-5[1].2", Role::kPatient),
      Hl7("name", "J", 0, "PID-5[1].3", Role::kPatient),
      Hl7("name", "JR", 0, "PID-5[1].4", Role::kPatient),
      Hl7("date_of_birth", "20040125", 0, "PID-7[1].1", Role::kUnknown, "2004-01-25"),
      Hl7("name", "Brown", 0, "NK1-2[1].1", Role::kRelated),
      Hl7("name", "Ebenezer", 0, "NK1-2[1].2", Role::kRelated),
      Hl7("phone", "639-320-4916", 0, "NK1-5[1].1", Role::kUnknown, "+16393204916"),
      Hl7("name", "Brown", 0, "NK1-2[1].1", Role::kRelated),
      Hl7("name", "Mary", 0, "NK1-2[1].2", Role::kRelated),
      Hl7("name", "Roy", 0, "NK1(3)-2[1].1", Role::kRelated),
      Hl7("name", "Haddad", 0, "PV1-7[1].2", Role::kStaff),
      Hl7("lab_result", "5.0", 0, "OBX-5[1].1"),
      Hl7("height", "153", 0, "OBX(3)-5[1].1"),
      Hl7("name", "LEE", 1, "PID-5[1].1", Role::kPatient),
  });
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].key, "a.zip!b.csv#message 1/NK1 1");
  EXPECT_EQ(r[0].names[0].full, "Ebenezer Brown");
  EXPECT_THAT(r[0].phones, ElementsAre("+16393204916"));
  EXPECT_EQ(r[1].key, "a.zip!b.csv#message 1/NK1 2");
  EXPECT_EQ(r[1].names[0].given, "Mary");
  EXPECT_EQ(r[2].key, "a.zip!b.csv#message 1/NK1 3");
  EXPECT_EQ(r[2].names[0].family, "Roy");
  r.erase(r.begin() + 2);
  EXPECT_EQ(r[2].key, "a.zip!b.csv#message 1/PID");
  const PersonName& n = r[2].names[0];
  EXPECT_EQ(n.family, "BROWN");
  EXPECT_EQ(n.given, "NATHAN");
  EXPECT_EQ(n.middle, "J");
  EXPECT_EQ(n.suffix, "JR");
  EXPECT_EQ(r[2].health_numbers[0].jurisdiction, "SK");
  EXPECT_THAT(r[2].categories,
              ElementsAre("date_of_birth", "health_insurance_number", "height", "lab_result",
                          "medical_record_number", "name", "service_location"));
  EXPECT_EQ(r[3].key, "a.zip!b.csv#message 2/PID");
}

Finding Json(std::string category, std::string value, int64_t record, std::string path,
             Role role = Role::kUnknown) {
  std::string label;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '[') {
      i = path.find(']', i);
      continue;
    }
    label += path[i];
  }
  return F(std::move(category), std::move(value), UnitKind::kField, record, label,
           std::move(path), role);
}

TEST(ItemRecordsTest, FhirBundlePatientTakesTheEntriesThatFollowIt) {
  std::vector<PersonRecord> r = Records({
      Json("name", "Gagnon", 0, "entry[0].resource.name[0].family", Role::kPatient),
      Json("name", "Elouise", 0, "entry[0].resource.name[0].given[0]", Role::kPatient),
      Json("name", "Anne", 0, "entry[0].resource.name[0].given[1]", Role::kPatient),
      Json("name", "Marc Gagnon", 0, "entry[0].resource.contact[0].name.text", Role::kRelated),
      Json("phone", "306-555-1234", 0, "entry[0].resource.contact[0].telecom[0].value"),
      Json("service_location", "Riverside", 1, "entry[1].resource.serviceProvider.display"),
      Json("height", "190", 2, "entry[2].resource.valueQuantity.value"),
      Json("name", "Singh", 3, "entry[3].resource.name[0].family", Role::kPatient),
      Json("lab_result", "4.6", 4, "entry[4].resource.valueQuantity.value"),
  });
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].key, "a.zip!b.csv#record 1");
  EXPECT_EQ(r[0].names[0].given, "Elouise");
  EXPECT_EQ(r[0].names[0].middle, "Anne");
  EXPECT_EQ(r[0].names[0].family, "Gagnon");
  EXPECT_THAT(r[0].categories, ElementsAre("height", "name", "service_location"));
  EXPECT_TRUE(r[0].phones.empty());
  EXPECT_EQ(r[1].key, "a.zip!b.csv#record 1/related 1");
  EXPECT_EQ(r[1].role, Role::kRelated);
  EXPECT_THAT(r[1].phones, ElementsAre("306-555-1234"));
  EXPECT_EQ(r[2].key, "a.zip!b.csv#record 4");
  EXPECT_THAT(r[2].categories, ElementsAre("lab_result", "name"));
}

TEST(ItemRecordsTest, NdjsonObservationNamingNobodyIsDropped) {
  ItemRecordStats stats;
  std::vector<PersonRecord> r =
      Records({Json("height", "165", 0, "valueQuantity.value")}, &stats);
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(stats.dropped_records, 1u);
}

Finding Link(std::string detector, std::string reference, int64_t record, std::string path) {
  return F("record_link", reference, UnitKind::kField, record, "", std::move(path),
           Role::kUnknown, reference, std::move(detector));
}

TEST(ItemRecordsTest, NdjsonResourceJoinsThePatientItRefersToWhereverItIs) {
  // Line 1 refers to the Patient on line 3; line 2 to one not in the item.
  std::vector<PersonRecord> r = Records({
      Json("lab_result", "4.6", 0, "valueQuantity.value"),
      Link("fhir_reference", "Patient/p2", 0, "subject.reference"),
      Json("diagnosis", "E11.9", 1, "code.coding[0].code"),
      Link("fhir_reference", "Patient/p9", 1, "subject.reference"),
      Link("fhir_id", "Patient/p1", 2, "id"),
      Json("name", "Roy", 2, "name[0].family", Role::kPatient),
      Link("fhir_id", "Patient/p2", 3, "id"),
      Json("name", "Singh", 3, "name[0].family", Role::kPatient),
  });
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].key, "a.zip!b.csv#record 2");
  EXPECT_THAT(r[0].categories, ElementsAre("diagnosis"));
  EXPECT_EQ(r[0].link_ref, "Patient/p9");  // left for the folder (record_links.h)
  EXPECT_TRUE(r[0].names.empty());
  EXPECT_EQ(r[1].key, "a.zip!b.csv#record 3");
  EXPECT_THAT(r[1].link_ids, ElementsAre("Patient/p1"));
  EXPECT_THAT(r[1].categories, ElementsAre("name"));
  EXPECT_EQ(r[2].key, "a.zip!b.csv#record 4");
  EXPECT_THAT(r[2].categories, ElementsAre("lab_result", "name"));
  EXPECT_EQ(r[2].findings, 2u);
}

TEST(ItemRecordsTest, BundleEntryJoinsThePatientItsReferenceNames) {
  // The Observation follows Singh's entry but is Gagnon's.
  std::vector<PersonRecord> r = Records({
      Link("fhir_id", "urn:uuid:a", 0, "entry[0].fullUrl"),
      Json("name", "Gagnon", 0, "entry[0].resource.name[0].family", Role::kPatient),
      Link("fhir_id", "urn:uuid:b", 1, "entry[1].fullUrl"),
      Json("name", "Singh", 1, "entry[1].resource.name[0].family", Role::kPatient),
      Json("lab_result", "4.6", 2, "entry[2].resource.valueQuantity.value"),
      Link("fhir_reference", "urn:uuid:a", 2, "entry[2].resource.subject.reference"),
      Json("height", "190", 3, "entry[3].resource.valueQuantity.value"),
  });
  ASSERT_EQ(r.size(), 2u);
  EXPECT_THAT(r[0].categories, ElementsAre("lab_result", "name"));
  EXPECT_THAT(r[0].link_ids, ElementsAre("urn:uuid:a"));
  EXPECT_TRUE(r[0].link_ref.empty());
  // Without a reference, the entry before it, as before.
  EXPECT_THAT(r[1].categories, ElementsAre("height", "name"));
}

TEST(ItemRecordsTest, LinksAloneMakeNoRecordAndNoCategory) {
  ItemRecordStats stats;
  std::vector<PersonRecord> r = Records({Link("fhir_id", "Patient/1", 0, "id")}, &stats);
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(stats.dropped_records, 0u);
}

TEST(ItemRecordsTest, TextWindowsFromNameToNextPerson) {
  ItemRecordStats stats;
  std::vector<PersonRecord> r = Records(
      {
          Text("address", "1192 May St, North Battleford SK", 31),  // letterhead
          Text("name", "Edmon Li", 190, Role::kPatient),
          Text("date_of_birth", "February 26, 1985", 205, Role::kUnknown, "1985-02-26"),
          Text("address", "8165 Railway Wlk S, Calgary AB T3V 0N6", 293, Role::kUnknown,
               "8165 Railway Wlk S, Calgary, AB T3V 0N6"),
          Postal(Text("address", "T3V 0N6", 325)),
          Text("name", "Susan Reimer", 508, Role::kStaff),
          Text("name", "Praxton Li", 551, Role::kRelated),
          Text("name", "Edmon", 622, Role::kPatient),
          Text("weight", "121 lb", 767),
          Text("name", "Bea Mattfield", 900),
          Text("patient_number", "P000007", 950),
      },
      &stats);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].key, "a.zip!b.csv#offset 190");
  ASSERT_EQ(r[0].names.size(), 1u);
  EXPECT_EQ(r[0].names[0].full, "Edmon Li");
  EXPECT_THAT(r[0].addresses, ElementsAre("8165 Railway Wlk S, Calgary, AB T3V 0N6"));
  EXPECT_THAT(r[0].postal_codes, ElementsAre("T3V 0N6"));
  EXPECT_THAT(r[0].categories, ElementsAre("address", "date_of_birth", "name", "weight"));
  EXPECT_EQ(r[1].key, "a.zip!b.csv#offset 900");
  EXPECT_THAT(r[1].record_numbers, ElementsAre("patient_number:P000007"));
  EXPECT_EQ(r[2].key, "a.zip!b.csv#offset 551/related");
  EXPECT_EQ(stats.unattributed_findings, 1u);
  EXPECT_EQ(stats.staff_findings, 1u);
}

TEST(ItemRecordsTest, ClinicianSignatureIsStaff) {
  ItemRecordStats stats;
  Finding signed_by = Text("signature", "Electronically signed by Dr. Omar Haddad", 1552,
                           Role::kUnknown, "Dr. Omar Haddad");
  std::vector<PersonRecord> r = Records(
      {
          Text("name", "Edmon Li", 190, Role::kPatient),
          Text("signature", "/s/ Edmon Li", 400, Role::kUnknown, "Edmon Li"),
          signed_by,
          Text("name", "Omar Haddad", 1581, Role::kStaff),
      },
      &stats);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0].categories, ElementsAre("name", "signature"));
  EXPECT_EQ(stats.staff_findings, 2u);
  r = Records({Text("name", "Edmon Li", 190, Role::kPatient), signed_by});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0].categories, ElementsAre("name"));  // "Dr." names a clinician
}

}  // namespace
}  // namespace breachscope
