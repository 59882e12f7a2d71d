#include "detect/fields/field_rules.h"

namespace breachscope {
namespace {

constexpr Role kPatient = Role::kPatient;
constexpr Role kStaff = Role::kStaff;
constexpr Role kRelated = Role::kRelated;

// The parts of a FHIR HumanName.
#define NAME_PATHS "name.family", "name.given", "name.text", "name.prefix"

std::vector<FieldRule>* BuildRules() {
  return new std::vector<FieldRule>{
      // --- identifiers first: "patient_id" is a number, not a name ------
      {.detector = "health_number_field",
       .category = "health_insurance_number",
       .shape = Shape::kIdentifier, .confidence = 0.8,
       .words = {"hsn", "phn", "hcn", "hin", "health_card", "health_number",
                 "health_no", "health_services_number", "healthcard", "ohip",
                 "ramq", "msp", "ahcip", "carte_sante", "carte_santé",
                 "nam", "insurance_number", "insurance_no", "insurance_id",
                 "health_insurance", "member_id", "member_number",
                 "policy", "policy_number", "medicare", "subscriber_id",
                 "certificate_number", "no_assurance_maladie"},
       .unless = {"company", "provider_name", "plan_name"},
       .hl7 = {{"IN1-36", 1, 1}, {"IN1-49", 1, 1}, {"IN2-8", 1, 1}}},
      {.detector = "mrn_field", .category = "medical_record_number",
       .shape = Shape::kIdentifier, .role = kPatient, .confidence = 0.8,
       .words = {"mrn", "chart", "chart_number", "chart_no",
                 "medical_record", "medical_record_number", "dossier",
                 "no_dossier", "record_number", "emr_id", "ehr_id"},
       // PID-3 is read as the medical record number whatever its type
       // (fields.md: the identifier type arrives after the value).
       .hl7 = {{"PID-3", 1, 1}}},
      {.detector = "patient_number_field", .category = "patient_number",
       .shape = Shape::kIdentifier, .role = kPatient, .confidence = 0.75,
       .words = {"patient_id", "patient_no", "patient_number", "patient_num",
                 "patientid", "pt_id", "client_id", "client_number",
                 "account", "account_number", "acct", "visit_number",
                 "visit_id", "encounter_id", "encounter_number",
                 "numero_patient", "no_patient"},
       // Accession, requisition, order, invoice and claim numbers name a
       // specimen or a transaction, not the patient: no words for them.
       // A ledger's accounts (GL account 5100-200) are the books', not a
       // patient's.
       .unless = {"gl", "ledger", "general_ledger", "bank", "expense",
                  "revenue"},
       .hl7 = {{"PID-2", 1, 1}, {"PID-4", 1, 1}, {"PID-18", 1, 1},
               {"PV1-19", 1, 1}, {"PV1-50", 1, 1}}},
      {.detector = "government_id_field", .category = "government_id",
       .shape = Shape::kIdentifier, .confidence = 0.75,
       .words = {"driver", "drivers", "driver_licence", "driver_license",
                 "drivers_license", "drivers_licence", "dl_number",
                 "passport", "permis_de_conduire", "permis_conduire"},
       .hl7 = {{"PID-20", 1, 1}}},
      {.detector = "payment_card_field", .category = "payment_card",
       .shape = Shape::kCardNumber, .confidence = 0.75,
       .words = {"card_number", "credit_card", "cc_number", "debit_card",
                 "carte_credit", "carte_de_credit", "pan"},
       .unless = {"health_card", "health", "sante", "santé"}},
      // --- where care took place -----------------------------------------
      {.detector = "location_field", .category = "service_location",
       .shape = Shape::kWords, .confidence = 0.7,
       .words = {"clinic", "clinic_name", "clinique", "facility", "hospital",
                 "hopital", "hôpital", "service_location", "ward",
                 "pharmacy", "laboratory", "lab_name", "collection_site",
                 "etablissement", "établissement"},
       // A sales office or a warehouse is a location too.
       .weak = {"location", "site", "lieu", "department"},
       .unless = {"id", "code", "type", "status"},
       // PV1-3.9 is the location's description ("Wascana Family Clinic").
       .hl7 = {{"PV1-3", 1, 9}, {"PV1-39", 1, 1}, {"MSH-4", 1, 1},
               {"MSH-6", 1, 1}, {"ORC-21", 1, 1}},
       .paths = {"location.display", "location.location.display",
                 "serviceprovider.display", "managingorganization.display"},
       .resources = {"Encounter", "Observation", "DiagnosticReport",
                     "Specimen", "Patient"}},
      {.detector = "location_field", .category = "service_location",
       .shape = Shape::kWords, .confidence = 0.75,
       .paths = {"name", "alias"},
       .resources = {"Organization", "Location"}},
      // --- people: staff and related before the patient ----------------
      {.detector = "name_field", .category = "name", .shape = Shape::kName,
       .role = kStaff, .confidence = 0.75,
       .words = {"physician", "doctor", "nurse", "attending", "ordering",
                 "referring", "clinician", "practitioner", "md", "dr",
                 "medecin", "médecin", "prescriber", "signed_by",
                 "technologist", "pathologist", "surgeon"},
       // A billing export's provider is a payment processor; a document's
       // author or a firm's consultant and staff need not be clinicians.
       .weak = {"provider", "author", "consultant", "staff"},
       .unless = {"id", "number", "no", "license", "licence", "type"},
       .hl7 = {{"PV1-7", 2, 4}, {"PV1-8", 2, 4}, {"PV1-9", 2, 4},
               {"PV1-17", 2, 4}, {"ORC-10", 2, 4}, {"ORC-11", 2, 4},
               {"ORC-12", 2, 4}, {"OBR-16", 2, 4}, {"OBR-28", 2, 4},
               {"OBR-32", 2, 4}, {"OBR-34", 2, 4}, {"PD1-4", 2, 4},
               {"RXE-13", 2, 4}, {"RXO-14", 2, 4}, {"OBX-16", 2, 4}},
       .paths = {"performer.display", "requester.display",
                 "generalpractitioner.display", "recorder.display",
                 "asserter.display", "individual.display"}},
      {.detector = "name_field", .category = "name", .shape = Shape::kName,
       .role = kStaff, .confidence = 0.85,
       .paths = {NAME_PATHS}, .resources = {"Practitioner"}},
      {.detector = "name_field", .category = "name", .shape = Shape::kName,
       .role = kRelated, .confidence = 0.75,
       .words = {"emergency_contact", "next_of_kin", "nok", "kin",
                 "guarantor", "insured_name", "spouse", "mother", "father",
                 "guardian", "contact_name", "subscriber_name",
                 "policy_holder", "policyholder"},
       // A parent company, an insured parcel, a newsletter's subscriber.
       .weak = {"insured", "parent", "subscriber"},
       .unless = {"id", "number", "no", "relationship", "phone"},
       .hl7 = {{"NK1-2", 1, 3}, {"IN1-16", 1, 3}, {"GT1-3", 1, 3},
               {"PID-6", 1, 2}},
       .paths = {"contact.name.family", "contact.name.given",
                 "contact.name.text"}},
      {.detector = "name_field", .category = "name", .shape = Shape::kName,
       .role = kRelated, .confidence = 0.75,
       .paths = {NAME_PATHS}, .resources = {"RelatedPerson"}},
      {.detector = "name_field", .category = "name", .shape = Shape::kName,
       .role = kPatient, .confidence = 0.85,
       .words = {"patient_name", "patient_first_name", "patient_last_name",
                 "patient_surname", "patient"},
       // A supplier's or an agency's client is a firm.
       .weak = {"client", "client_name"},
       // A bare "Patient" header holds the name; its other columns do not.
       .unless = {"id", "number", "no", "num", "status", "type", "class",
                  "sex", "gender", "location", "signature", "consent"},
       .hl7 = {{"PID-5", 1, 3}, {"PID-9", 1, 3}},
       .paths = {NAME_PATHS, "subject.display", "patient.display"}},
      // --- medical content before the generic name and address words ----
      {.detector = "diagnosis_field", .category = "diagnosis",
       .shape = Shape::kText, .confidence = 0.75,
       .words = {"diagnosis", "diagnoses", "dx", "icd", "icd10", "icd_10",
                 "diagnosis_code", "primary_diagnosis", "reason_for_visit",
                 "chief_complaint", "visit_reason", "presenting_complaint"},
       // An appointment's "Reason" is why the patient came, a billing
       // export's is "refund"; an item's condition is "new" or "used"; a
       // system's diagnostic is a log.
       .weak = {"reason", "condition", "problem", "diagnostic"},
       .unless = {"id", "status", "cancel", "cancellation", "cancelled",
                  "refund", "adjustment", "void", "code_system"},
       .hl7 = {{"DG1-3", 1, 2}, {"DG1-4", 1, 1}, {"PRB-3", 1, 2},
               {"PV2-3", 1, 2}},
       .paths = {"code.text", "code.coding.display", "code.coding.code"},
       .resources = {"Condition"}},
      {.detector = "medication_field", .category = "medication",
       .shape = Shape::kText, .confidence = 0.75,
       .words = {"medication", "medications", "drug", "drugs", "rx",
                 "prescription", "meds", "din", "medicament", "médicament",
                 "medicaments", "médicaments"},
       // "Rx No" is a prescription's number, not a drug.
       .unless = {"id", "status", "allergy", "allergies", "no", "number",
                  "num", "nbr"},
       .hl7 = {{"RXE-2", 1, 2}, {"RXO-1", 1, 2}, {"RXA-5", 1, 2},
               {"RXD-2", 1, 2}, {"RXG-4", 1, 2}},
       .paths = {"medicationcodeableconcept.text",
                 "medicationcodeableconcept.coding.code",  // the DIN
                 "medicationcodeableconcept.coding.display",
                 "medication.display", "medication.concept.text"}},
      {.detector = "height_field", .category = "height",
       .shape = Shape::kNumberUnit, .confidence = 0.75,
       .words = {"height", "taille", "ht", "height_cm", "height_in",
                 "stature"}},
      {.detector = "weight_field", .category = "weight",
       .shape = Shape::kNumberUnit, .confidence = 0.75,
       .words = {"weight", "poids", "wt", "weight_kg", "weight_lb",
                 "body_weight"}},
      {.detector = "lab_result_field", .category = "lab_result",
       .shape = Shape::kText, .confidence = 0.7,
       .words = {"lab_result", "lab_value", "test_result", "lab_results",
                 "test_results"},
       // A payment's result is "approved", a job's "failed".
       .weak = {"result", "results", "result_value", "resultat", "résultat",
                "observation_value"},
       .unless = {"id", "status", "flag", "unit", "units"},
       .hl7 = {{"OBX-5", 1, 255}},
       .paths = {"valuequantity.value", "valuestring",
                 "valuecodeableconcept.text", "valueinteger"},
       .resources = {"Observation"}},
      {.detector = "history_field", .category = "medical_history",
       .shape = Shape::kFreeText, .confidence = 0.7, .min_chars = 20,
       .words = {"hpi", "clinical_notes", "clinical_note", "histoire",
                 "antecedents", "antécédents", "progress_note",
                 "progress_notes", "medical_history", "visit_notes",
                 "visit_note"},
       // Notes and comments are everyone's: "Customer paid by cheque".
       .weak = {"notes", "note", "history", "comments", "comment",
                "narrative", "remarks", "assessment", "plan"},
       .unless = {"id"},
       .hl7 = {{"NTE-3", 1, 255}},
       .paths = {"note.text", "text.div"}},
      {.detector = "signature_field", .category = "signature",
       .shape = Shape::kText, .confidence = 0.7,
       .words = {"signature", "esignature", "e_signature",
                 "signature_image"},
       // "Signed: yes", "Sig: 1 tab daily" (a prescription's directions).
       .weak = {"signed", "sig"}},
      // --- generic name and address words last ---------------------------
      {.detector = "name_field", .category = "name", .shape = Shape::kName,
       .confidence = 0.75,
       .words = {"first_name", "firstname", "given_name", "last_name",
                 "lastname", "surname", "family_name", "middle_name",
                 "full_name", "fullname", "prenom", "prénom",
                 "nom_de_famille", "cardholder", "card_holder",
                 "cardholder_name"},
       // Products, plans and files have names; a catalogue has families.
       .weak = {"name", "nom", "given", "family"},
       .unless = {"file", "filename", "user", "username", "company",
                  "product", "test", "drug", "host", "business", "brand",
                  "plan", "insurance", "table", "column", "field", "id",
                  "use"}},  // FHIR name.use is "official", not a name
      {.detector = "address_field", .category = "address",
       .shape = Shape::kText, .confidence = 0.7,
       .words = {"street", "address", "adresse", "addr", "address_line",
                 "address1", "address2", "city", "ville", "province",
                 "municipality", "town", "rue", "postal", "postal_code",
                 "postcode", "zip", "zip_code", "code_postal"},
       // An order's or a machine's state is "open" or "running".
       .weak = {"state"},
       .unless = {"email", "e_mail", "mail", "ip", "url", "web", "id",
                  "status", "state_of", "country",
                  // the issuing province of an ID is not where one lives
                  "dl", "driver", "drivers", "licence", "license",
                  "passport", "issuing", "card", "health_card",
                  "healthcard"},
       .hl7 = {{"PID-11", 1, 5}, {"NK1-4", 1, 5}, {"GT1-5", 1, 5},
               {"IN1-19", 1, 5}},
       .paths = {"address.line", "address.city", "address.state",
                 "address.district", "address.postalcode", "address.text"}},
  };
}

}  // namespace

std::span<const FieldRule> FieldRules() {
  static const std::vector<FieldRule>* const kRules = BuildRules();
  return *kRules;
}

const FieldRule* ColumnRule(std::string_view category) {
  // The first rule of the category, with no role: a column class says what
  // the values are, not whose they are.
  static const auto* const kColumnRules = [] {
    auto* rules = new std::vector<FieldRule>;
    for (const FieldRule& rule : FieldRules()) {
      bool seen = false;
      for (const FieldRule& r : *rules) seen |= r.category == rule.category;
      if (seen) continue;
      FieldRule copy{.detector = rule.detector, .category = rule.category,
                     .shape = rule.shape, .confidence = 0.65,
                     .min_chars = rule.min_chars};
      rules->push_back(copy);
    }
    rules->push_back({.detector = "dob_column", .category = "date_of_birth",
                      .shape = Shape::kDate, .confidence = 0.65});
    return rules;
  }();
  for (const FieldRule& rule : *kColumnRules) {
    if (rule.category == category) return &rule;
  }
  return nullptr;
}

std::span<const std::string_view> VetoedLabelWords() {
  static constexpr std::string_view kWords[] = {
      "date", "time", "dt", "datetime", "timestamp", "dob", "birth",
      "birthdate", "naissance", "ddn", "created", "updated", "modified",
      "year", "annee", "année", "age", "email", "courriel", "phone",
      "tel", "fax", "sin", "nas", "ssn"};
  return kWords;
}

}  // namespace breachscope
