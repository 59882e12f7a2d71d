// End to end: scan a small share, resolve, then `breachscope report` and
// `breachscope deadlines`: the mail-house list, the no-address list, the
// regulator reports, the letters' text (read back with poppler) and file
// modes, checked exactly.
#include <sys/stat.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "test_support.h"

namespace breachscope::e2e {
namespace {

constexpr const char* kPatients =
    "patient_id,first_name,last_name,date_of_birth,street_address,city,province,postal_code,phone,diagnosis\n"
    "P001,Jean-Éric,Côté-Tremblay,1975-03-14,12 rue Saint-Jean,Québec,QC,G1R 1P5,418-555-0142,E11.9\n"
    "P002,Mary,O'Brien,1982-11-02,8900 Scarth Street,Regina,SK,S4P 3Y2,306-555-0199,I10\n"
    "P003,Sam,Lee,1990-06-30,,,,,,J45.909\n";

constexpr const char* kCaseToml = R"TOML(
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
possible_harm = "Identity theft."
mitigation = "Two years of credit monitoring."
prevention = "Multi-factor authentication."
apology = "We are sorry."
[regimes]
apply = ["sk_hipa"]
[done]
"sk_hipa.report_commissioner" = 2026-05-09
)TOML";

class ReportE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(share());
    WriteFile(share() + "/patients.csv", kPatients);
    ASSERT_EQ(Run({"scan", share(), "--case", kase(), "--quiet"}).exit_code, 0);
    ASSERT_EQ(Run({"resolve", "--case", kase()}).exit_code, 0);
    WriteFile(kase() + "/case.toml", kCaseToml);
  }
  ProcessResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), BinaryPath());
    return RunProcess(args);
  }
  std::string share() { return dir_.path() + "/share"; }
  std::string kase() { return dir_.path() + "/case"; }
  std::string out() { return dir_.path() + "/out"; }
  TempDir dir_;
};

TEST_F(ReportE2e, ListsAndLettersAreExact) {
  ProcessResult r = Run({"report", "--case", kase(), "--out", out(), "--as-of", "2026-04-20"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("individuals:        3 (2 with a mailing address, 1 without)"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("plain text"), std::string::npos);
  EXPECT_EQ(ReadFile(out() + "/notification_list.csv"),
            "individual_id,name,street,city,region,postal_code,country,language,jurisdiction,categories\n"
            "1,Jean-Éric Côté-Tremblay,12 rue Saint-Jean,Québec,QC,G1R 1P5,CA,fr,QC,adresse; date de naissance; "
            "diagnostics ou problèmes de santé; nom; numéro de patient; numéro de téléphone\n"
            "2,Mary O'Brien,8900 Scarth Street,Regina,SK,S4P 3Y2,CA,en,SK,address; date of birth; "
            "diagnoses or conditions; name; patient number; phone number\n");
  EXPECT_EQ(ReadFile(out() + "/no_address.csv"),
            "individual_id,name,jurisdiction,language,emails,phones,categories,reason\n"
            "3,Sam Lee,,en,,,date of birth; diagnoses or conditions; name; patient number,no address found\n");
  EXPECT_EQ(ReadFile(out() + "/MISSING.txt"),
            "Facts the letters or regulator reports still lack. Add them to case.toml and run "
            "`breachscope report` again:\n  incident.cause\n  incident.containment\n  incident.notification_steps\n  incident.period\n");
  const std::string html = ReadFile(out() + "/summary.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  for (const char* phi : {"Côté-Tremblay", "O'Brien", "1975-03-14", "4185550142", "Scarth"}) {
    EXPECT_EQ(html.find(phi), std::string::npos) << phi << " unmasked in summary.html";
  }
  for (const char* file : {"summary.html", "notification_list.csv", "letters/letter_1.pdf", "letters/all_letters.pdf",
                           "regulators/sk_hipa.json", "regulators/sk_hipa.pdf"}) {
    struct stat st {};
    ASSERT_EQ(stat((out() + "/" + file).c_str(), &st), 0) << file;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << file;
  }
  // Every element Saskatchewan's commissioner asks of a letter, by its
  // heading in the French template, and every item of the regulator report.
  ProcessResult letter = RunProcess({"pdftotext", "-enc", "UTF-8", out() + "/letters/letter_1.pdf", "-"});
  for (const char* heading : {"Ce qui s'est passé", "Les renseignements vous concernant",
                              "Les conséquences possibles pour vous", "Ce que nous faisons",
                              "Ce que nous faisons pour éviter que cela se reproduise", "Pour plus d'information",
                              "Votre droit de porter plainte", "Pour joindre l'autorité de surveillance", "Nos excuses"}) {
    EXPECT_NE(letter.out.find(heading), std::string::npos) << heading;
  }
  ProcessResult report = RunProcess({"pdftotext", "-enc", "UTF-8", out() + "/regulators/sk_hipa.pdf", "-"});
  for (const char* label : {"Organisation responsible", "What happened", "Date or period of the breach",
                            "Date the breach was discovered", "How the breach was contained",
                            "Categories of personal information involved", "Number of individuals affected",
                            "Individuals by jurisdiction of residence", "Steps taken or planned to notify",
                            "What we are doing to reduce the harm", "Steps taken to prevent a recurrence",
                            "Who to contact with questions", "Timeline", "Individuals affected, by category",
                            "[MISSING: set it in case.toml]", "70 days late"}) {
    EXPECT_NE(report.out.find(label), std::string::npos) << label << "\n" << report.out;
  }
  ProcessResult text = RunProcess({"pdftotext", "-enc", "UTF-8", out() + "/letters/letter_1.pdf", "-"});
  ASSERT_EQ(text.exit_code, 0) << "pdftotext (poppler-utils) is needed";
  for (const char* expected : {"Bonjour Jean-Éric Côté-Tremblay,", "Des pirates ont copié des dossiers.",
                               "Les renseignements vous concernant", "Votre droit de porter plainte",
                               "intake@oipc.sk.ca", "Nos excuses", "Le 20 avril 2026"}) {
    EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;
  }
}

TEST_F(ReportE2e, RegulatorReportCountsAndFlagsMissingItems) {
  ASSERT_EQ(Run({"report", "--case", kase(), "--out", out(), "--as-of", "2026-04-20"}).exit_code, 0);
  nlohmann::json sk = nlohmann::json::parse(ReadFile(out() + "/regulators/sk_hipa.json"));
  EXPECT_EQ(sk["individuals"], 3);
  EXPECT_EQ(sk["by_jurisdiction"], nlohmann::json({{"QC", 1}, {"SK", 1}, {"unknown", 1}}));
  EXPECT_EQ(sk["by_category"]["diagnosis"], 3);
  EXPECT_EQ(sk["missing"], nlohmann::json({"breach_dates", "containment", "notification_steps"}));
  EXPECT_EQ(sk["deadlines"][1]["status"], "done 2026-05-09, 70 days late");
}

TEST_F(ReportE2e, DeadlinesCommandAndItsErrors) {
  ProcessResult r = Run({"deadlines", "--case", kase(), "--as-of", "2026-04-20", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["obligations"].size(), 3u);
  EXPECT_EQ(doc["obligations"][1]["due"], "2026-02-28");
  EXPECT_EQ(Run({"deadlines", "--case", kase(), "--as-of", "20/04/2026"}).exit_code, 2);
  WriteFile(kase() + "/case.toml", "[incident]\ndiscoverd = 2026-02-21\n");
  r = Run({"deadlines", "--case", kase()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("case.toml line 2: unknown key incident.discoverd"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace breachscope::e2e
