// `breachscope case init --case DIR` and `breachscope case rekey --case DIR`:
// creating a case with its key (a key file or a passphrase), and
// re-sealing it under a new key, between the two either way.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <utility>
#include <iostream>

#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "store/audit_log.h"
#include "store/sodium_sealer.h"
#include "store/sqlite_rekey.h"

namespace breachscope {
namespace {

// Options of `case init` and `case rekey`.
struct CaseKeyArgs {
  std::string case_dir;
  bool passphrase = false;      // init: derive the key from a passphrase
  std::string to;               // rekey: "key-file" | "passphrase" | "" (as now)
  std::string limits = "moderate";
  std::string new_passphrase_env;
};

Result<NewKeyOptions> KeyOptions(const CaseKeyArgs& args, bool passphrase) {
  Result<KdfStrength> strength = ParseKdfStrength(args.limits);
  if (!strength.ok()) return strength.status();
  NewKeyOptions options;
  options.passphrase = passphrase;
  options.strength = strength.value();
  return options;
}

int RunCaseInit(const CaseKeyArgs& args) {
  const std::string& case_dir = args.case_dir;
  Result<NewKeyOptions> options =
      KeyOptions(args, args.passphrase || !PassphraseEnvName().empty());
  bool key_created = false;
  Status st = options.ok() ? InitCase(case_dir, options.value(), &key_created)
                           : options.status();
  if (!st.ok()) {
    std::cerr << "breachscope: case init: " << st.message() << "\n";
    return st.code() == StatusCode::kInvalidArgument ? kExitUsage
                                                     : ExitCodeForCaseError(st);
  }
  std::cout << "case: " << case_dir << "\n";
  if (options.value().passphrase) {
    std::cout << "key: derived from the passphrase (Argon2id, " << args.limits
              << " limits; the case does not open without the passphrase)\n";
    return kExitOk;
  }
  std::cout << "key: " << KeyFilePath(case_dir)
            << (key_created ? " (new; keep it apart from the case folder and "
                              "backed up: the case does not open without it)"
                            : " (existing key file)")
            << "\n";
  return kExitOk;
}

// The new key of a rekey to a passphrase, and its parameters' text.
Result<std::pair<CaseKey, std::string>> NewPassphraseKey(const CaseKeyArgs& args,
                                                         KdfStrength strength) {
  Result<std::string> passphrase =
      ReadNewPassphrase(args.new_passphrase_env, "BREACHSCOPE_NEW_PASSPHRASE");
  if (!passphrase.ok()) return passphrase.status();
  const PassphraseKdf kdf = PassphraseKdf::Fresh(strength);
  Result<CaseKey> key = DeriveCaseKey(passphrase.value(), kdf);
  if (!key.ok()) return key.status();
  return std::make_pair(key.value(), kdf.ToText());
}

int RekeyFailed(const Status& st) {
  std::cerr << "breachscope: case rekey: " << st.message() << "\n";
  return st.code() == StatusCode::kInvalidArgument ? kExitUsage
                                                   : ExitCodeForCaseError(st);
}

// Order matters for crash safety. To a key file: the new key is on disk
// (KEY.new) before the database changes, and replaces KEY only after the
// database and the audit log are under it; stopped in between, KEY.new
// opens the case. To a passphrase: the database records the new Argon2id
// parameters in the same transaction as the new key check, so it opens
// with the new passphrase from the commit on; an old key file is removed
// last, as it no longer opens anything.
int RunCaseRekey(const CaseKeyArgs& args) {
  const std::string& case_dir = args.case_dir;
  if (!CaseExists(case_dir)) return RekeyFailed(NotFound("no case in " + case_dir));
  const bool was_passphrase = IsPassphraseCase(case_dir);
  if (!args.to.empty() && args.to != "key-file" && args.to != "passphrase") {
    return RekeyFailed(InvalidArgument("--to must be key-file or passphrase"));
  }
  const bool to_passphrase = args.to.empty() ? was_passphrase : args.to == "passphrase";
  Result<NewKeyOptions> options = KeyOptions(args, to_passphrase);
  if (!options.ok()) return RekeyFailed(options.status());
  Result<CaseKey> old_key = LoadCaseKey(case_dir);
  if (!old_key.ok()) return RekeyFailed(old_key.status());
  // The case keeps its scheme: its hashes are recomputed with the same
  // function under the new key.
  Result<std::unique_ptr<Sealer>> old_sealer = NewCaseSealer(case_dir, old_key.value());
  if (!old_sealer.ok()) return RekeyFailed(old_sealer.status());
  const std::string key_path = KeyFilePath(case_dir);
  const std::string new_path = key_path + ".new";
  std::string kdf_text;
  CaseKey new_key = CaseKey::Generate();
  if (to_passphrase) {
    auto made = NewPassphraseKey(args, options.value().strength);
    if (!made.ok()) return RekeyFailed(made.status());
    new_key = made.value().first;
    kdf_text = made.value().second;
  } else {
    Status st = WriteKeyFile(new_path, new_key);
    if (!st.ok()) {
      std::cerr << "breachscope: case rekey: " << st.message()
                << " (left by an interrupted rekey? if the case opens with it, "
                   "move it over " << key_path << ")\n";
      return kExitFailure;
    }
  }
  Result<std::unique_ptr<Sealer>> new_sealer =
      NewSealerForScheme(old_sealer.value()->scheme(), new_key);
  Result<RekeyCounts> counts =
      new_sealer.ok() ? RekeySqliteCase(case_dir, *old_sealer.value(),
                                        *new_sealer.value(), kdf_text)
                      : Result<RekeyCounts>(new_sealer.status());
  if (!counts.ok()) {
    if (!to_passphrase) std::remove(new_path.c_str());  // still under the old key
    return RekeyFailed(counts.status());
  }
  ForgetCaseKey(case_dir);
  Status st = RechainAudit(case_dir, old_key.value(), new_key);
  if (st.ok() && !to_passphrase && std::rename(new_path.c_str(), key_path.c_str()) != 0) {
    st = IoError("cannot move " + new_path + " over " + key_path);
  }
  if (!st.ok()) {
    std::cerr << "breachscope: case rekey: the case is sealed with the new key"
              << (to_passphrase ? " (the new passphrase)" : " in " + new_path)
              << " but: " << st.message() << "\n";
    return kExitFailure;
  }
  if (to_passphrase && !was_passphrase && std::remove(key_path.c_str()) == 0) {
    std::cout << "removed the old key file " << key_path << "\n";
  }
  (void)AppendAudit(case_dir, new_key,
                    {"rekey",
                     to_passphrase ? "all values re-sealed under a passphrase key"
                                   : "all values re-sealed under a new key",
                     {{"values", counts.value().values}}});
  std::cout << "re-sealed " << counts.value().values << " values ("
            << counts.value().rows << " rows) under a new key "
            << (to_passphrase ? "derived from the new passphrase"
                              : "in " + key_path)
            << " (fingerprint " << new_key.Fingerprint() << ")\n";
  return kExitOk;
}

}  // namespace

void RegisterCaseCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "case", "Create a case with its key, or re-seal it under a new key.");
  cmd->require_subcommand(1);
  auto args = std::make_shared<CaseKeyArgs>();
  const char* kLimitsHelp =
      "Argon2id limits of a passphrase key: interactive (64 MiB), moderate "
      "(256 MiB, default) or sensitive (1 GiB)";
  CLI::App* init = cmd->add_subcommand(
      "init", "Create an empty case and its key file (mode 0600; default "
              "DIR.key beside the folder, or --key-file), or a key derived "
              "from a passphrase (--passphrase).");
  init->add_option("--case", args->case_dir, "Case folder")->required();
  init->add_flag("--passphrase", args->passphrase,
                 "Derive the key from a passphrase (Argon2id) instead of a "
                 "key file: $BREACHSCOPE_PASSPHRASE, the variable named by "
                 "--passphrase-env, or asked twice on a terminal");
  init->add_option("--kdf-limits", args->limits, kLimitsHelp);
  init->callback([args, exit_code] { *exit_code = RunCaseInit(*args); });
  CLI::App* rekey = cmd->add_subcommand(
      "rekey", "Re-seal every value of the case under a new key: a new key "
               "file, or a key derived from a new passphrase.");
  rekey->add_option("--case", args->case_dir, "Case folder")->required();
  rekey->add_option("--to", args->to,
                    "key-file | passphrase (default: as the case is now)");
  rekey->add_option("--new-passphrase-env", args->new_passphrase_env,
                    "Variable holding the new passphrase (default: "
                    "$BREACHSCOPE_NEW_PASSPHRASE, else asked twice on a "
                    "terminal)");
  rekey->add_option("--kdf-limits", args->limits, kLimitsHelp);
  rekey->callback([args, exit_code] { *exit_code = RunCaseRekey(*args); });
  AddCaseFactsCommand(cmd, exit_code);
}

}  // namespace breachscope
