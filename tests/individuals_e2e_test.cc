// The individuals of examples/share against its truth (examples/truth.jsonl):
// scan, resolve, export individuals and findings, then check that every
// true patient is exactly one individual, that the other individuals are
// related people (next of kin, emergency contacts), and that each patient's
// categories and sources are exactly those of the patient's truth values
// that detection found (a patient named as someone's next of kin may also
// hold the record naming them so, when it says enough to link it).
//
// Which patient an individual stands for: one holding the patient's health
// number, or the patient's birth date with two words of the patient's
// names (bench/eval_individuals.py uses the same rule).
//
// FHIR resources that refer to their Patient only by reference (the
// Observations of fhir/export/Observation.ndjson carry `subject.reference`
// and no finding naming anyone) are the patient's when the export's
// Patient.ndjson holds that Patient; the others name nobody the export can
// tell, so they are left out of the expectation.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace breachscope::e2e {
namespace {

using Json = nlohmann::json;
using Set = std::set<std::string>;

constexpr char kBulkObservations[] = "fhir/export/Observation.ndjson";
constexpr char kBulkPatients[] = "fhir/export/Patient.ndjson";

std::string Fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

Set Words(std::string_view s) {
  Set out;
  std::string word;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      out.insert(word);
      word.clear();
    }
  }
  if (!word.empty()) out.insert(word);
  return out;
}

std::string Alnum(std::string_view s) {
  std::string out;
  for (char c : s.substr(s.find(':') == std::string_view::npos ? 0 : s.find(':') + 1)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

Set Minus(const Set& a, const Set& b) {
  Set out;
  for (const std::string& x : a) {
    if (!b.count(x)) out.insert(x);
  }
  return out;
}

std::vector<Json> ReadJsonl(const std::string& path) {
  std::vector<Json> out;
  for (const std::string& line : ReadLines(path)) {
    if (!line.empty()) out.push_back(Json::parse(line));
  }
  return out;
}

struct Identity {
  Set health_numbers, dates_of_birth, name_words;
};

struct Expected {
  Set categories, sources;                  // the patient's own records
  Set related_categories, related_sources;  // named as someone's kin
};

class IndividualsE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    const std::string share = std::string(BREACHSCOPE_SOURCE_DIR) + "/examples/share";
    const std::string case_dir = dir_->path() + "/case";
    Run({BinaryPath(), "scan", share, "--case", case_dir, "--quiet"});
    resolve_out_ = Run({BinaryPath(), "resolve", "--case", case_dir});
    review_list_ = Run({BinaryPath(), "review", "list", "--case", case_dir});
    Run({BinaryPath(), "export", "individuals", "--case", case_dir, "-o",
         dir_->path() + "/individuals.jsonl"});
    Run({BinaryPath(), "export", "findings", "--case", case_dir, "-o",
         dir_->path() + "/findings.jsonl"});
    individuals_ = ReadJsonl(dir_->path() + "/individuals.jsonl");
    findings_ = ReadJsonl(dir_->path() + "/findings.jsonl");
    truth_ = ReadJsonl(std::string(BREACHSCOPE_SOURCE_DIR) + "/examples/truth.jsonl");
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::string Run(const std::vector<std::string>& argv) {
    ProcessResult r = RunProcess(argv);
    EXPECT_EQ(r.exit_code, 0) << argv[1] << ": " << r.err;
    return r.out;
  }

  // Identity per patient, from the truth values of role patient.
  static std::map<std::string, Identity> Identities() {
    std::map<std::string, Identity> ids;
    for (const Json& t : truth_) {
      if (t["patient"].is_null() || t["role"] != "patient") continue;
      Identity& id = ids[t["patient"]];
      const std::string kind = t["kind"];
      if (kind == "health_number") id.health_numbers.insert(Alnum(t["normalized"].get<std::string>()));
      if (kind == "date_of_birth") id.dates_of_birth.insert(t["normalized"].get<std::string>());
      if (kind == "name") {
        for (const std::string& w : Words(t["normalized"].get<std::string>())) {
          id.name_words.insert(w);
        }
      }
    }
    return ids;
  }

  // The patient's truth values that detection found (same source and
  // category, one folded value equal to or inside the other).
  static std::map<std::string, Expected> ExpectedPerPatient() {
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>>
        found;
    for (const Json& f : findings_) {
      found[{f["source"], f["category"]}].emplace_back(Fold(f["normalized"].get<std::string>()),
                                                       Fold(f["value"].get<std::string>()));
    }
    Set in_bulk_export;  // patients whose Patient resource the export holds
    for (const Json& t : truth_) {
      if (t["source"] == kBulkPatients && t["patient"].is_string()) {
        in_bulk_export.insert(t["patient"].get<std::string>());
      }
    }
    std::map<std::string, Expected> out;
    for (const Json& t : truth_) {
      if (t["patient"].is_null()) continue;
      const std::string kind = t["kind"];
      if (kind.size() > 10 && kind.substr(kind.size() - 10) == "_nocontext") continue;
      if (t["source"] == kBulkObservations && !in_bulk_export.count(t["patient"])) continue;
      const std::string tv = Fold(t["value"].get<std::string>());
      const std::string tn = Fold(t["normalized"].get<std::string>());
      for (const auto& [fn, fv] : found[{t["source"], t["category"]}]) {
        if (tn == fn || fn.find(tn) != std::string::npos || fv.find(tv) != std::string::npos ||
            (!fn.empty() && tn.find(fn) != std::string::npos)) {
          Expected& e = out[t["patient"]];
          const bool own = t["role"] == "patient";
          (own ? e.categories : e.related_categories).insert(t["category"].get<std::string>());
          (own ? e.sources : e.related_sources).insert(t["source"].get<std::string>());
          break;
        }
      }
    }
    return out;
  }

  static Set StandsFor(const Json& individual, const std::map<std::string, Identity>& ids) {
    Set numbers, names;
    for (const Json& h : individual["health_numbers"]) {
      numbers.insert(Alnum(h["number"].get<std::string>()));
    }
    for (const Json& n : individual["names"]) {
      for (const std::string& w : Words(n.get<std::string>())) names.insert(w);
    }
    Set out;
    for (const auto& [patient, id] : ids) {
      bool number = false, dob = false;
      for (const std::string& h : numbers) number = number || id.health_numbers.count(h);
      for (const Json& d : individual["dates_of_birth"]) {
        dob = dob || id.dates_of_birth.count(d.get<std::string>());
      }
      int common = 0;
      for (const std::string& w : names) common += id.name_words.count(w);
      if (number || (dob && common >= 2)) out.insert(patient);
    }
    return out;
  }

  static std::unique_ptr<TempDir> dir_;
  // Sources of the two records of each pair `review list` prints
  // ("   3  weight  16.79  a.csv#row 6  <->  b.hl7#message 5/NK1 1").
  static std::vector<std::pair<std::string, std::string>> ReviewSourcePairs() {
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream lines(review_list_);
    for (std::string line; std::getline(lines, line);) {
      const size_t arrow = line.find("  <->  ");
      const size_t weight = line.find("weight ");
      if (arrow == std::string::npos || weight == std::string::npos) continue;
      const size_t key_a = line.find("  ", line.find_first_not_of(' ', weight + 7));
      std::string a = line.substr(key_a, arrow - key_a), b = line.substr(arrow + 7);
      a = a.substr(a.find_first_not_of(' '));
      out.emplace_back(a.substr(0, a.find('#')), b.substr(0, b.find('#')));
    }
    return out;
  }

  static std::string resolve_out_, review_list_;
  static std::vector<Json> individuals_, findings_, truth_;
};

std::unique_ptr<TempDir> IndividualsE2eTest::dir_;
std::string IndividualsE2eTest::resolve_out_, IndividualsE2eTest::review_list_;
std::vector<Json> IndividualsE2eTest::individuals_, IndividualsE2eTest::findings_,
    IndividualsE2eTest::truth_;

TEST_F(IndividualsE2eTest, EveryPatientIsOneIndividualAndTheRestAreRelatedPeople) {
  const std::map<std::string, Identity> ids = Identities();
  const std::map<std::string, Expected> expected = ExpectedPerPatient();
  Set related_words;
  for (const Json& t : truth_) {
    if (t["kind"] == "related_name") {
      for (const std::string& w : Words(t["value"].get<std::string>())) related_words.insert(w);
    }
  }
  std::map<std::string, int> individuals_of;
  size_t related = 0;
  for (const Json& ind : individuals_) {
    const Set patients = StandsFor(ind, ids);
    EXPECT_LE(patients.size(), 1u) << "individual " << ind["individual_id"]
                                   << " merges patients " << ::testing::PrintToString(patients);
    for (const std::string& p : patients) ++individuals_of[p];
    if (!patients.empty()) continue;
    ASSERT_FALSE(ind["names"].empty()) << "individual " << ind["individual_id"] << " has no name";
    bool all_related = true;
    for (const Json& n : ind["names"]) {
      for (const std::string& w : Words(n.get<std::string>())) {
        all_related = all_related && related_words.count(w);
      }
    }
    EXPECT_TRUE(all_related) << "individual " << ind["individual_id"]
                             << " is neither a patient nor a related person";
    ++related;
  }
  size_t patients = 0;
  for (const auto& [patient, e] : expected) {
    if (e.categories.empty()) continue;
    ++patients;
    EXPECT_EQ(individuals_of[patient], 1) << patient;
  }
  EXPECT_EQ(patients, 40u);
  EXPECT_EQ(individuals_.size(), patients + related);
  EXPECT_NE(resolve_out_.find("individuals:    " + std::to_string(individuals_.size())),
            std::string::npos)
      << resolve_out_;
}

TEST_F(IndividualsE2eTest, EachPatientHasExactlyTheTruthsCategoriesAndSources) {
  const std::map<std::string, Identity> ids = Identities();
  const std::map<std::string, Expected> expected = ExpectedPerPatient();
  std::map<std::string, Expected> got;
  const auto review_pairs = ReviewSourcePairs();
  ASSERT_FALSE(review_pairs.empty()) << review_list_;
  for (const Json& ind : individuals_) {
    for (const std::string& p : StandsFor(ind, ids)) {
      for (const Json& c : ind["categories"]) got[p].categories.insert(c.get<std::string>());
      for (const Json& s : ind["sources"]) got[p].sources.insert(s.get<std::string>());
    }
  }
  for (const auto& [patient, e] : expected) {
    if (e.categories.empty()) continue;  // named only as someone's kin
    // Exactly the patient's own records, plus (a choice the engine may
    // make) records naming the patient as someone's kin with enough to link
    // them; a bare name is not linked.
    const Set extra_categories = Minus(got[patient].categories, e.categories);
    const Set extra_sources = Minus(got[patient].sources, e.sources);
    EXPECT_EQ(Minus(e.categories, got[patient].categories), Set()) << patient;
    // A source may be missing only when its record is held in review
    // against one of the patient's: a kin entry with the patient's name and
    // the family's line but no birth date may be a namesake (a father, a
    // son), so it is not linked silently.
    for (const std::string& missing : Minus(e.sources, got[patient].sources)) {
      bool held = false;
      for (const auto& [a, b] : review_pairs) {
        held = held || (a == missing && got[patient].sources.count(b)) ||
               (b == missing && got[patient].sources.count(a));
      }
      EXPECT_TRUE(held) << patient << " lacks " << missing << " and no review pair holds it";
    }
    EXPECT_EQ(Minus(extra_categories, e.related_categories), Set()) << patient;
    EXPECT_EQ(Minus(extra_sources, e.related_sources), Set()) << patient;
  }
}

TEST_F(IndividualsE2eTest, ResolvePrintsNoPhi) {
  const std::string out = Fold(resolve_out_);
  for (const Json& ind : individuals_) {
    for (const Json& n : ind["names"]) {
      EXPECT_EQ(out.find(Fold(n.get<std::string>())), std::string::npos);
    }
    for (const Json& d : ind["dates_of_birth"]) {
      EXPECT_EQ(out.find(d.get<std::string>()), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace breachscope::e2e

namespace breachscope::e2e {
namespace {

// "review pairs:   34" -> 34 in resolve's output.
int Count(const std::string& out, const std::string& label) {
  const size_t at = out.find(label);
  if (at == std::string::npos) return -1;
  return std::stoi(out.substr(at + label.size()));
}

// The two record keys of the first pair `review list` prints:
// "   1  weight  20.33  KEY_A  <->  KEY_B".
std::pair<std::string, std::string> FirstPairKeys(const std::string& list) {
  const std::string line = list.substr(0, list.find('\n'));
  size_t start = line.find("weight");
  start = line.find_first_not_of(' ', start + 6);  // the weight
  start = line.find("  ", start) + 2;              // the first key
  const size_t arrow = line.find("  <->  ");
  return {line.substr(start, arrow - start), line.substr(arrow + 7)};
}

TEST(ReviewE2eTest, DecisionsSurviveEveryResolve) {
  TempDir dir;
  const std::string case_dir = dir.path() + "/case";
  const std::string share = std::string(BREACHSCOPE_SOURCE_DIR) + "/examples/share";
  ASSERT_EQ(RunProcess({BinaryPath(), "scan", share, "--case", case_dir, "--quiet"}).exit_code,
            0);
  ProcessResult first = RunProcess({BinaryPath(), "resolve", "--case", case_dir});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const int pairs = Count(first.out, "review pairs:");
  ASSERT_GT(pairs, 0) << first.out;
  EXPECT_EQ(Count(first.out, "decisions:"), 0);

  ProcessResult list = RunProcess({BinaryPath(), "review", "list", "--case", case_dir});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto [a, b] = FirstPairKeys(list.out);
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  // By keys, as a reviewer would after `review show`.
  ProcessResult split = RunProcess({BinaryPath(), "review", "split", a, b, "--case", case_dir});
  ASSERT_EQ(split.exit_code, 0) << split.err;
  EXPECT_EQ(RunProcess({BinaryPath(), "review", "split", "no such#row 1", b, "--case", case_dir})
                .exit_code,
            2);
  EXPECT_EQ(RunProcess({BinaryPath(), "review", "show", "0", "--case", case_dir}).exit_code, 2);

  for (int run = 0; run < 2; ++run) {
    ProcessResult again = RunProcess({BinaryPath(), "resolve", "--case", case_dir});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(Count(again.out, "decisions:"), 1) << again.out;
    EXPECT_LT(Count(again.out, "review pairs:"), pairs) << again.out;
    ProcessResult now = RunProcess({BinaryPath(), "review", "list", "--case", case_dir});
    EXPECT_EQ(now.out.find(a + "  <->  " + b), std::string::npos);
  }

  // A later decision on the same pair replaces the first.
  ASSERT_EQ(RunProcess({BinaryPath(), "review", "link", a, b, "--case", case_dir}).exit_code, 0);
  ProcessResult linked = RunProcess({BinaryPath(), "resolve", "--case", case_dir});
  EXPECT_EQ(Count(linked.out, "decisions:"), 1) << linked.out;
  EXPECT_EQ(RunProcess({BinaryPath(), "review", "list", "--case", case_dir})
                .out.find(a + "  <->  " + b),
            std::string::npos);
}

}  // namespace
}  // namespace breachscope::e2e

namespace breachscope::e2e {
namespace {

// A Bulk FHIR export is one folder: Patient.ndjson, and resources naming
// their patient only by `subject.reference`. Two clinics' exports both use
// "Patient/1", for different people.
void WriteBulkExports(const std::string& root) {
  const std::string a = root + "/clinic_a", b = root + "/clinic_b";
  WriteFile(a + "/Patient.ndjson",
            R"({"resourceType":"Patient","id":"1","name":[{"family":"Tremblay","given":["Josée"]}],)"
            R"("gender":"female","birthDate":"1971-04-12","address":[{"line":["42 Albert St"],)"
            R"("city":"Regina","state":"SK","postalCode":"S4P 3Y2"}]})"
            "\n"
            R"({"resourceType":"Patient","id":"2","name":[{"family":"Okafor","given":["Chinedu"]}],)"
            R"("gender":"male","birthDate":"1985-11-30"})"
            "\n");
  WriteFile(a + "/Observation.ndjson",
            R"({"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[)"
            R"({"system":"http://loinc.org","code":"2345-7","display":"Glucose"}]},)"
            R"("subject":{"reference":"Patient/1"},"valueQuantity":{"value":7.8,"unit":"mmol/L"}})"
            "\n");
  WriteFile(a + "/Condition.ndjson",
            R"({"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/1"},)"
            R"("code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"E11.9",)"
            R"("display":"Type 2 diabetes mellitus without complications"}]}})"
            "\n");
  WriteFile(a + "/MedicationRequest.ndjson",
            R"({"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order",)"
            R"("subject":{"reference":"Patient/2"},"medicationCodeableConcept":{"text":"Metformin 500 mg"}})"
            "\n");
  WriteFile(b + "/Patient.ndjson",
            R"({"resourceType":"Patient","id":"1","name":[{"family":"Lindqvist","given":["Harriet"]}],)"
            R"("gender":"female","birthDate":"1950-06-01"})"
            "\n");
  WriteFile(b + "/Observation.ndjson",
            R"({"resourceType":"Observation","id":"o9","status":"final","code":{"coding":[)"
            R"({"system":"http://loinc.org","code":"718-7","display":"Hemoglobin"}]},)"
            R"("subject":{"reference":"Patient/1"},"valueQuantity":{"value":131,"unit":"g/L"}})"
            "\n");
  // Clinic B has no Patient/2: this diagnosis is nobody's that the export
  // can tell (clinic A's Patient/2 is someone else's id space).
  WriteFile(b + "/Condition.ndjson",
            R"({"resourceType":"Condition","id":"c9","subject":{"reference":"Patient/2"},)"
            R"("code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"I10",)"
            R"("display":"Essential (primary) hypertension"}]}})"
            "\n");
}

std::vector<std::string> Strings(const Json& list) {
  std::vector<std::string> out;
  for (const Json& s : list) out.push_back(s.get<std::string>());
  return out;
}

TEST(BulkFhirE2eTest, ResourcesJoinTheirPatientWithinTheirOwnExport) {
  TempDir dir;
  const std::string share = dir.path() + "/share", case_dir = dir.path() + "/case";
  WriteBulkExports(share);
  ASSERT_EQ(RunProcess({BinaryPath(), "scan", share, "--case", case_dir, "--quiet"}).exit_code, 0);
  ProcessResult resolved = RunProcess({BinaryPath(), "resolve", "--case", case_dir});
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  EXPECT_NE(resolved.out.find("4 attached by FHIR reference"), std::string::npos) << resolved.out;
  const std::string out = dir.path() + "/individuals.jsonl";
  ASSERT_EQ(RunProcess({BinaryPath(), "export", "individuals", "--case", case_dir, "-o", out})
                .exit_code,
            0);
  std::map<std::string, Json> by_name;
  for (const std::string& line : ReadLines(out)) {
    if (line.empty()) continue;
    Json ind = Json::parse(line);
    ASSERT_EQ(ind["names"].size(), 1u) << line;
    by_name[ind["names"][0].get<std::string>()] = ind;
  }
  ASSERT_EQ(by_name.size(), 3u);
  using V = std::vector<std::string>;
  const Json& josee = by_name["Josée Tremblay"];
  EXPECT_EQ(Strings(josee["dates_of_birth"]), V{"1971-04-12"});
  EXPECT_EQ(Strings(josee["categories"]),
            (V{"address", "date_of_birth", "diagnosis", "lab_result", "name"}));
  EXPECT_EQ(Strings(josee["sources"]),
            (V{"clinic_a/Condition.ndjson", "clinic_a/Observation.ndjson",
               "clinic_a/Patient.ndjson"}));
  const Json& chinedu = by_name["Chinedu Okafor"];
  EXPECT_EQ(Strings(chinedu["categories"]), (V{"date_of_birth", "medication", "name"}));
  EXPECT_EQ(Strings(chinedu["sources"]),
            (V{"clinic_a/MedicationRequest.ndjson", "clinic_a/Patient.ndjson"}));
  // Clinic B's Patient/1 is another person: her own export's lab result,
  // nothing of clinic A's, and not the diagnosis of clinic B's Patient/2.
  const Json& harriet = by_name["Harriet Lindqvist"];
  EXPECT_EQ(Strings(harriet["categories"]), (V{"date_of_birth", "lab_result", "name"}));
  EXPECT_EQ(Strings(harriet["sources"]),
            (V{"clinic_b/Observation.ndjson", "clinic_b/Patient.ndjson"}));
}

}  // namespace
}  // namespace breachscope::e2e
