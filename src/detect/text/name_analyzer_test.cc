// Table-driven cases for the free-text name analyzer.
#include "detect/text/name_analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace breachscope {
namespace {

struct Case {
  const char* text;
  const char* normalized;  // expected name, or "" for no finding at all
  Role role = Role::kUnknown;
};

std::vector<ProposedFinding> Analyze(std::string_view text,
                                     UnitKind kind = UnitKind::kText) {
  TextUnit unit;
  unit.kind = kind;
  unit.text = text;
  std::vector<ProposedFinding> out;
  NameTextAnalyzerInstance().Analyze(unit, {}, nullptr, &out);
  return out;
}

class NameCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(NameCaseTest, FindsExpectedName) {
  const Case& c = GetParam();
  std::vector<ProposedFinding> found = Analyze(c.text);
  if (std::string(c.normalized).empty()) {
    for (const ProposedFinding& f : found) {
      ADD_FAILURE() << "unexpected " << f.normalized << " (" << f.explanation << ")";
    }
    return;
  }
  bool seen = false;
  for (const ProposedFinding& f : found) {
    if (f.normalized != c.normalized) continue;
    seen = true;
    EXPECT_EQ(f.category, "name");
    EXPECT_EQ(RoleName(f.role), RoleName(c.role)) << f.explanation;
    EXPECT_EQ(std::string(c.text).substr(f.start, f.end - f.start).empty(), false);
  }
  EXPECT_TRUE(seen) << "missing " << c.normalized << " in: " << c.text;
}

const Case kPositive[] = {
    {"Patient John Smith was seen today for follow-up.", "John Smith", Role::kPatient},
    {"Patient: Xochitl Quispe", "Xochitl Quispe", Role::kPatient},
    {"Spoke with Maria Gonzalez about her results.", "Maria Gonzalez"},
    {"Nom: Marie-Ève Côté-Tremblay, née le 3 mars 1960", "Marie-Ève Côté-Tremblay", Role::kPatient},
    {"The patient, Sean O'Brien, denies chest pain.", "Sean O'Brien", Role::kPatient},
    {"Referred patient Ludwig van Beethoven to cardiology.", "Ludwig van Beethoven", Role::kPatient},
    {"Patient name: Jean de la Fontaine", "Jean de la Fontaine", Role::kPatient},
    {"PATIENT: ROBERT MCDONALD", "Robert McDonald", Role::kPatient},
    {"Patient: SMITH, John", "John Smith", Role::kPatient},
    {"Madame Isabelle Gagnon a été vue en clinique ce matin.", "Isabelle Gagnon"},
    {"Mme Gagnon se plaint de douleurs.", "Gagnon"},
    {"Mr. Alan Turing came in with his daughter.", "Alan Turing"},
    {"Dear Ms. Wijtze, your results are ready.", "Wijtze", Role::kPatient},
    {"Dear Karen Walsh,\nYour appointment is confirmed.", "Karen Walsh", Role::kPatient},
    {"We met Antoine St. Pierre in the ward this morning.", "Antoine St. Pierre"},
    {"her mother, Maria Lopez, was present.", "Maria Lopez", Role::kRelated},
    {"Emergency contact: husband Daniel Okafor", "Daniel Okafor", Role::kRelated},
    {"Dr. Anna Lee reviewed the chart.", "Anna Lee", Role::kStaff},
    {"Results were reviewed by Dr Singh yesterday.", "Singh", Role::kStaff},
    {"Signed,\nJ. Smith, RN", "J. Smith", Role::kStaff},
    {"Ordering physician: Lee", "Lee", Role::kStaff},
    {"Dictated by Priya Raman MD on the ward.", "Priya Raman", Role::kStaff},
    {"Mark Thompson, 54, presents with cough.", "Mark Thompson", Role::kPatient},
    {"Called Hope Williams and left a message.", "Hope Williams"},
    {"Follow-up arranged; Ahmed Hassan was informed by phone.", "Ahmed Hassan"},
    {"Seen with Zoë Lefèvre-Dubois (DOB 1980-01-02).", "Zoë Lefèvre-Dubois", Role::kPatient},
    {"Patient Mike O’Neil’s wife called.", "Mike O’Neil", Role::kPatient},
    // A label word after the name is not a facility: the name stays.
    {"Patient: Viney Kochen    DOB: 25 Oct 1972", "Viney Kochen", Role::kPatient},
    // A signature line holds the signer's name.
    {"Electronically signed by Dr. Susan Reimer", "Susan Reimer", Role::kStaff},
    // A staff verb before a personal title does not make a clinician.
    {"I am referring Mr. Frankhouse for assessment.", "Frankhouse"},
    {"Family doctor: Dr. Omar Haddad", "Omar Haddad", Role::kStaff},
    // Mid-sentence a possessive or lower-case words before a colon are no label.
    {"Frank had given Tyler his address: 03 Main", "Tyler"},
    {"As promised, here's Arne's address:", "Arne"},
    // A possessive ends the name; a person's verb after a name supports it.
    {"verses from Melissa Kristoffersen's Cautionary Tales", "Melissa Kristoffersen"},
    {"Delvis spent a year at the clinic.", "Delvis"},
    // A name alone on its line above a street line: the addressee.
    {"STATEMENT OF ACCOUNT\n\nArly Palominos\n82 Cedar Wlk\nYorkton SK", "Arly Palominos"},
    // A province that is also a given name, before a surname.
    {"Account holder: Alberta Moraru", "Alberta Moraru"},
    // A given name and a surname that is also a word, at a line start.
    {"Seen today.\nSavanna Sentelle came in.", "Savanna Sentelle"},
};

const Case kNegative[] = {
    {"Transferred to Regina General Hospital for imaging.", ""},
    {"He lives near Main Street and walks daily.", ""},
    {"Next visit on Monday or Tuesday next week.", ""},
    {"Continue Metformin 500 mg twice daily.", ""},
    {"The clinic moved to Grant Avenue last year.", ""},
    {"Will be seen again in two weeks.", ""},
    {"May need a repeat test. Grant application pending.", ""},
    {"Chief Complaint: chest pain. History of Present Illness below.", ""},
    {"Blood Pressure was normal at this visit.", ""},
    {"She moved from Saskatoon to Moose Jaw in March.", ""},
    {"Take Tylenol as needed for pain.", ""},
    {"Lab results from Prairie Lab are pending review.", ""},
    {"Patient has Type 2 Diabetes and Hypertension.", ""},
    // Field labels, form headings, identifier acronyms and drug doses.
    {"Next of kin: see chart (mother)\nFamily doctor: none", ""},
    {"Patient : (DDN : 26/04/1943)\nNuméro d'assurance maladie : 99", ""},
    {"PATIENT INTAKE FORM", ""},
    {"Re: chart review, HSN 403945259", ""},
    {"Current medications: Allegra 120 mg, Amlodipine 5 mg.", ""},
    {"Hours of service\nMain Office\n12 Elm St, Regina", ""},
    {"She moved to Alberta last year.", ""},
    {"Allegra has helped with the itching.", ""},
    {"Hope said nothing would change.", ""},
    {"How do I change my address to 48 rue Descartes, Monte Gil, Canada?", ""},
    {"Covered by Alberta Health Services since 2010.", ""},
};

INSTANTIATE_TEST_SUITE_P(Positive, NameCaseTest, ::testing::ValuesIn(kPositive));
INSTANTIATE_TEST_SUITE_P(Negative, NameCaseTest, ::testing::ValuesIn(kNegative));

TEST(NameTextAnalyzerTest, SkipsShortLabelledCells) {
  EXPECT_TRUE(Analyze("Anna Lee", UnitKind::kTableCell).empty());
  EXPECT_FALSE(Analyze("Seen today: Anna Lee, no change.", UnitKind::kTableCell).empty());
}

// Lower-case words get their part only when a run reaches them: a
// particle inside a name is still read, and one with no capitalised word
// before it starts nothing.
TEST(NameTextAnalyzerTest, ParticlesOnlyInsideARun) {
  std::vector<ProposedFinding> found = Analyze("Patient: Anna van der Berg");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].normalized, "Anna van der Berg");
  EXPECT_TRUE(Analyze("Patient: anna van der berg").empty());
  found = Analyze("Patient: van der Berg");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].normalized, "Berg");
}

std::vector<std::string> Names(std::string_view text) {
  std::vector<std::string> names;
  for (const ProposedFinding& f : Analyze(text)) names.push_back(f.normalized);
  return names;
}

// A lone word that is no given name is asked about the surname list only
// when being a surname can lift it to the threshold: not without context
// ("Gonzalez" alone scores 0.45); yes with a context word (a person's verb
// after it adds 0.15: enough for a surname, not for a word in no list),
// after an initial, and for a short acronym in capitals (no name unless it
// is in a list).
TEST(NameTextAnalyzerTest, LoneSurnameCountsWhenItCanDecide) {
  using Found = std::vector<std::string>;
  EXPECT_EQ(Names("the notes of Gonzalez are filed"), Found{});
  EXPECT_EQ(Names("the notes of Quuxley are filed"), Found{});
  EXPECT_EQ(Names("then Gonzalez said it hurts"), Found{"Gonzalez"});
  EXPECT_EQ(Names("then Quuxley said it hurts"), Found{});
  EXPECT_EQ(Names("Results for J. Gonzalez today."), Found{"J. Gonzalez"});
  EXPECT_EQ(Names("Results for J. Quuxley today."), Found{});
  EXPECT_EQ(Names("Spoke with LEE about results."), Found{"Lee"});
  EXPECT_EQ(Names("Spoke with QUUX about results."), Found{});
  EXPECT_EQ(Names("Statement\nJ. Gonzalez\n82 Cedar Wlk\nYorkton SK"),
            Found{"J. Gonzalez"});
}

TEST(NameTextAnalyzerTest, SpanCoversNameWithoutTitle) {
  std::string text = "Dr. Anna Lee reviewed the chart.";
  std::vector<ProposedFinding> found = Analyze(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].start, found[0].end - found[0].start), "Anna Lee");
  EXPECT_GE(found[0].confidence, 0.5);
  EXPECT_EQ(found[0].detector, "name_text");
}

TEST(NameTextAnalyzerTest, ExplanationNeverHoldsTheValue) {
  for (const ProposedFinding& f : Analyze("Patient: Xochitl Quispe")) {
    EXPECT_EQ(f.explanation.find("Quispe"), std::string::npos);
  }
}

}  // namespace
}  // namespace breachscope

namespace breachscope {
namespace {

// Names a pattern finding already covers are not proposed; a signature
// does not count. Many prior findings (a long block) take the sorted
// index, a few the plain scan: both must answer alike.
TEST(NamePriorTest, OverlapWithFewAndManyPriorFindings) {
  const std::string text =
      "Seen by patient John Smith today. Her sister Mary Jones called. "
      "Signed: Dr. Anna Lee. Codes 1111 2222 3333 4444 5555.";
  const uint32_t john = static_cast<uint32_t>(text.find("John"));
  const uint32_t mary = static_cast<uint32_t>(text.find("Mary"));
  const uint32_t anna = static_cast<uint32_t>(text.find("Anna"));
  const uint32_t codes = static_cast<uint32_t>(text.find("1111"));
  for (size_t filler : {size_t{0}, size_t{40}}) {
    std::vector<PriorFinding> prior;
    // Spans that overlap no name, unsorted.
    for (size_t i = 0; i < filler; ++i) {
      uint32_t at = codes + static_cast<uint32_t>((i * 7) % 20);
      prior.push_back({at, at + 4, "identifier"});
    }
    prior.push_back({john + 2, john + 6, "phone"});      // inside "John Smith"
    prior.push_back({anna, anna + 8, "signature"});      // does not count
    TextUnit unit;
    unit.text = text;
    std::vector<ProposedFinding> out;
    NameTextAnalyzerInstance().Analyze(unit, prior, nullptr, &out);
    std::vector<uint32_t> starts;
    for (const ProposedFinding& f : out) starts.push_back(f.start);
    EXPECT_EQ(std::count(starts.begin(), starts.end(), john), 0) << filler;
    EXPECT_EQ(std::count(starts.begin(), starts.end(), mary), 1) << filler;
    EXPECT_EQ(std::count(starts.begin(), starts.end(), anna), 1) << filler;
  }
}

}  // namespace
}  // namespace breachscope
