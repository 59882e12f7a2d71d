// How every command opens a case: with its key, through one function.
//
// A case's key comes from a passphrase when the case records Argon2id
// parameters (`case init --passphrase`): the passphrase is read from the
// variable named by `--passphrase-env`, else $BREACHSCOPE_PASSPHRASE, else
// a prompt without echo when stdin is a terminal. Otherwise the key file
// is, in order: `--key-file PATH` (an option of the top-level
// command, accepted after any subcommand too), else $BREACHSCOPE_KEY_FILE,
// else DefaultKeyPath(case_dir) (`DIR.key` beside the case folder). The
// store is opened with the SodiumSealer of that key, so every command
// (scan, summary, export, resolve, review, ...) seals and unseals alike,
// and a wrong or missing key is refused before anything is read.
//
// Threading: call from the main thread (the option is set once at parse).
#ifndef BREACHSCOPE_APP_CASE_ACCESS_H_
#define BREACHSCOPE_APP_CASE_ACCESS_H_

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "common/status.h"
#include "store/audit_log.h"
#include "store/case_key.h"
#include "store/case_key_passphrase.h"
#include "store/case_store.h"
#include "store/sealer.h"

namespace breachscope {

// Adds --key-file to the top-level command and lets subcommands pass it up,
// so `breachscope scan ... --key-file K` works. Call before subcommands are
// registered.
void AddKeyFileOption(CLI::App& app);

// Adds --passphrase-env VAR to the top-level command (with AddKeyFileOption).
void AddPassphraseOption(CLI::App& app);
// The variable named by --passphrase-env, or "" when not given.
std::string PassphraseEnvName();

// How a new key is made (case init, scan of a new case, case rekey).
struct NewKeyOptions {
  // Derive the key from a passphrase rather than write a key file.
  bool passphrase = false;
  // Argon2id limits of a passphrase key.
  KdfStrength strength = KdfStrength::kModerate;
  // Variable holding the new passphrase; "" = the command's default
  // variable, else a prompt (twice) on a terminal.
  std::string passphrase_env;
};

// The key file path for `case_dir` (see above).
std::string KeyFilePath(const std::string& case_dir);

// True when `case_dir` holds a case database.
bool CaseExists(const std::string& case_dir);

// True when `case_dir`'s key is derived from a passphrase.
bool IsPassphraseCase(const std::string& case_dir);

// Reads the key of `case_dir`: from its key file, or derived from its
// passphrase (checked against the case, kept for the rest of the process).
// kEncrypted with a message saying where the key or passphrase was looked
// for when it is missing, or that the passphrase is wrong.
Result<CaseKey> LoadCaseKey(const std::string& case_dir);

// The passphrase that opens `case_dir` (see above); kEncrypted if none.
Result<std::string> ReadCasePassphrase(const std::string& case_dir);
// A new passphrase: from `env_name` if given (which must be set), else
// from `default_env`, else asked twice on a terminal. kInvalidArgument when
// there is none, the two differ, or it is shorter than 8 characters.
Result<std::string> ReadNewPassphrase(const std::string& env_name,
                                      const std::string& default_env);
// Derives `case_dir`'s passphrase key (used by LoadCaseKey).
Result<CaseKey> DerivePassphraseKey(const std::string& case_dir);
// The process-wide memory of derived keys: set by init, cleared by rekey.
void RememberCaseKey(const std::string& case_dir, const CaseKey& key);
void ForgetCaseKey(const std::string& case_dir);

// The sealer of `case_dir`'s key.
Result<std::unique_ptr<Sealer>> LoadCaseSealer(const std::string& case_dir);

// Creates a case: its key file (exclusive, 0600) and its database with the
// key check. Fails if the database exists. When the key file exists already
// (named by the user), it is used rather than replaced. `*key_created`
// tells which. With `options.passphrase`, no key file: the key is derived
// from a new passphrase ($BREACHSCOPE_PASSPHRASE by default) and the
// Argon2id parameters are recorded in the case.
Status InitCase(const std::string& case_dir, const NewKeyOptions& options,
                bool* key_created);

// Opens an existing case with its key. kNotFound when there is no case;
// kEncrypted when the key is missing or wrong.
Result<std::unique_ptr<CaseStore>> OpenCase(const std::string& case_dir);

// For scan: opens the case, creating it (and its key, said on stderr) when
// the folder holds none; by passphrase when --passphrase-env was given.
Result<std::unique_ptr<CaseStore>> OpenOrCreateCase(const std::string& case_dir);

// Records `event` in the case's audit log, with the case key. Commands call
// it after every scan, resolve, export and report, and *before* showing
// revealed values (a reveal that cannot be recorded does not happen).
Status RecordAudit(const std::string& case_dir, const AuditEvent& event);

// Process exit code for a failed open: kExitKey for key problems, else
// kExitFailure.
int ExitCodeForCaseError(const Status& status);

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_CASE_ACCESS_H_
