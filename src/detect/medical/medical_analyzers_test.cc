// Table-driven must-match / must-not-match cases for the medical analyzers,
// run on each analyzer directly, and the data load time budget.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "detect/medical/medical_analyzers.h"
#include "detect/medical/medical_data.h"

namespace breachscope {
namespace {

enum class Which { kCondition, kMedication, kLab, kHistory };

struct Case {
  Which which;
  std::string_view text;
  std::string_view label = {};
  UnitKind kind = UnitKind::kText;
  std::string_view normalized = {};  // empty: must not match
  std::string_view value = {};       // expected span text, when given
};

Case Yes(Which w, std::string_view text, std::string_view normalized,
         std::string_view label = {}, std::string_view value = {}) {
  UnitKind kind = label.empty() ? UnitKind::kText : UnitKind::kTableCell;
  return {w, text, label, kind, normalized, value};
}
Case FieldYes(Which w, std::string_view text, std::string_view label,
              std::string_view normalized) {
  return {w, text, label, UnitKind::kField, normalized, {}};
}
Case No(Which w, std::string_view text, std::string_view label = {}) {
  UnitKind kind = label.empty() ? UnitKind::kText : UnitKind::kTableCell;
  return {w, text, label, kind, {}, {}};
}

constexpr Which C = Which::kCondition, M = Which::kMedication,
                L = Which::kLab, H = Which::kHistory;

const std::vector<Case>& Cases() {
  static const auto* const kCases = new std::vector<Case>{
      // diagnosis in words
      Yes(C, "Known type 2 diabetes, on metformin", "type 2 diabetes"),
      Yes(C, "hx of HYPERTENSION", "hypertension"),
      Yes(C, "COPD exacerbation", "copd"),
      Yes(C, "Patiente connue pour un diabète de type 2", "diabete de type 2"),
      Yes(C, "Alzheimer's disease, early onset", "alzheimer s disease"),
      Yes(C, "Asthma, mild intermittent", "asthma", "Diagnosis"),
      No(C, "Asthma", "Diagnosis"),
      FieldYes(C, "Major depressive disorder, recurrent", "DG1-4",
               "major depressive disorder"),
      Yes(C, "insuffisance cardiaque", "insuffisance cardiaque"),
      No(C, "Donation to Diabetes Canada"),
      No(C, "Canadian Cancer Society newsletter"),
      No(C, "a tropical depression formed offshore"),
      No(C, "asthmatic"),
      No(C, "none", "Diagnosis"),
      No(C, "2021-03-04", "Diagnosis Date"),
      No(C, "E11.9", "Diagnosis Code"),
      No(C, "The pressure was high, blood test tomorrow"),
      No(C, "Stroke Foundation run"),
      // a whole cell that is an ICD-10 title
      Yes(C, "Postmenopausal bleeding", "postmenopausal bleeding", "Reason"),
      Yes(C, "Age-related osteoporosis without current pathological fracture",
          "age related osteoporosis without current pathological fracture",
          "Reason", "Age-related osteoporosis without current pathological "
          "fracture"),
      No(C, "Postmenopausal bleeding", "Diagnosis"),  // diagnosis_field's
      No(C, "Postmenopausal bleeding"),                // free text
      No(C, "Headache", "Reason"),                     // one word
      No(C, "Bleeding after the visit", "Reason"),
      // medication in words
      Yes(M, "metformin 500 mg BID", "metformin", {}, "metformin 500 mg BID"),
      Yes(M, "Started Lipitor 20mg daily", "lipitor", {}, "Lipitor 20mg daily"),
      Yes(M, "takes ramipril", "ramipril"),
      Yes(M, "Allegra 120 mg once daily", "allegra"),
      Yes(M, "Lyrica; Tylenol", "lyrica", "Medication"),
      No(M, "metformin 500 mg", "Medication"),
      Yes(M, "Acétaminophène 500 mg prn", "acetaminophene"),
      Yes(M, "Synthroid 0.1 mg", "synthroid"),
      FieldYes(M, "Atorvastatin 20 MG Oral Tablet",
               "entry.resource.medicationCodeableConcept.text", "atorvastatin"),
      No(M, "Referred by Dr. Allegra Smith"),
      No(M, "Lyrica Jones, RN"),
      No(M, "Tums"),
      No(M, "Theo"),                                   // a given name
      No(M, "Vitamin D deficiency, unspecified", "Diagnosis"),
      No(M, "carence en vitamine D"),
      Yes(M, "Vitamin D 1000 IU daily", "vitamin d"),
      No(M, "Potassium 4.1 mmol/L"),
      No(M, "drink plenty of water"),
      No(M, "Diane called the clinic"),
      No(M, "none", "Medications"),
      No(M, "02099233", "Drug DIN"),
      No(M, "Apotex invoice 500 mg sample"),
      // lab results
      Yes(L, "HbA1c 7.2 %", "hba1c=7.2 %", {}, "HbA1c 7.2 %"),
      Yes(L, "Glucose: 6.1 mmol/L (3.6-6.0) H", "glucose=6.1 mmol/L", {},
          "Glucose: 6.1 mmol/L (3.6-6.0) H"),
      Yes(L, "eGFR 54", "egfr=54"),
      Yes(L, "Glucose fasting: 4.7 mmol/L, collected 2022-11-24",
          "glucose=4.7 mmol/L", {}, "Glucose fasting: 4.7 mmol/L"),
      Yes(L, "Glucose, Random 7.9 mmol/L", "glucose=7.9 mmol/L"),
      Yes(L, "ALT 45 U/L", "alt=45 U/L"),
      Yes(L, "INR 2.3", "inr=2.3"),
      Yes(L, "Hb: 128", "hemoglobin=128"),
      Yes(L, "Creatinine was 88 umol/L", "creatinine=88 umol/L"),
      Yes(L, "TSH <0.01 mIU/L", "tsh=<0.01 mIU/L"),
      Yes(L, "hémoglobine glyquée 6,8 %", "hba1c=6,8 %"),
      No(L, "7.2", "OBX-5"),
      No(L, "HbA1c 7.2 %", "Test Result"),
      Yes(L, "HbA1c 7.2 %, LDL 2.1 mmol/L", "ldl=2.1 mmol/L", "Result"),
      No(L, "7.2"),
      No(L, "Glucose 2021-03-04"),
      No(L, "Glucose meter provided"),
      No(L, "ALT 45"),
      No(L, "alt 45 route"),
      No(L, "TSH 2021"),
      No(L, "Glucose 3.6-6.0"),
      No(L, "Potassium supplement 20 mEq"),
      No(L, "20210304", "OBX-5"),
      No(L, "Positive", "OBX-5"),
      No(L, "7.2", "entry.resource.code.coding.code"),
      // medical history
      Yes(H, "PMH: diabetes, hypertension", "pmh"),
      Yes(H, "Past Medical History:\nAppendectomy 1998.\nAsthma.\n\nPlan: f/u",
          "past medical history", {},
          "Past Medical History:\nAppendectomy 1998.\nAsthma."),
      Yes(H, "HPI: 54 yo M with chest pain x 2 days", "hpi"),
      Yes(H, "Family history\nFather MI at 50", "family history"),
      Yes(H, "Antécédents : diabète, HTA", "antecedents"),
      Yes(H, "Histoire de la maladie : douleur thoracique", "histoire de la maladie"),
      Yes(H, "Social History: non-smoker, 2 drinks/week", "social history"),
      Yes(H, "Medical history - asthma since childhood", "medical history"),
      Yes(H, "History of surgery or other: appendectomy\nNext of kin: J. Doe",
          "history of surgery or other", {},
          "History of surgery or other: appendectomy"),
      Yes(H, "Medical and surgical history: asthma; appendectomy",
          "medical and surgical history"),
      Yes(H, "Antécédents médicaux et chirurgicaux : asthme",
          "antecedents medicaux et chirurgicaux"),
      Yes(H, "Past medical history:\nDiabetes: metformin\nHTN: ramipril",
          "past medical history", {},
          "Past medical history:\nDiabetes: metformin\nHTN: ramipril"),
      Yes(H, "PMH: asthma; drinks socially.\nSubjective:\nWell today.", "pmh",
          {}, "PMH: asthma; drinks socially."),
      // Headings up to 48 bytes (kMaxHeading) before the ':' or " -", the
      // mark searched only that far, and every heading word part seen.
      Yes(H, "History of medical and surgical care and another: asthma",
          "history of medical and surgical care and another"),
      No(H, "History of medical and surgical care for the past: asthma"),
      Yes(H, "History of medical and surgical care and another - asthma",
          "history of medical and surgical care and another"),
      No(H, "History of medical and surgical care for the past - asthma"),
      No(H, "History of medical and surgical care for the past, then: x"),
      Yes(H, "Clinical notes: seen today, stable", "clinical notes"),
      Yes(H, "FHx: father MI at 50", "fhx"),
      Yes(H, "SHX: non-smoker", "shx"),
      Yes(H, "psh: appendectomy", "psh"),
      Yes(H, "Anamnese : douleur thoracique", "anamnese"),
      Yes(H, "ANTECEDENTS: asthme", "antecedents"),
      Yes(H, "HPI - chest pain: 2 days", "hpi"),
      Yes(H, "int x = 1;\n    PMH: asthma", "pmh"),
      No(H, "PMH-x: asthma"),
      No(H, "Shipping notes: leave at the door"),
      No(H, "int main() { return 0; }\nstd::string history_file;"),
      No(H, "namespace breachscope::medical {"),
      No(H, "History of payments: 3 invoices"),
      No(H, "Purchase history: 2 items"),
      No(H, "History of the account: opened 2019"),
      No(H, "PMH: asthma. Seen for follow-up of BP.", "Clinical Notes"),
      No(H, "History: "),
      No(H, "Order history: 3 items shipped"),
      No(H, "history of the building"),
      No(H, "see notes", "Notes"),
      No(H, "The family history section is below"),
      No(H, "Social history"),
      No(H, "Payment history: paid in full", "Billing"),
      No(H, "12345678901234567890123", "Notes"),
  };
  return *kCases;
}

const UnitAnalyzer& AnalyzerFor(Which which) {
  switch (which) {
    case Which::kCondition: return MedicalConditionAnalyzer();
    case Which::kMedication: return MedicalMedicationAnalyzer();
    case Which::kLab: return MedicalLabResultAnalyzer();
    case Which::kHistory: return MedicalHistoryAnalyzer();
  }
  return MedicalConditionAnalyzer();
}

std::vector<ProposedFinding> Analyze(const Case& c) {
  TextUnit unit;
  unit.kind = c.kind;
  unit.text = c.text;
  unit.label = c.label;
  const UnitAnalyzer& analyzer = AnalyzerFor(c.which);
  auto scratch = analyzer.NewScratch();
  std::vector<ProposedFinding> out;
  analyzer.Analyze(unit, {}, scratch.get(), &out);
  return out;
}

std::string Describe(const Case& c, const std::vector<ProposedFinding>& got) {
  std::string out = "'" + std::string(c.text) + "' label '" +
                    std::string(c.label) + "' got:";
  for (const ProposedFinding& f : got) {
    out += " [" + std::string(f.detector) + " " + f.normalized + " " +
           std::string(c.text.substr(f.start, f.end - f.start)) + "]";
  }
  return out;
}

TEST(MedicalAnalyzersTest, EnoughCasesPerAnalyzer) {
  for (Which w : {C, M, L, H}) {
    int yes = 0, no = 0;
    for (const Case& c : Cases()) {
      if (c.which == w) (c.normalized.empty() ? no : yes)++;
    }
    EXPECT_GE(yes, 8);
    EXPECT_GE(no, 8);
  }
}

TEST(MedicalAnalyzersTest, MustMatch) {
  for (const Case& c : Cases()) {
    if (c.normalized.empty()) continue;
    std::vector<ProposedFinding> got = Analyze(c);
    bool found = false;
    for (const ProposedFinding& f : got) {
      bool span_ok = c.value.empty() ||
                     c.text.substr(f.start, f.end - f.start) == c.value;
      found |= f.normalized == c.normalized && span_ok &&
               f.confidence >= 0.5 && f.explanation.find(c.text) ==
                                          std::string::npos;
    }
    EXPECT_TRUE(found) << "expected " << c.normalized << ": "
                       << Describe(c, got);
  }
}

TEST(MedicalAnalyzersTest, MustNotMatch) {
  for (const Case& c : Cases()) {
    if (!c.normalized.empty()) continue;
    std::vector<ProposedFinding> got = Analyze(c);
    EXPECT_TRUE(got.empty()) << Describe(c, got);
  }
}

TEST(MedicalAnalyzersTest, DescribeNamesCategories) {
  for (Which w : {C, M, L, H}) {
    EXPECT_FALSE(AnalyzerFor(w).Describe().empty());
  }
}

// icd10_title: the title beside a code the icd10 detector found (given
// here as the prior finding at `code`).
struct CodedCase {
  std::string_view text;
  std::string_view code;
  std::string_view title;  // expected span; empty: must not match
  std::string_view label = {};
};

TEST(MedicalAnalyzersTest, CodedTitles) {
  const CodedCase kCases[] = {
      {"- Headache (R51)", "R51", "Headache"},
      {"- Gastro-esophageal reflux disease without esophagitis (K21.9)",
       "K21.9", "Gastro-esophageal reflux disease without esophagitis"},
      {"Dx: K59.00 - Constipation, unspecified", "K59.00",
       "Constipation, unspecified"},
      {"E11.9: Type 2 diabetes mellitus without complications", "E11.9",
       "Type 2 diabetes mellitus without complications"},
      {"DIZZINESS AND GIDDINESS [R42]", "R42", "DIZZINESS AND GIDDINESS"},
      {"Headache follow-up, then R51", "R51", ""},       // not beside it
      {"- Migraine (R51)", "R51", ""},                   // another title
      {"Other headache (R51)", "R51", "headache"},        // the title's words
      {"Headache (R51)", "R51", "", "Diagnosis"},         // field's value
  };
  // Undotted codes the icd10 detector left (no context word): the title
  // right before the bracket makes both the code and the title.
  const CodedCase kBare[] = {
      {"- Dizziness and giddiness (R42)", "R42", "Dizziness and giddiness"},
      {"Headache [R51]", "R51", "Headache"},
      {"Invoice (R42)", "R42", ""},
      {"Dizziness and giddiness (R4)", "R4", ""},
      {"Migraine (R51)", "R51", ""},
  };
  const UnitAnalyzer& analyzer = MedicalConditionAnalyzer();
  auto scratch = analyzer.NewScratch();
  for (const CodedCase& c : kCases) {
    TextUnit unit;
    unit.text = c.text;
    unit.label = c.label;
    unit.kind = c.label.empty() ? UnitKind::kText : UnitKind::kTableCell;
    uint32_t at = static_cast<uint32_t>(c.text.find(c.code));
    PriorFinding prior{at, at + static_cast<uint32_t>(c.code.size()),
                       "diagnosis"};
    std::vector<ProposedFinding> out;
    analyzer.Analyze(unit, {&prior, 1}, scratch.get(), &out);
    bool found = false;
    for (const ProposedFinding& f : out) {
      if (f.detector != "icd10_title") continue;
      std::string_view span = c.text.substr(f.start, f.end - f.start);
      found = true;
      EXPECT_EQ(span, c.title) << c.text;
    }
    EXPECT_EQ(found, !c.title.empty()) << c.text;
  }
  for (const CodedCase& c : kBare) {
    TextUnit unit;
    unit.text = c.text;
    std::vector<ProposedFinding> out;
    analyzer.Analyze(unit, {}, scratch.get(), &out);
    int codes = 0, titles = 0;
    for (const ProposedFinding& f : out) {
      if (f.detector != "icd10_title") continue;
      std::string_view span = c.text.substr(f.start, f.end - f.start);
      codes += span == c.code && f.normalized == c.code;
      titles += span == c.title;
    }
    int want = c.title.empty() ? 0 : 1;
    EXPECT_EQ(codes, want) << c.text;
    EXPECT_EQ(titles, want) << c.text;
  }
}

// All medical data loads in well under the startup budget (150 ms).
// How long loading takes is a benchmark's business, not a unit test's.
TEST(MedicalDataTest, LoadsTheDictionaries) {
  size_t entries = medical::WarmUpMedicalData();
  EXPECT_GT(entries, 3000u);
  EXPECT_EQ(medical::WarmUpMedicalData(), entries);  // loaded once, same answer
  EXPECT_TRUE(medical::IsIcd10Code("E119"));
  EXPECT_FALSE(medical::IsIcd10Code("E11.9"));
  EXPECT_TRUE(medical::IsMarketedDin("02099233"));
  EXPECT_FALSE(medical::IsMarketedDin("12345678"));
}

}  // namespace
}  // namespace breachscope
