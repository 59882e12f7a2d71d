#include "report/notice/letter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "report/notice/notice_test_util.h"
#include "report/notice/notification_list.h"
#include "report/notice/pdf_writer.h"

namespace breachscope {
namespace {

constexpr const char* kCompleteFacts = R"TOML(
[organisation]
name = "Prairie Lab Services"
contact = "Privacy Officer"
phone = "1-800-555-0100"
email = "privacy@example.org"
[incident]
discovered = 2026-02-21
phi_confirmed = 2026-04-10
what_happened = "Attackers copied patient files."
what_happened_fr = "Des pirates ont copié des dossiers."
period = "in February 2026"
possible_harm = "Identity theft."
mitigation = "Two years of credit monitoring."
individual_steps = "Watch your statements."
prevention = "Multi-factor authentication."
apology = "We are sorry."
[regimes]
apply = ["sk_hipa"]
)TOML";

ReportModel Model(const char* toml) {
  ReportModel m;
  m.book = &BuiltinRegimeBook();
  m.generated_on = *ParseCalendarDate("2026-04-20");
  m.facts = ParseCaseFacts(toml, *m.book).value();
  for (const std::string& id : m.facts.regimes) m.regimes.push_back(m.book->Find(id));
  AffectedPerson a;
  a.id = "7";
  a.names = {"Jean-Éric Côté-Tremblay"};
  a.addresses = {"12 rue Saint-Jean, Québec, QC G1R 1P5"};
  a.categories = {"date_of_birth", "diagnosis"};
  AffectedPerson b;
  b.id = "8";
  b.names = {"Mary O'Brien"};
  b.addresses = {"8900 Scarth Way, Regina, SK S4P 3Y2"};
  b.categories = {"name", "lab_result"};
  m.people = {a, b};
  DeriveNotification(&m);
  return m;
}

LetterTemplate Builtin(const char* language) { return LoadLetterTemplate("/nonexistent", language).value(); }

TEST(Letter, SaskatchewanLetterHasTheNineElementsInTemplateOrder) {
  ReportModel m = Model(kCompleteFacts);
  Letter letter = RenderLetter(m, m.people[1], Builtin("en")).value();
  EXPECT_EQ(letter.elements, (std::set<std::string>{"what_happened", "information_involved", "possible_harm",
                                                    "mitigation", "prevention", "contact", "complaint_right",
                                                    "regulator_contact", "apology"}));
  EXPECT_TRUE(letter.missing.empty()) << *letter.missing.begin();
  std::string text = LetterText(letter);
  EXPECT_NE(text.find("Dear Mary O'Brien,"), std::string::npos);
  EXPECT_NE(text.find("8900 Scarth Way\nRegina SK  S4P 3Y2"), std::string::npos) << text;
  EXPECT_NE(text.find("includes: name and laboratory test results."), std::string::npos);
  EXPECT_NE(text.find("intake@oipc.sk.ca"), std::string::npos);
  EXPECT_LT(text.find("What happened"), text.find("Our apology"));
  EXPECT_EQ(text.find("When it happened"), std::string::npos);  // not required by HIPA
}

TEST(Letter, QuebecResidentGetsTheFrenchLetterWithFrenchFacts) {
  ReportModel m = Model(kCompleteFacts);
  Letter letter = RenderLetter(m, m.people[0], Builtin("fr")).value();
  std::string text = LetterText(letter);
  EXPECT_NE(text.find("Bonjour Jean-Éric Côté-Tremblay,"), std::string::npos);
  EXPECT_NE(text.find("Des pirates ont copié des dossiers."), std::string::npos);
  EXPECT_NE(text.find("date de naissance et diagnostics ou problèmes de santé"), std::string::npos);
  EXPECT_NE(text.find("Le 20 avril 2026"), std::string::npos);
}

TEST(Letter, MissingFactsAreFlaggedNotSilentlyDropped) {
  ReportModel m = Model(kSaskatchewanCaseToml);
  Letter letter = RenderLetter(m, m.people[1], Builtin("en")).value();
  EXPECT_TRUE(letter.missing.count("incident.possible_harm"));
  EXPECT_TRUE(letter.missing.count("incident.apology"));
  EXPECT_NE(LetterText(letter).find("[missing: incident.apology]"), std::string::npos);
}

TEST(Letter, TemplateWithoutARequiredElementIsRefused) {
  ReportModel m = Model(kCompleteFacts);
  LetterTemplate tmpl = ParseLetterTemplate("@salutation\nHello\n@element what_happened: What\nx\n").value();
  Result<Letter> letter = RenderLetter(m, m.people[1], tmpl);
  ASSERT_FALSE(letter.ok());
  EXPECT_NE(letter.status().message().find("no @element information_involved"), std::string::npos);
}

TEST(Letter, TemplateErrorsNameTheLine) {
  EXPECT_EQ(ParseLetterTemplate("# c\n@footer\n").status().message(),
            "letter template line 2: unknown section @footer");
  EXPECT_FALSE(ParseLetterTemplate("text first\n").ok());
  EXPECT_FALSE(ParseLetterTemplate("@element nothing\n").ok());
}

TEST(Letter, CaseTemplateOverridesTheBuiltIn) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "bs_letter_template_test";
  std::filesystem::create_directories(dir / "templates");
  std::ofstream(dir / "templates" / "letter_en.txt") << "@salutation\nHi {{person.name}}\n";
  LetterTemplate tmpl = LoadLetterTemplate(dir.string(), "en").value();
  ASSERT_EQ(tmpl.sections.size(), 1u);
  EXPECT_EQ(tmpl.sections[0].body, "Hi {{person.name}}");
  std::filesystem::remove_all(dir);
}

// The PDF's text, as poppler reads it back: accents and every heading kept.
TEST(Letter, PdfCarriesTheLetterText) {
  ReportModel m = Model(kCompleteFacts);
  Letter letter = RenderLetter(m, m.people[0], Builtin("fr")).value();
  std::filesystem::path pdf_path = std::filesystem::temp_directory_path() / "bs_letter_test.pdf";
  {
    PdfWriter pdf(pdf_path.string());
    ASSERT_TRUE(pdf.status().ok());
    for (const LetterBlock& b : letter.blocks) pdf.Paragraph(b.text);
    ASSERT_TRUE(pdf.Close().ok());
  }
  EXPECT_EQ(std::filesystem::status(pdf_path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::string command = "pdftotext -enc UTF-8 " + pdf_path.string() + " -";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string text;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  ASSERT_EQ(pclose(pipe), 0) << "pdftotext (poppler-utils) is needed";
  EXPECT_NE(text.find("Jean-Éric Côté-Tremblay"), std::string::npos) << text;
  EXPECT_NE(text.find("Votre droit de porter plainte"), std::string::npos);
  EXPECT_NE(text.find("Nos excuses"), std::string::npos);
  std::filesystem::remove(pdf_path);
}

}  // namespace
}  // namespace breachscope
