// Passphrases for cases whose key is derived with Argon2id: where a
// passphrase comes from (an environment variable, else a prompt without
// echo when stdin is a terminal), and the derived keys kept for the rest of
// the process, since one command opens its case several times and each
// derivation costs about a second and 256 MiB.
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "app/case_access.h"
#include "store/case_key_passphrase.h"
#include "store/case_meta.h"
#include "store/sodium_sealer.h"

namespace breachscope {
namespace {

constexpr size_t kMinPassphraseLength = 8;

// Set once while the command line is parsed.
std::string& PassphraseEnvOption() {
  static std::string name;
  return name;
}

struct KeyCache {
  std::mutex mu;
  std::map<std::string, CaseKey> keys;
};

KeyCache& Cache() {
  static KeyCache cache;
  return cache;
}

// Reads one line from stdin with echo off; restores the terminal after.
std::string PromptNoEcho(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios old_mode{};
  const bool have_mode = ::tcgetattr(STDIN_FILENO, &old_mode) == 0;
  if (have_mode) {
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (have_mode) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old_mode);
  std::cerr << "\n";
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The value of environment variable `name`, if set and not empty.
std::optional<std::string> FromEnv(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::string CanonicalDir(const std::string& case_dir) {
  std::error_code ec;
  return std::filesystem::weakly_canonical(case_dir, ec).string();
}

}  // namespace

void AddPassphraseOption(CLI::App& app) {
  app.add_option("--passphrase-env", PassphraseEnvOption(),
                 "Environment variable holding the passphrase of a case "
                 "opened by passphrase (default: $BREACHSCOPE_PASSPHRASE, "
                 "else a prompt when stdin is a terminal)");
}

std::string PassphraseEnvName() { return PassphraseEnvOption(); }

bool IsPassphraseCase(const std::string& case_dir) {
  if (!CaseExists(case_dir)) return false;
  Result<std::string> kdf = ReadCaseMeta(case_dir, std::string(kPassphraseKdfMeta));
  return kdf.ok() && !kdf.value().empty();
}

Result<std::string> ReadCasePassphrase(const std::string& case_dir) {
  const std::string& named = PassphraseEnvOption();
  if (!named.empty()) {
    std::optional<std::string> value = FromEnv(named);
    if (!value) return Encrypted("--passphrase-env " + named + " names an unset or empty variable");
    return *value;
  }
  if (std::optional<std::string> value = FromEnv("BREACHSCOPE_PASSPHRASE")) return *value;
  if (::isatty(STDIN_FILENO)) return PromptNoEcho("Passphrase for case " + case_dir + ": ");
  return Encrypted("case " + case_dir + " opens with a passphrase: set "
                   "BREACHSCOPE_PASSPHRASE, or name a variable with --passphrase-env");
}

Result<std::string> ReadNewPassphrase(const std::string& env_name,
                                      const std::string& default_env) {
  std::optional<std::string> value = FromEnv(env_name.empty() ? default_env : env_name);
  if (!value && !env_name.empty()) {
    return InvalidArgument(env_name + " (the new passphrase) is unset or empty");
  }
  if (!value && ::isatty(STDIN_FILENO)) {
    const std::string first = PromptNoEcho("New passphrase: ");
    if (PromptNoEcho("Repeat it: ") != first) {
      return InvalidArgument("the two passphrases differ");
    }
    value = first;
  }
  if (!value) {
    return InvalidArgument("no new passphrase: set " + default_env +
                           ", or name a variable, or run on a terminal");
  }
  if (value->size() < kMinPassphraseLength) {
    return InvalidArgument("a passphrase needs at least " +
                           std::to_string(kMinPassphraseLength) + " characters");
  }
  return *value;
}

Result<CaseKey> DerivePassphraseKey(const std::string& case_dir) {
  const std::string dir = CanonicalDir(case_dir);
  {
    std::lock_guard<std::mutex> lock(Cache().mu);
    auto it = Cache().keys.find(dir);
    if (it != Cache().keys.end()) return it->second;
  }
  Result<std::string> text = ReadCaseMeta(case_dir, std::string(kPassphraseKdfMeta));
  if (!text.ok()) return text.status();
  Result<PassphraseKdf> kdf = PassphraseKdf::Parse(text.value());
  if (!kdf.ok()) return kdf.status();
  Result<std::string> passphrase = ReadCasePassphrase(case_dir);
  if (!passphrase.ok()) return passphrase.status();
  Result<CaseKey> key = DeriveCaseKey(passphrase.value(), kdf.value());
  sodium_memzero(passphrase.value().data(), passphrase.value().size());
  if (!key.ok()) return key.status();
  // Checked here, not only when the store opens: resolve, export and audit
  // open the case through other paths, and all must refuse alike.
  Result<std::unique_ptr<Sealer>> sealer = NewCaseSealer(case_dir, key.value());
  if (!sealer.ok()) return sealer.status();
  Status check = CheckCaseKey(case_dir, *sealer.value());
  if (check.code() == StatusCode::kEncrypted) {
    return Encrypted("the passphrase does not open this case (wrong "
                     "passphrase, or the case was rekeyed)");
  }
  BS_RETURN_IF_ERROR(check);
  RememberCaseKey(case_dir, key.value());
  return key;
}

void RememberCaseKey(const std::string& case_dir, const CaseKey& key) {
  std::lock_guard<std::mutex> lock(Cache().mu);
  Cache().keys.insert_or_assign(CanonicalDir(case_dir), key);
}

void ForgetCaseKey(const std::string& case_dir) {
  std::lock_guard<std::mutex> lock(Cache().mu);
  Cache().keys.erase(CanonicalDir(case_dir));
}

}  // namespace breachscope
