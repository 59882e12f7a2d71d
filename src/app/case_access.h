// How every command opens a case: with its key, through one function.
//
// The key file is, in order: `--key-file PATH` (an option of the top-level
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
#include "store/case_store.h"
#include "store/sealer.h"

namespace breachscope {

// Adds --key-file to the top-level command and lets subcommands pass it up,
// so `breachscope scan ... --key-file K` works. Call before subcommands are
// registered.
void AddKeyFileOption(CLI::App& app);

// The key file path for `case_dir` (see above).
std::string KeyFilePath(const std::string& case_dir);

// True when `case_dir` holds a case database.
bool CaseExists(const std::string& case_dir);

// Reads the key of `case_dir`. kEncrypted with a message saying where the
// key was looked for when it is missing.
Result<CaseKey> LoadCaseKey(const std::string& case_dir);

// The sealer of `case_dir`'s key.
Result<std::unique_ptr<Sealer>> LoadCaseSealer(const std::string& case_dir);

// Creates a case: its key file (exclusive, 0600) and its database with the
// key check. Fails if the database exists. When the key file exists already
// (named by the user), it is used rather than replaced. `*key_created`
// tells which.
Status InitCase(const std::string& case_dir, bool* key_created);

// Opens an existing case with its key. kNotFound when there is no case;
// kEncrypted when the key is missing or wrong.
Result<std::unique_ptr<CaseStore>> OpenCase(const std::string& case_dir);

// For scan: opens the case, creating it (and its key, said on stderr) when
// the folder holds none.
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
