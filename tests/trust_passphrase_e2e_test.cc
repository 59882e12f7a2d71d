// End to end: a case whose key is derived from a passphrase (Argon2id).
// It opens with the passphrase from $BREACHSCOPE_PASSPHRASE or a variable
// named by --passphrase-env, from every command; a wrong or missing
// passphrase exits 5 like a wrong or missing key; neither the passphrase
// nor a key file is left anywhere; `case rekey` moves a case from a key file
// to a passphrase and back with every finding and individual unchanged.
// Interactive limits keep each derivation near a tenth of a second.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace breachscope {
namespace {

namespace fs = std::filesystem;
using e2e::ProcessResult;
using e2e::RunProcess;
using e2e::TempDir;

constexpr char kPass[] = "tide-lantern-orchard-57";
constexpr char kNewPass[] = "granite-willow-harbour-12";

// Runs breachscope with `env` (NAME=value, ...) and stdin from /dev/null, so
// no command can wait on a prompt whatever the test's own stdin is.
ProcessResult BsEnv(const std::vector<std::string>& env, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"env", "-u", "BREACHSCOPE_PASSPHRASE", "-u",
                                   "BREACHSCOPE_NEW_PASSPHRASE", "-u", "BREACHSCOPE_KEY_FILE"};
  argv.insert(argv.end(), env.begin(), env.end());
  argv.insert(argv.end(), {"sh", "-c", "exec \"$0\" \"$@\" </dev/null", e2e::BinaryPath()});
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv);
}

ProcessResult Bs(const std::vector<std::string>& args) { return BsEnv({}, args); }

std::string WithPass(const char* pass = kPass) {
  return std::string("BREACHSCOPE_PASSPHRASE=") + pass;
}

// A small share: one CSV of patients, enough for findings and individuals.
void WriteShare(const std::string& dir) {
  fs::create_directories(dir);
  e2e::WriteFile(dir + "/patients.csv",
                 "name,date_of_birth,health_card,phone,email,diagnosis\n"
                 "Margaret Okafor,1957-03-14,9876 543 210,416-555-0187,"
                 "m.okafor@example.org,E11.9\n"
                 "Desmond Lachance,1983-11-02,1234 567 890,613-555-0142,"
                 "dlachance@example.net,I10\n");
}

bool FileHolds(const std::string& folder, const std::string& needle) {
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() &&
        e2e::ReadFile(entry.path().string()).find(needle) != std::string::npos) {
      return true;
    }
  }
  return false;
}

class PassphraseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    share_ = tmp_.path() + "/share";
    case_ = tmp_.path() + "/case";
    WriteShare(share_);
  }
  TempDir tmp_;
  std::string share_, case_;
};

TEST_F(PassphraseTest, OpensOnlyWithItsPassphraseFromEveryCommand) {
  ProcessResult init = BsEnv({WithPass()}, {"case", "init", "--case", case_, "--passphrase",
                                            "--kdf-limits", "interactive"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(init.out.find("derived from the passphrase"), std::string::npos) << init.out;
  EXPECT_FALSE(fs::exists(case_ + ".key"));
  ProcessResult scan = BsEnv({WithPass()}, {"scan", share_, "--case", case_, "--quiet"});
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  ProcessResult plain = BsEnv({WithPass()}, {"export", "findings", "--case", case_});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("m.okafor@example.org"), std::string::npos);
  ASSERT_EQ(BsEnv({WithPass()}, {"resolve", "--case", case_}).exit_code, 0);
  // --passphrase-env names another variable.
  ProcessResult named = BsEnv({std::string("CASE_PASS=") + kPass},
                              {"export", "findings", "--case", case_, "--passphrase-env",
                               "CASE_PASS"});
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(named.out, plain.out);
  // Wrong passphrase: exit 5 from each way into the case, nothing printed.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"export", "findings", "--case", case_},
        {"summary", "--case", case_},
        {"export", "individuals", "--case", case_},
        {"resolve", "--case", case_},
        {"audit", "verify", "--case", case_},
        {"scan", share_, "--case", case_, "--quiet"}}) {
    ProcessResult wrong = BsEnv({WithPass("tide-lantern-orchard-58")}, args);
    EXPECT_EQ(wrong.exit_code, 5) << args[0] << ": " << wrong.err;
    EXPECT_NE(wrong.err.find("passphrase does not open this case"), std::string::npos)
        << args[0] << ": " << wrong.err;
    EXPECT_EQ(wrong.out.find("okafor"), std::string::npos) << args[0];
  }
  // No passphrase and no terminal: exit 5 saying how to give one.
  ProcessResult none = Bs({"summary", "--case", case_});
  EXPECT_EQ(none.exit_code, 5);
  EXPECT_NE(none.err.find("BREACHSCOPE_PASSPHRASE"), std::string::npos) << none.err;
  ProcessResult unset = Bs({"summary", "--case", case_, "--passphrase-env", "NO_SUCH_VAR"});
  EXPECT_EQ(unset.exit_code, 5) << unset.err;
  // The passphrase is nowhere in the case; the parameters are.
  EXPECT_FALSE(FileHolds(case_, kPass));
  EXPECT_TRUE(FileHolds(case_, "argon2id13 ops=2 mem=67108864 salt="));
  ProcessResult verify = BsEnv({WithPass()}, {"audit", "verify", "--case", case_});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(PassphraseTest, ScanCreatesAPassphraseCaseWhenOneIsNamed) {
  ProcessResult scan = BsEnv({std::string("P=") + kPass},
                             {"scan", share_, "--case", case_, "--quiet", "--passphrase-env", "P"});
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  EXPECT_NE(scan.err.find("derived from the passphrase"), std::string::npos) << scan.err;
  EXPECT_FALSE(fs::exists(case_ + ".key"));
  EXPECT_TRUE(FileHolds(case_, "argon2id13 ops=3 mem=268435456 salt="));  // moderate
  EXPECT_EQ(BsEnv({WithPass()}, {"summary", "--case", case_}).exit_code, 0);
}

TEST_F(PassphraseTest, ShortOrMissingNewPassphraseIsAUsageError) {
  ProcessResult short_pass = BsEnv({WithPass("short")}, {"case", "init", "--case", case_,
                                                         "--passphrase"});
  EXPECT_EQ(short_pass.exit_code, 2);
  EXPECT_NE(short_pass.err.find("at least 8 characters"), std::string::npos) << short_pass.err;
  ProcessResult none = Bs({"case", "init", "--case", case_, "--passphrase"});
  EXPECT_EQ(none.exit_code, 2) << none.err;
  ProcessResult limits = BsEnv({WithPass()}, {"case", "init", "--case", case_, "--passphrase",
                                              "--kdf-limits", "fast"});
  EXPECT_EQ(limits.exit_code, 2) << limits.err;
  EXPECT_FALSE(fs::exists(case_ + "/case.db"));
}

TEST_F(PassphraseTest, RekeyFromKeyFileToPassphraseAndBack) {
  ASSERT_EQ(Bs({"scan", share_, "--case", case_, "--quiet"}).exit_code, 0);
  ASSERT_EQ(Bs({"resolve", "--case", case_}).exit_code, 0);
  const std::string findings = Bs({"export", "findings", "--case", case_}).out;
  const std::string individuals = Bs({"export", "individuals", "--case", case_}).out;
  ASSERT_NE(findings.find("Okafor"), std::string::npos);
  ASSERT_FALSE(individuals.empty());
  fs::copy_file(case_ + ".key", tmp_.path() + "/old.key");

  ProcessResult to_pass = BsEnv({std::string("BREACHSCOPE_NEW_PASSPHRASE=") + kPass},
                                {"case", "rekey", "--case", case_, "--to", "passphrase",
                                 "--kdf-limits", "interactive"});
  ASSERT_EQ(to_pass.exit_code, 0) << to_pass.err;
  EXPECT_FALSE(fs::exists(case_ + ".key"));  // retired: it opens nothing now
  EXPECT_EQ(BsEnv({WithPass()}, {"export", "findings", "--case", case_}).out, findings);
  EXPECT_EQ(BsEnv({WithPass()}, {"export", "individuals", "--case", case_}).out, individuals);
  EXPECT_EQ(Bs({"export", "findings", "--case", case_}).exit_code, 5);
  ProcessResult old_key = Bs({"summary", "--case", case_, "--key-file",
                              tmp_.path() + "/old.key"});
  EXPECT_EQ(old_key.exit_code, 5);

  // Passphrase to passphrase: the old one stops working.
  ProcessResult again = BsEnv({WithPass(), std::string("NEWP=") + kNewPass},
                              {"case", "rekey", "--case", case_, "--new-passphrase-env",
                               "NEWP", "--kdf-limits", "interactive"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(BsEnv({WithPass()}, {"summary", "--case", case_}).exit_code, 5);
  EXPECT_EQ(BsEnv({WithPass(kNewPass)}, {"export", "findings", "--case", case_}).out, findings);
  // A wrong old passphrase rekeys nothing.
  ProcessResult wrong = BsEnv({WithPass(), std::string("BREACHSCOPE_NEW_PASSPHRASE=") + kPass},
                              {"case", "rekey", "--case", case_});
  EXPECT_EQ(wrong.exit_code, 5) << wrong.err;

  ProcessResult to_file = BsEnv({WithPass(kNewPass)},
                                {"case", "rekey", "--case", case_, "--to", "key-file"});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_TRUE(fs::exists(case_ + ".key"));
  EXPECT_NE(e2e::ReadFile(case_ + ".key"), e2e::ReadFile(tmp_.path() + "/old.key"));
  EXPECT_EQ(Bs({"export", "findings", "--case", case_}).out, findings);
  EXPECT_EQ(Bs({"export", "individuals", "--case", case_}).out, individuals);
  EXPECT_FALSE(FileHolds(case_, "argon2id13"));  // the parameters went with the passphrase
  ProcessResult verify = Bs({"audit", "verify", "--case", case_});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

}  // namespace
}  // namespace breachscope
